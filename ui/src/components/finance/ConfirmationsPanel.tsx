import { MailOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, Row, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { StatementRun } from '../../bindings/StatementRun';
import { useConfirmationReport } from '../../ipc/collections';
import { defaultPeriod } from '../../lib/ledger';
import { formatMoney } from '../../lib/money';
import { QueryError } from '../QueryError';
import { RunStatusTag } from './RunStatusTag';
import { SendStatementsModal } from './SendStatementsModal';

/**
 * The statements of periods ending in a range, each distributor's latest:
 * how many were confirmed, disputed or not answered, and for how much.
 */
export function ConfirmationsPanel() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(defaultPeriod);
  const [typed, setTyped] = useState(period);
  const report = useConfirmationReport(period.from, period.to);
  const [sending, setSending] = useState(false);
  const r = report.data;
  const tile = (key: 'confirmed' | 'disputed' | 'no_answer') => (
    <Col xs={24} md={8} key={key}>
      <Card size="small" className={`confirm-total-${key}`}>
        <Statistic
          title={t(`runs.status.${key}`)}
          value={r ? r[key].count : 0}
          suffix={r ? ` · ${formatMoney(r[key].amount)}` : ''}
        />
      </Card>
    </Col>
  );
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input
          id="confirmations-from"
          addonBefore={t('fields.from')}
          style={{ width: 200 }}
          value={typed.from}
          onChange={(e) => setTyped({ ...typed, from: e.target.value })}
        />
        <Input
          id="confirmations-to"
          addonBefore={t('fields.to')}
          style={{ width: 200 }}
          value={typed.to}
          onChange={(e) => setTyped({ ...typed, to: e.target.value })}
          onPressEnter={() => setPeriod({ from: typed.from.trim(), to: typed.to.trim() })}
        />
        <Button
          id="confirmations-show"
          type="primary"
          icon={<SearchOutlined />}
          onClick={() => setPeriod({ from: typed.from.trim(), to: typed.to.trim() })}
        >
          {t('statement.show')}
        </Button>
        <Button
          id="confirmations-send"
          icon={<MailOutlined />}
          style={{ marginLeft: 'auto' }}
          onClick={() => setSending(true)}
        >
          {t('send.all')}
        </Button>
      </Flex>
      {report.error ? <QueryError error={report.error} /> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {tile('confirmed')}
        {tile('disputed')}
        {tile('no_answer')}
      </Row>
      {r && r.disputed.count > 0 ? (
        <p id="confirmations-difference">
          {t('runs.totalDifference', { amount: formatMoney(r.disputed_difference) })}
        </p>
      ) : null}
      {sending ? (
        <SendStatementsModal
          from={period.from}
          to={period.to}
          distributorIds={[]}
          title={t('send.allTitle')}
          onClose={() => setSending(false)}
        />
      ) : null}
      <Table<StatementRun>
        id="confirmations-table"
        rowKey="id"
        size="small"
        loading={report.isFetching}
        dataSource={r?.runs ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('runs.empty')} /> }}
        columns={[
          {
            key: 'distributor',
            title: t('fields.distributor_id'),
            width: 230,
            render: (_: unknown, x) => (
              <Link to={`/distributors/${x.distributor_id}`} state={{ tab: 'statement' }}>
                {x.distributor_code} {x.distributor_name}
              </Link>
            ),
          },
          {
            key: 'period',
            title: t('runs.columns.period'),
            width: 200,
            render: (_: unknown, x) => `${x.period_from} – ${x.period_to}`,
          },
          {
            key: 'closing',
            title: t('runs.columns.closing'),
            width: 130,
            align: 'right',
            className: 'money',
            render: (_: unknown, x) => formatMoney(x.closing_balance),
          },
          { key: 'issued_on', dataIndex: 'issued_on', title: t('runs.columns.issued_on'), width: 110 },
          {
            key: 'status',
            title: t('runs.columns.status'),
            width: 120,
            render: (_: unknown, x) => <RunStatusTag status={x.status} unanswered={x.unanswered} />,
          },
          {
            key: 'difference',
            title: t('runs.columns.difference'),
            width: 130,
            align: 'right',
            className: 'money',
            render: (_: unknown, x) => (x.difference !== null ? formatMoney(x.difference) : ''),
          },
        ]}
      />
    </>
  );
}
