import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { StatementRun } from '../../bindings/StatementRun';
import { useStatementRuns } from '../../ipc/collections';
import { formatMoney } from '../../lib/money';
import { AttachmentModal } from '../detail/AttachmentModal';
import { QueryError } from '../QueryError';
import { ConfirmModal } from './ConfirmModal';
import { RunStatusTag } from './RunStatusTag';

/** The statements issued to one distributor, latest first, with the answer to each. */
export function StatementRuns({ distributorId }: { distributorId: number }) {
  const { t } = useTranslation();
  const runs = useStatementRuns({ distributor_id: distributorId, from: '', to: '', status: null });
  const [answering, setAnswering] = useState<StatementRun | null>(null);
  const [attaching, setAttaching] = useState<StatementRun | null>(null);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('runs.title')}
      </Typography.Title>
      {runs.error ? <QueryError error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <Table<StatementRun>
        id="runs-table"
        rowKey="id"
        size="small"
        loading={runs.isPending}
        dataSource={runs.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        rowClassName={(r) => `run-row-${r.id}`}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('runs.empty')} /> }}
        columns={[
          {
            key: 'period',
            title: t('runs.columns.period'),
            width: 200,
            render: (_: unknown, r) => `${r.period_from} – ${r.period_to}`,
          },
          {
            key: 'closing',
            title: t('runs.columns.closing'),
            width: 130,
            align: 'right',
            className: 'money',
            render: (_: unknown, r) => formatMoney(r.closing_balance),
          },
          { key: 'issued_on', dataIndex: 'issued_on', title: t('runs.columns.issued_on'), width: 110 },
          {
            key: 'via',
            title: t('runs.columns.via'),
            width: 160,
            render: (_: unknown, r) => (
              <span title={r.sent_to || r.file}>
                {t(`runs.via.${r.issued_via}`)}
                {r.sent_to ? ` · ${r.sent_to}` : ''}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('runs.columns.status'),
            width: 120,
            render: (_: unknown, r) => <RunStatusTag status={r.status} unanswered={r.unanswered} />,
          },
          {
            key: 'answer',
            title: t('runs.columns.answer'),
            ellipsis: { showTitle: true },
            render: (_: unknown, r) =>
              r.status === 'no_answer'
                ? ''
                : [
                    r.confirmed_on,
                    r.confirmed_by,
                    r.difference !== null
                      ? t('runs.differenceText', { amount: formatMoney(r.difference) })
                      : '',
                    r.note,
                  ]
                    .filter(Boolean)
                    .join(' · '),
          },
          {
            key: 'slips',
            title: t('runs.columns.slips'),
            width: 70,
            align: 'right',
            render: (_: unknown, r) => (r.slips > 0 ? r.slips : ''),
          },
          {
            key: 'actions',
            title: t('runs.columns.actions'),
            width: 190,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  className={`run-answer-${r.id}`}
                  onClick={() => setAnswering(r)}
                >
                  {t('runs.record')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  icon={<PaperClipOutlined />}
                  className={`run-slip-${r.id}`}
                  onClick={() => setAttaching(r)}
                >
                  {t('runs.slip')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {answering ? <ConfirmModal run={answering} onClose={() => setAnswering(null)} /> : null}
      {attaching ? (
        <AttachmentModal
          distributorId={distributorId}
          runId={attaching.id}
          onClose={() => setAttaching(null)}
        />
      ) : null}
    </>
  );
}
