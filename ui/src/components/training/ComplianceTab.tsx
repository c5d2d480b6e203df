import { Checkbox, Empty, Flex, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { ComplianceRow } from '../../bindings/ComplianceRow';
import { normaliseLanguage } from '../../i18n';
import {
  emptyCertificateQuery,
  noSessionFilter,
  useCompliance,
  useCourseOptions,
  useTrainingExport,
} from '../../ipc/certificates';
import { ExportTableButton } from '../agreements/ExportTableButton';
import { QueryError } from '../QueryError';
import { TierTag } from '../Tags';
import { useCourseTitlesByCode } from './CertificateTags';
import { ComplianceBar, CourseCodeTags } from './ComplianceTags';
import { officeNow } from '../../lib/dates';

/**
 * Active and suspended distributors against the courses their tier requires:
 * how much is covered by valid certificates and what is missing.
 */
export function ComplianceTab() {
  const { t, i18n } = useTranslation();
  const compliance = useCompliance(null);
  const courses = useCourseOptions();
  const titleOf = useCourseTitlesByCode(courses.data);
  const exporter = useTrainingExport();
  const [gapsOnly, setGapsOnly] = useState(false);

  const all = useMemo(() => compliance.data ?? [], [compliance.data]);
  const withGaps = all.filter((r) => r.missing.length > 0).length;
  const rows = gapsOnly ? all.filter((r) => r.missing.length > 0) : all;
  const average =
    all.length > 0 ? Math.floor(all.reduce((s, r) => s + r.compliance_pct, 0) / all.length) : 100;

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('compliance.hint')}
      </Typography.Paragraph>
      <Flex id="compliance-summary" gap={32} wrap>
        <Statistic
          title={t('compliance.summary.total')}
          value={all.length}
          valueRender={(n) => <span id="compliance-count-total">{n}</span>}
        />
        <Statistic
          title={t('compliance.summary.compliant')}
          value={all.length - withGaps}
          styles={{ content: { color: '#3f8600' } }}
          valueRender={(n) => <span id="compliance-count-ok">{n}</span>}
        />
        <Statistic
          title={t('compliance.summary.gaps')}
          value={withGaps}
          styles={{ content: { color: withGaps > 0 ? '#cf1322' : undefined } }}
          valueRender={(n) => <span id="compliance-count-gaps">{n}</span>}
        />
        <Statistic
          title={t('compliance.summary.average')}
          value={average}
          suffix="%"
          valueRender={(n) => <span id="compliance-average">{n}</span>}
        />
      </Flex>
      <Flex gap={8} wrap align="center" className="list-toolbar">
        <Checkbox
          id="compliance-gaps-only"
          checked={gapsOnly}
          onChange={(e) => setGapsOnly(e.target.checked)}
        >
          {t('compliance.gapsOnly')}
        </Checkbox>
        <Flex gap={8} style={{ marginLeft: 'auto' }}>
          <ExportTableButton
            id="compliance-export"
            title={t('compliance.export.title')}
            fileName={`${t('compliance.export.fileName')}-${officeNow().format('YYYYMMDD')}.xlsx`}
            busy={exporter.isPending}
            onExport={(path) =>
              exporter.mutateAsync({
                list: 'compliance',
                certificates: emptyCertificateQuery,
                sessions: noSessionFilter,
                lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
                path,
              })
            }
          />
        </Flex>
      </Flex>
      {compliance.error && !compliance.data ? (
        <QueryError error={compliance.error} onRetry={() => void compliance.refetch()} />
      ) : (
        <Table<ComplianceRow>
          id="compliance-table"
          rowKey="distributor_id"
          rowClassName={(r) =>
            `compliance-row-${r.code} ${r.missing.length > 0 ? 'compliance-row-gaps' : 'compliance-row-ok'}`
          }
          size="small"
          loading={compliance.isPending}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: compliance.isPending ? (
              <span />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={gapsOnly && all.length > 0 ? t('compliance.emptyGaps') : t('compliance.empty')}
              />
            ),
          }}
          columns={[
            {
              key: 'distributor',
              title: t('compliance.columns.distributor'),
              width: 260,
              ellipsis: { showTitle: true },
              sorter: (a, b) => a.code.localeCompare(b.code),
              render: (_: unknown, r) => (
                <Link to={`/distributors/${r.distributor_id}`} className="compliance-distributor-link">
                  {r.code} {r.name}
                </Link>
              ),
            },
            {
              key: 'tier',
              title: t('compliance.columns.tier'),
              width: 100,
              render: (_: unknown, r) => <TierTag tier={r.tier} />,
            },
            {
              key: 'pct',
              title: t('compliance.columns.pct'),
              width: 190,
              sorter: (a, b) => a.compliance_pct - b.compliance_pct,
              render: (_: unknown, r) => <ComplianceBar pct={r.compliance_pct} />,
            },
            {
              key: 'required',
              title: t('compliance.columns.required'),
              width: 220,
              render: (_: unknown, r) => (
                <CourseCodeTags codes={r.required} titleOf={titleOf} empty={t('compliance.noneRequired')} />
              ),
            },
            {
              key: 'missing',
              title: t('compliance.columns.missing'),
              width: 220,
              render: (_: unknown, r) => (
                <CourseCodeTags
                  codes={r.missing}
                  titleOf={titleOf}
                  missing
                  empty={t('compliance.noneMissing')}
                />
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
