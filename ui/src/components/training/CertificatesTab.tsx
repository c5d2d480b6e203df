import { SearchOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Segmented, Select, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Certificate } from '../../bindings/Certificate';
import type { CertificateQuery } from '../../bindings/CertificateQuery';
import type { CertificateState } from '../../bindings/CertificateState';
import { normaliseLanguage } from '../../i18n';
import {
  emptyCertificateQuery,
  noSessionFilter,
  useCertificates,
  useCourseOptions,
  useTrainingExport,
} from '../../ipc/certificates';
import { ExportTableButton } from '../agreements/ExportTableButton';
import { QueryError } from '../QueryError';
import { CertificatePrintButton, CertificatePrintedAlert, type Printed } from './CertificatePrintButton';
import {
  CERTIFICATE_STATES,
  CertificateStateTag,
  DaysLeft,
  useCertificateCourse,
  useCourseTitle,
} from './CertificateTags';
import { RevokeModal } from './RevokeModal';
import { officeNow } from '../../lib/dates';
import { ALL_ROWS, useServerPaging } from '../../lib/paging';

const SEARCH_DELAY_MS = 200;

type StateFilter = CertificateState | 'all';
const STATE_FILTERS: StateFilter[] = ['all', ...CERTIFICATE_STATES];

/** Search-as-you-type box that reports after a short pause. */
function SearchBox({ onSearch }: { onSearch: (v: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <Input
      id="certificate-search"
      allowClear
      value={text}
      prefix={<SearchOutlined className="muted" />}
      placeholder={t('certificates.searchPlaceholder')}
      style={{ width: 280 }}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => onSearch(v.trim()), SEARCH_DELAY_MS);
      }}
    />
  );
}

/**
 * Every certificate issued, filtered by text, state and course: print the ticked
 * ones as PDFs, revoke one, or export the list.
 */
export function CertificatesTab() {
  const { t, i18n } = useTranslation();
  const courseOf = useCertificateCourse();
  const courseTitle = useCourseTitle();
  const courses = useCourseOptions();
  const exporter = useTrainingExport();
  const [text, setText] = useState('');
  const [state, setState] = useState<StateFilter>('all');
  const [courseId, setCourseId] = useState<number | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [revoking, setRevoking] = useState<Certificate | null>(null);

  const filters: CertificateQuery = useMemo(
    () => ({ ...emptyCertificateQuery, text, state: state === 'all' ? null : state, course_id: courseId }),
    [text, state, courseId],
  );
  const { paging, pagination } = useServerPaging(filters);
  const list = useCertificates({ ...filters, ...paging });
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const total = list.data?.total ?? 0;
  // Only what is on screen and still printable is printed.
  const printable = useMemo(
    () => new Set(rows.filter((r) => r.state !== 'revoked').map((r) => r.id)),
    [rows],
  );
  const chosen = selected.filter((id) => printable.has(id));
  const filtered = text !== '' || state !== 'all' || courseId !== null;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center" className="list-toolbar">
        <SearchBox onSearch={setText} />
        <Segmented<StateFilter>
          id="certificate-state"
          value={state}
          onChange={setState}
          options={STATE_FILTERS.map((s) => ({
            value: s,
            label: (
              <span id={`certificate-state-${s}`}>
                {s === 'all' ? t('certificates.state.all') : t(`certificates.state.${s}`)}
              </span>
            ),
          }))}
        />
        <Select<number>
          id="certificate-course"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          virtual={false}
          style={{ width: 240 }}
          placeholder={t('certificates.allCourses')}
          loading={courses.isPending}
          value={courseId ?? undefined}
          onChange={(v) => setCourseId(v ?? null)}
          options={(courses.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.code} ${courseTitle(c)}`,
            className: `certificate-course-option-${c.id}`,
          }))}
        />
        <Typography.Text type="secondary" id="certificate-count" data-count={total}>
          {t('certificates.count', { count: total })}
        </Typography.Text>
        <Flex gap={8} style={{ marginLeft: 'auto' }}>
          <CertificatePrintButton ids={chosen} onPrinted={setPrinted} />
          <ExportTableButton
            id="certificate-export"
            title={t('certificates.export.title')}
            fileName={`${t('certificates.export.fileName')}-${officeNow().format('YYYYMMDD')}.xlsx`}
            busy={exporter.isPending}
            onExport={(path) =>
              exporter.mutateAsync({
                list: 'certificates',
                certificates: { ...filters, ...ALL_ROWS },
                sessions: noSessionFilter,
                lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
                path,
              })
            }
          />
        </Flex>
      </Flex>
      {printed ? <CertificatePrintedAlert printed={printed} onClose={() => setPrinted(null)} /> : null}
      {list.error && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Certificate>
          id="certificate-table"
          rowKey="id"
          rowClassName={(r) => `certificate-row-${r.number}`}
          size="small"
          loading={list.isPending || list.isPlaceholderData}
          dataSource={rows}
          pagination={pagination(list.data?.total)}
          scroll={{ x: 1250 }}
          rowSelection={{
            selectedRowKeys: chosen,
            onChange: (keys) => setSelected(keys.map(Number)),
            getCheckboxProps: (r) => ({ disabled: r.state === 'revoked' }),
          }}
          locale={{
            emptyText: list.isPending ? (
              <span />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? t('certificates.emptyFiltered') : t('certificates.empty')}
              />
            ),
          }}
          columns={[
            {
              key: 'number',
              dataIndex: 'number',
              title: t('certificates.columns.number'),
              width: 150,
              render: (n: string) => <span className="certificate-number">{n}</span>,
            },
            {
              key: 'person',
              dataIndex: 'person_name',
              title: t('certificates.columns.person'),
              width: 110,
            },
            {
              key: 'distributor',
              title: t('certificates.columns.distributor'),
              width: 230,
              ellipsis: { showTitle: true },
              render: (_: unknown, r) => (
                <Link to={`/distributors/${r.distributor_id}`} className="certificate-distributor-link">
                  {r.distributor_code} {r.distributor_name}
                </Link>
              ),
            },
            {
              key: 'course',
              title: t('certificates.columns.course'),
              width: 200,
              ellipsis: { showTitle: true },
              render: (_: unknown, r) => courseOf(r),
            },
            {
              key: 'score',
              dataIndex: 'score',
              title: t('certificates.columns.score'),
              width: 70,
              align: 'right',
              render: (s: number | null) => (s === null ? t('common.none') : s),
            },
            {
              key: 'issue',
              dataIndex: 'issue_date',
              title: t('certificates.columns.issueDate'),
              width: 110,
            },
            {
              key: 'expiry',
              dataIndex: 'expiry_date',
              title: t('certificates.columns.expiryDate'),
              width: 110,
              render: (d: string | null) =>
                d ?? <Typography.Text type="secondary">{t('certificates.noExpiry')}</Typography.Text>,
            },
            {
              key: 'days',
              title: t('certificates.columns.daysLeft'),
              width: 100,
              render: (_: unknown, r) => (r.state === 'revoked' ? null : <DaysLeft cert={r} />),
            },
            {
              key: 'state',
              title: t('certificates.columns.state'),
              width: 130,
              render: (_: unknown, r) => <CertificateStateTag cert={r} />,
            },
            {
              key: 'actions',
              title: t('certificates.columns.actions'),
              width: 100,
              fixed: 'right',
              render: (_: unknown, r) =>
                r.state === 'revoked' ? null : (
                  <Button
                    id={`revoke-${r.id}`}
                    size="small"
                    type="link"
                    danger
                    icon={<StopOutlined />}
                    onClick={() => setRevoking(r)}
                  >
                    {t('certificates.revoke.button')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {revoking ? <RevokeModal cert={revoking} onClose={() => setRevoking(null)} /> : null}
    </Flex>
  );
}
