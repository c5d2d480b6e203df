import { Descriptions, Space } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Contact } from '../../bindings/Contact';
import type { Distributor } from '../../bindings/Distributor';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { StatusTag, TierTag } from '../Tags';
import { ContactsSection } from './ContactsSection';
import { ManagerField } from './ManagerField';

type Field = keyof Distributor;

export function ProfileTab({ d, contacts }: { d: Distributor; contacts: Contact[] }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('common.none')}</span>;
  const text = (v: string) => (v.trim() === '' ? none : v);

  const items = (
    fields: Field[],
    render: Partial<Record<Field, ReactNode>> = {},
  ): DescriptionsProps['items'] =>
    fields.map((f) => ({
      key: f,
      label: t(`fields.${f}`),
      span: f === 'address' || f === 'notes' ? 2 : 1,
      children: f in render ? render[f] : text(String(d[f])),
    }));

  const groups: { key: string; fields: Field[]; render?: Partial<Record<Field, ReactNode>> }[] = [
    {
      key: 'basic',
      fields: [
        'code',
        'name',
        'short_name',
        'uscc',
        'legal_representative',
        'tier',
        'status',
        'manager_id',
        'created_at',
        'updated_at',
      ],
      render: {
        tier: <TierTag tier={d.tier} />,
        status: <StatusTag status={d.status} />,
        manager_id: <ManagerField d={d} />,
        created_at: formatDateTime(d.created_at),
        updated_at: formatDateTime(d.updated_at),
        uscc: <span className="mono">{d.uscc}</span>,
      },
    },
    {
      key: 'contact',
      fields: ['contact_name', 'contact_role', 'contact_phone', 'contact_email', 'contact_wechat'],
    },
    { key: 'address', fields: ['province', 'city', 'county', 'region', 'address'] },
    {
      key: 'settlement',
      fields: ['bank_name', 'bank_account', 'payment_terms_days', 'credit_limit', 'notes'],
      render: {
        payment_terms_days: String(d.payment_terms_days),
        credit_limit: <span className="money">¥ {formatMoney(d.credit_limit)}</span>,
        notes: d.notes.trim() ? <div style={{ whiteSpace: 'pre-wrap' }}>{d.notes}</div> : none,
      },
    },
  ];

  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }} id="distributor-profile">
      {groups.map((g) => (
        <Fragment key={g.key}>
          <Descriptions
            title={t(`groups.${g.key}`)}
            bordered
            className="profile-descriptions"
            size="small"
            column={2}
            styles={{ label: { width: 160 } }}
            items={items(g.fields, g.render)}
          />
          {g.key === 'contact' ? <ContactsSection distributorId={d.id} contacts={contacts} /> : null}
        </Fragment>
      ))}
    </Space>
  );
}
