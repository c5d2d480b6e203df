import { Table, type TableColumnsType, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Distributor } from '../../bindings/Distributor';
import type { SortField } from '../../bindings/SortField';
import { PAGE_SIZES, type ListParams } from '../../hooks/useListParams';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { StatusTag, TierTag } from '../Tags';

type Props = {
  rows: Distributor[];
  total: number;
  loading: boolean;
  params: ListParams;
  empty: ReactNode;
  onChange: (patch: Partial<ListParams>) => void;
};

const SORTABLE = new Set<string>([
  'code',
  'name',
  'tier',
  'status',
  'province',
  'credit_limit',
  'updated_at',
]);

export function DistributorTable({ rows, total, loading, params, empty, onChange }: Props) {
  const { t, i18n } = useTranslation();
  // English tags ("Strategic", "Under review") are wider than the Chinese ones.
  const en = i18n.language === 'en';

  const order = (field: SortField) =>
    params.sort === field ? (params.descending ? ('descend' as const) : ('ascend' as const)) : null;

  const columns: TableColumnsType<Distributor> = [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('fields.code'),
      width: 100,
      fixed: 'left',
      sorter: true,
      sortOrder: order('code'),
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('fields.name'),
      width: 190,
      fixed: 'left',
      ellipsis: true,
      sorter: true,
      sortOrder: order('name'),
      render: (name: string, d) => (
        <Link to={`/distributors/${d.id}`} className="distributor-link" title={name}>
          {name}
        </Link>
      ),
    },
    { key: 'short_name', dataIndex: 'short_name', title: t('fields.short_name'), width: 100, ellipsis: true },
    {
      key: 'tier',
      dataIndex: 'tier',
      title: t('fields.tier'),
      width: en ? 100 : 70,
      sorter: true,
      sortOrder: order('tier'),
      render: (_: unknown, d) => <TierTag tier={d.tier} />,
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('fields.status'),
      width: en ? 124 : 90,
      sorter: true,
      sortOrder: order('status'),
      render: (_: unknown, d) => <StatusTag status={d.status} />,
    },
    {
      key: 'province',
      dataIndex: 'province',
      title: t('fields.province_city'),
      width: 140,
      ellipsis: true,
      sorter: true,
      sortOrder: order('province'),
      render: (_: unknown, d) => [d.province, d.city].filter(Boolean).join(' / '),
    },
    {
      key: 'contact_name',
      dataIndex: 'contact_name',
      title: t('fields.contact_name'),
      width: 80,
      ellipsis: true,
    },
    { key: 'contact_phone', dataIndex: 'contact_phone', title: t('fields.contact_phone'), width: 125 },
    {
      key: 'credit_limit',
      dataIndex: 'credit_limit',
      title: t('fields.credit_limit'),
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: order('credit_limit'),
      render: (v: string) => <span className="money">{formatMoney(v)}</span>,
    },
    {
      key: 'updated_at',
      dataIndex: 'updated_at',
      title: t('fields.updated_at'),
      width: 130,
      sorter: true,
      sortOrder: order('updated_at'),
      render: (v: string) => <span className="muted">{formatDateTime(v)}</span>,
    },
  ];

  const handleChange: TableProps<Distributor>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Distributor>;
      const key =
        typeof s.columnKey === 'string' && SORTABLE.has(s.columnKey) ? (s.columnKey as SortField) : 'code';
      onChange(
        s.order ? { sort: key, descending: s.order === 'descend' } : { sort: 'code', descending: false },
      );
      return;
    }
    if (extra.action === 'paginate') {
      const size = pagination.pageSize ?? params.pageSize;
      onChange(size !== params.pageSize ? { pageSize: size } : { page: pagination.current ?? 1 });
    }
  };

  return (
    <Table<Distributor>
      id="distributor-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      onChange={handleChange}
      showSorterTooltip={false}
      scroll={{ x: en ? 1219 : 1155, y: 'calc(100vh - 334px)' }}
      locale={{ emptyText: empty }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        showTotal: (n) => t('list.total', { count: n }),
        showQuickJumper: total > params.pageSize * 5,
      }}
    />
  );
}
