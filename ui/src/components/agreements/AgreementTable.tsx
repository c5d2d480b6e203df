import { Space, Table, Tag, type TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import type { Agreement } from '../../bindings/Agreement';
import { agreementKindLabel, territoryLabel } from './agreementLib';
import { AgreementStatusTag, ConflictTag, DaysToEnd } from './AgreementTags';
import { WIDE_TABLE } from '../../lib/tables';

type Props = {
  id: string;
  rows: Agreement[];
  /** The server's pages (see `useServerPaging`). */
  pagination: TablePaginationConfig | false;
  loading: boolean;
  empty: ReactNode;
  /** Left out where every row is the same distributor. */
  showDistributor?: boolean;
};

/**
 * Agreements with their status, term and territory. A row opens its agreement;
 * rows carry the class `agreement-row-<number>`.
 */
export function AgreementTable({ id, rows, pagination, loading, empty, showDistributor = true }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  return (
    <Table<Agreement>
      id={id}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: showDistributor ? 1240 : 1000 }}
      {...WIDE_TABLE}
      locale={{ emptyText: empty }}
      rowClassName={(a) =>
        `agreement-row agreement-row-${a.number} agreement-row-${a.number}-v${a.version} clickable-row`
      }
      onRow={(a) => ({
        onClick: (e) => {
          // The number is a link of its own.
          if ((e.target as HTMLElement).closest('a')) return;
          void navigate(`/agreements/${a.id}`);
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        {
          key: 'number',
          title: t('agreement.columns.number'),
          width: 170,
          fixed: 'left',
          render: (_: unknown, a) => (
            <Space size={6}>
              <Link to={`/agreements/${a.id}`} id={`agreement-link-${a.id}`} className="agreement-link">
                {a.number}
              </Link>
              <span className="muted agreement-version">v{a.version}</span>
            </Space>
          ),
        },
        ...(showDistributor
          ? [
              {
                key: 'distributor',
                title: t('fields.distributor_id'),
                width: 230,
                ellipsis: { showTitle: true },
                render: (_: unknown, a: Agreement) => `${a.distributor_code} ${a.distributor_name}`,
              },
            ]
          : []),
        {
          key: 'kind',
          title: t('agreement.columns.kind'),
          width: 100,
          render: (_: unknown, a) => agreementKindLabel(t, a.kind),
        },
        {
          key: 'status',
          title: t('fields.status'),
          width: 150,
          render: (_: unknown, a) => (
            <Space size={4} wrap>
              <AgreementStatusTag status={a.status} />
              {a.conflict ? <ConflictTag /> : null}
            </Space>
          ),
        },
        {
          key: 'term',
          title: t('agreement.columns.term'),
          width: 210,
          render: (_: unknown, a) => t('agreement.termRange', { start: a.term_start, end: a.term_end }),
        },
        {
          key: 'days_to_end',
          title: t('agreement.columns.daysToEnd'),
          width: 120,
          render: (_: unknown, a) => <DaysToEnd days={a.days_to_end} />,
        },
        {
          key: 'territory',
          title: t('fields.territories'),
          width: 260,
          render: (_: unknown, a) => (
            <Space size={4} wrap>
              {a.exclusive ? (
                <Tag color="purple" className="agreement-exclusive-tag">
                  {t('agreement.exclusive')}
                </Tag>
              ) : null}
              <span className="agreement-territory">
                {a.territories.map(territoryLabel).join(t('agreement.separator'))}
              </span>
            </Space>
          ),
        },
      ]}
    />
  );
}
