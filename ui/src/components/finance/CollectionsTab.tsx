import { PhoneOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CollectionCall } from '../../bindings/CollectionCall';
import type { Distributor } from '../../bindings/Distributor';
import { useCollectionCalls } from '../../ipc/collections';
import { formatMoney } from '../../lib/money';
import { QueryError } from '../QueryError';
import { CallModal } from './CallModal';
import { PromiseTag } from './PromiseTag';
import { Needs } from '../Needs';

/** A distributor's collections log (催款记录), latest first, with each promise's state. */
export function CollectionsTab({ distributor, people }: { distributor: Distributor; people: string[] }) {
  const { t } = useTranslation();
  const calls = useCollectionCalls(distributor.id);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('collections.hint')}</Typography.Text>
        <Needs right="finance">
          <Button id="call-add" type="primary" icon={<PhoneOutlined />} onClick={() => setAdding(true)}>
            {t('collections.add')}
          </Button>
        </Needs>
      </Flex>
      {calls.error ? <QueryError error={calls.error} onRetry={() => void calls.refetch()} /> : null}
      <Table<CollectionCall>
        id="calls-table"
        rowKey="id"
        size="small"
        loading={calls.isPending}
        dataSource={calls.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        rowClassName={(c) => `call-row-${c.id}`}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('collections.empty')} />,
        }}
        columns={[
          { key: 'called_on', dataIndex: 'called_on', title: t('fields.called_on'), width: 110 },
          {
            key: 'channel',
            title: t('collections.channelLabel'),
            width: 90,
            render: (_: unknown, c) => t(`collections.channel.${c.channel}`),
          },
          { key: 'contact', dataIndex: 'contact', title: t('collections.spokeTo'), width: 120 },
          { key: 'note', dataIndex: 'note', title: t('fields.note'), ellipsis: { showTitle: true } },
          {
            key: 'promise',
            title: t('collections.promised'),
            width: 210,
            render: (_: unknown, c) =>
              c.promised_amount !== null ? (
                <span className="call-promise">
                  {t('collections.promiseText', {
                    amount: formatMoney(c.promised_amount),
                    date: c.promised_on ?? '',
                  })}
                </span>
              ) : null,
          },
          {
            key: 'paid',
            title: t('collections.paid'),
            width: 120,
            align: 'right',
            className: 'money',
            render: (_: unknown, c) => (c.paid !== null ? formatMoney(c.paid) : ''),
          },
          {
            key: 'state',
            title: t('collections.state'),
            width: 150,
            render: (_: unknown, c) => (
              <>
                <PromiseTag state={c.promise} />
                {c.promise === 'broken' && c.followed_up ? <Tag>{t('collections.followedUp')}</Tag> : null}
              </>
            ),
          },
          { key: 'operator', dataIndex: 'operator', title: t('fields.operator'), width: 100 },
        ]}
      />
      {adding ? (
        <CallModal
          distributorId={distributor.id}
          title={`${distributor.code} ${distributor.name}`}
          people={people}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}
