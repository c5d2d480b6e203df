import { Table, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import type { AuditEntry } from '../../bindings/AuditEntry';
import type { FieldChange } from '../../bindings/FieldChange';
import type { Tier } from '../../bindings/Tier';
import { useTierLabel } from '../../hooks/useTierLabel';
import { useAuditList } from '../../ipc/queries';
import { formatDateTime } from '../../lib/dates';
import { TIERS } from '../../lib/domain';
import { fieldLabel } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { QueryError } from '../QueryError';
import { useServerPaging } from '../../lib/paging';

const ACTION_COLOR: Record<string, string> = {
  create: 'green',
  import_create: 'green',
  update: 'blue',
  import_update: 'blue',
  transition: 'purple',
  tier_change: 'gold',
  assessment: 'cyan',
  attachment_add: 'geekblue',
  attachment_remove: 'volcano',
  contact_add: 'lime',
  contact_update: 'blue',
  contact_remove: 'volcano',
};

const ATTACHMENT_ACTIONS = new Set(['attachment_add', 'attachment_remove']);

function isTier(v: string): v is Tier {
  return (TIERS as string[]).includes(v);
}

/** What a change is about: a field, or for attachments the kind of file. */
function changeLabel(t: TFunction, action: string, field: string): string {
  return ATTACHMENT_ACTIONS.has(action)
    ? t(`attachments.kind.${field}`, { defaultValue: field })
    : fieldLabel(t, field);
}

/** Keys stored in the trail shown in the reader's language. */
function valueText(t: TFunction, tierName: (tier: Tier) => string, field: string, v: string | null): string {
  if (v === null || v === '') return t('common.none');
  switch (field) {
    case 'status':
      return t(`status.${v}`, { defaultValue: v });
    case 'tier':
    case 'recommended_tier':
      return isTier(v) ? tierName(v) : v;
    case 'decision':
      return t(`decision.${v}`, { defaultValue: v });
    case 'credit_limit':
      return formatMoney(v);
    default:
      return v;
  }
}

function Changes({ action, changes }: { action: string; changes: FieldChange[] }) {
  const { t } = useTranslation();
  const tierName = useTierLabel();
  const text = (field: string, v: string | null) => valueText(t, tierName, field, v);
  return (
    <div className="audit-change">
      {changes.map((c) => (
        <div key={c.field}>
          <span className="muted">{changeLabel(t, action, c.field)}：</span>
          {c.before !== null ? (
            <>
              <span className="before">{text(c.field, c.before)}</span> →{' '}
            </>
          ) : null}
          <span>{text(c.field, c.after)}</span>
        </div>
      ))}
    </div>
  );
}

/** Changes per page: each row may list many fields. */
const AUDIT_PAGE_SIZE = 20;

export function AuditTab({ distributorId }: { distributorId: number }) {
  const { t } = useTranslation();
  const { paging, pagination } = useServerPaging(distributorId, AUDIT_PAGE_SIZE);
  const audit = useAuditList('distributor', distributorId, paging);
  if (audit.error && !audit.data) {
    return <QueryError error={audit.error} onRetry={() => void audit.refetch()} />;
  }

  return (
    <Table<AuditEntry>
      id="audit-table"
      rowKey="id"
      size="small"
      loading={audit.isLoading || audit.isPlaceholderData}
      dataSource={audit.data?.rows ?? []}
      pagination={pagination(audit.data?.total)}
      locale={{ emptyText: t('audit.empty') }}
      columns={[
        {
          key: 'at',
          dataIndex: 'at',
          title: t('audit.at'),
          width: 150,
          render: (v: string) => formatDateTime(v),
        },
        { key: 'operator', dataIndex: 'operator', title: t('audit.operator'), width: 110 },
        {
          key: 'action',
          dataIndex: 'action',
          title: t('audit.action'),
          width: 120,
          render: (a: string) => (
            <Tag color={ACTION_COLOR[a] ?? 'default'}>{t(`audit.actions.${a}`, { defaultValue: a })}</Tag>
          ),
        },
        {
          key: 'changes',
          title: t('audit.changes'),
          render: (_: unknown, e) => <Changes action={e.action} changes={e.changes} />,
        },
      ]}
    />
  );
}
