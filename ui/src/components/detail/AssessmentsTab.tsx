import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Assessment } from '../../bindings/Assessment';
import type { Decision } from '../../bindings/Decision';
import { useSettings } from '../../ipc/queries';
import { formatDate } from '../../lib/dates';
import { TierTag } from '../Tags';
import { AssessmentFormModal } from './AssessmentFormModal';
import { Needs } from '../Needs';

const DECISION_COLOR: Record<Decision, string> = { approve: 'green', reject: 'red', defer: 'default' };

function Scores({ a }: { a: Assessment }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <div style={{ padding: '4px 8px' }}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={a.scores}
        style={{ maxWidth: 520, marginBottom: a.site_visit_notes ? 12 : 0 }}
        columns={[
          {
            key: 'label',
            title: t('fields.label'),
            render: (_: unknown, c) => (zh ? c.label_zh || c.label_en : c.label_en || c.label_zh),
          },
          { key: 'weight', dataIndex: 'weight', title: t('fields.weight'), width: 80, align: 'right' },
          { key: 'score', dataIndex: 'score', title: t('fields.scores'), width: 90, align: 'right' },
        ]}
      />
      {a.site_visit_notes ? (
        <div>
          <span className="muted">{t('fields.site_visit_notes')}：</span>
          <span style={{ whiteSpace: 'pre-wrap' }}>{a.site_visit_notes}</span>
        </div>
      ) : null}
    </div>
  );
}

export function AssessmentsTab({
  distributorId,
  assessments,
}: {
  distributorId: number;
  assessments: Assessment[];
}) {
  const { t } = useTranslation();
  const settings = useSettings();
  const [open, setOpen] = useState(false);
  const rows = [...assessments].sort((a, b) => b.id - a.id);

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Needs right="channel">
          <Button
            id="assessment-new"
            type="primary"
            icon={<PlusOutlined />}
            disabled={!settings.data}
            onClick={() => setOpen(true)}
          >
            {t('assessment.new')}
          </Button>
        </Needs>
      </Flex>
      <Table<Assessment>
        id="assessment-table"
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.empty')} />,
        }}
        expandable={{ expandedRowRender: (a) => <Scores a={a} /> }}
        columns={[
          {
            key: 'assessed_on',
            dataIndex: 'assessed_on',
            title: t('fields.assessed_on'),
            width: 130,
            render: (v: string) => formatDate(v),
          },
          { key: 'assessor', dataIndex: 'assessor', title: t('fields.assessor'), width: 120 },
          {
            key: 'total',
            dataIndex: 'total',
            title: t('fields.total'),
            width: 120,
            align: 'right',
            render: (v: string) => <strong className="money">{v}</strong>,
          },
          {
            key: 'recommended_tier',
            dataIndex: 'recommended_tier',
            title: t('fields.recommended_tier'),
            width: 120,
            render: (_: unknown, a) => <TierTag tier={a.recommended_tier} />,
          },
          {
            key: 'decision',
            dataIndex: 'decision',
            title: t('fields.decision'),
            render: (d: Decision) => <Tag color={DECISION_COLOR[d]}>{t(`decision.${d}`)}</Tag>,
          },
        ]}
      />
      {open && settings.data ? (
        <AssessmentFormModal
          distributorId={distributorId}
          criteria={settings.data.criteria}
          thresholds={settings.data.thresholds}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
