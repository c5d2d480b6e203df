import { Table, type TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Complaint } from '../../bindings/Complaint';
import { useComplaintSettings } from '../../ipc/queries';
import { activeClock, choiceLabel, shortTime } from '../../lib/complaints';
import { ComplaintStatusTag, EscalationTag, PriorityTag, SlaBadge, TimeLeft } from './ComplaintTags';
import { WIDE_TABLE } from '../../lib/tables';

type Props = {
  id: string;
  rows: Complaint[];
  /** The server's pages (see `useServerPaging`). */
  pagination: TablePaginationConfig | false;
  loading: boolean;
  empty: ReactNode;
  /** The distributor column is left out where every row is the same distributor. */
  showDistributor?: boolean;
};

/** Complaints with their SLA state; the number links to the complaint page. */
export function ComplaintTable({ id, rows, pagination, loading, empty, showDistributor = true }: Props) {
  const { t, i18n } = useTranslation();
  const statusWidth = i18n.language === 'en' ? 196 : 120;
  const settings = useComplaintSettings();
  const language = i18n.resolvedLanguage ?? i18n.language;

  return (
    <Table<Complaint>
      id={id}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: (showDistributor ? 1260 : 1040) + statusWidth }}
      {...WIDE_TABLE}
      locale={{ emptyText: empty }}
      columns={[
        {
          key: 'number',
          dataIndex: 'number',
          title: t('fields.number'),
          width: 130,
          fixed: 'left',
          render: (n: string, c) => (
            <Link to={`/complaints/${c.id}`} id={`complaint-link-${c.id}`} className="complaint-link">
              {n}
            </Link>
          ),
        },
        ...(showDistributor
          ? [
              {
                key: 'distributor',
                title: t('fields.distributor_id'),
                width: 220,
                ellipsis: { showTitle: true },
                render: (_: unknown, c: Complaint) => `${c.distributor_code} ${c.distributor_name}`,
              },
            ]
          : []),
        {
          key: 'category',
          dataIndex: 'category',
          title: t('fields.category'),
          width: 120,
          render: (k: string) =>
            k ? (
              choiceLabel(settings.data?.categories, k, language)
            ) : (
              <span className="muted">{t('complaint.uncategorised')}</span>
            ),
        },
        {
          key: 'priority',
          dataIndex: 'priority',
          title: t('fields.priority'),
          width: 80,
          render: (_: unknown, c) => <PriorityTag priority={c.priority} />,
        },
        {
          key: 'status',
          dataIndex: 'status',
          title: t('fields.status'),
          // "Waiting on distributor" is the longest tag.
          width: statusWidth,
          render: (_: unknown, c) => <ComplaintStatusTag status={c.status} />,
        },
        {
          key: 'sla',
          title: t('complaints.columns.sla'),
          width: 150,
          render: (_: unknown, c) => <SlaBadge clock={activeClock(c.sla)} />,
        },
        {
          key: 'time_left',
          title: t('complaints.columns.timeLeft'),
          width: 170,
          render: (_: unknown, c) => <TimeLeft clock={activeClock(c.sla)} />,
        },
        {
          key: 'assignee',
          dataIndex: 'assignee',
          title: t('fields.assignee'),
          width: 100,
          ellipsis: { showTitle: true },
        },
        {
          key: 'escalation',
          title: t('complaints.columns.escalation'),
          width: 160,
          render: (_: unknown, c) => <EscalationTag level={c.sla.escalation_level} to={c.escalate_to} />,
        },
        {
          key: 'received_at',
          dataIndex: 'received_at',
          title: t('fields.received_at'),
          width: 140,
          render: (v: string) => shortTime(v),
        },
        {
          key: 'product',
          dataIndex: 'product',
          title: t('fields.product'),
          width: 150,
          ellipsis: { showTitle: true },
        },
      ]}
    />
  );
}
