import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Agreement } from '../../bindings/Agreement';
import type { LadderStep } from '../../bindings/LadderStep';
import type { Target } from '../../bindings/Target';
import type { Territory } from '../../bindings/Territory';
import { formatMoney } from '../../lib/money';
import { paymentMethodLabel, sumMoney, territoryLabel } from './agreementLib';

type Props = {
  agreement: Agreement;
  onOpenScan: () => void;
  scanBusy?: boolean;
};

/** The terms of an agreement that can no longer be edited (awaiting signature, signed, old versions). */
export function AgreementView({ agreement: a, onOpenScan, scanBusy }: Props) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('common.none')}</span>;
  const pct = (v: string) => `${v}%`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} id="agreement-view">
      <Card size="small" title={t('agreement.sections.territory')}>
        <Space style={{ marginBottom: 8 }}>
          {a.exclusive ? (
            <Tag color="purple" id="agreement-exclusive">
              {t('agreement.exclusive')}
            </Tag>
          ) : (
            <Tag id="agreement-exclusive">{t('agreement.nonExclusive')}</Tag>
          )}
        </Space>
        <Table<Territory & { key: number }>
          id="agreement-territories"
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={a.territories.map((x, key) => ({ ...x, key }))}
          columns={[
            {
              key: 'n',
              title: '#',
              width: 50,
              render: (_: unknown, r) => r.key + 1,
            },
            { key: 'area', title: t('fields.territories'), render: (_: unknown, r) => territoryLabel(r) },
            {
              key: 'type',
              title: t('agreement.view.areaType'),
              width: 140,
              render: (_: unknown, r) =>
                r.region ? t('agreement.view.region') : t('agreement.view.adminArea'),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('agreement.sections.terms')}>
        <Descriptions
          id="agreement-terms"
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            {
              key: 'term',
              label: t('agreement.columns.term'),
              children: (
                <span id="agreement-term">
                  {t('agreement.termRange', { start: a.term_start, end: a.term_end })}
                </span>
              ),
            },
            {
              key: 'payment_days',
              label: t('fields.payment_days'),
              children: <span id="agreement-payment-days">{a.payment_days}</span>,
            },
            {
              key: 'payment_method',
              label: t('fields.payment_method'),
              children: <span id="agreement-payment-method">{paymentMethodLabel(t, a.payment_method)}</span>,
            },
            {
              key: 'credit_limit',
              label: t('fields.credit_limit'),
              children: (
                <span id="agreement-credit-limit" className="money">
                  {formatMoney(a.credit_limit)}
                </span>
              ),
            },
            {
              key: 'discount_pct',
              label: t('fields.discount_pct'),
              children: <span id="agreement-discount">{pct(a.discount_pct)}</span>,
            },
            {
              key: 'buyback_pct',
              label: t('fields.buyback_pct'),
              children: <span id="agreement-buyback">{pct(a.buyback_pct)}</span>,
            },
            {
              key: 'signed_date',
              label: t('fields.signed_date'),
              children: <span id="agreement-signed-date">{a.signed_date ?? t('common.none')}</span>,
            },
            {
              key: 'scan',
              label: t('fields.scan_path'),
              children: a.scan_name ? (
                <Button
                  id="agreement-scan-open"
                  type="link"
                  size="small"
                  icon={<PaperClipOutlined />}
                  loading={scanBusy}
                  onClick={onOpenScan}
                  style={{ padding: 0, height: 'auto' }}
                >
                  {t('agreement.view.openScan')}
                </Button>
              ) : (
                none
              ),
            },
            ...(a.terminated_date
              ? [
                  {
                    key: 'terminated',
                    label: t('agreement.view.terminatedOn'),
                    children: <span id="agreement-terminated-date">{a.terminated_date}</span>,
                  },
                  {
                    key: 'reason',
                    label: t('agreement.view.terminationReason'),
                    span: 2,
                    children: (
                      <span id="agreement-termination-reason" style={{ whiteSpace: 'pre-wrap' }}>
                        {a.termination_reason}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card size="small" title={t('fields.targets')}>
        <Table<Target & { key: number }>
          id="agreement-targets"
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={a.targets.map((x, key) => ({ ...x, key }))}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreement.editor.noTargets')} />
            ),
          }}
          columns={[
            { key: 'label', dataIndex: 'label', title: t('agreement.editor.period') },
            { key: 'from', dataIndex: 'from', title: t('fields.from'), width: 130 },
            { key: 'to', dataIndex: 'to', title: t('fields.to'), width: 130 },
            {
              key: 'amount',
              dataIndex: 'amount',
              title: t('agreement.editor.targetAmount'),
              align: 'right',
              className: 'money',
              width: 180,
              render: (v: string) => formatMoney(v),
            },
          ]}
          summary={() =>
            a.targets.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <Typography.Text strong>{t('agreement.editor.targetTotal')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right" className="money">
                  <Typography.Text strong id="agreement-target-total">
                    {formatMoney(sumMoney(a.targets.map((x) => x.amount)))}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>

      <Card size="small" title={t('fields.ladder')}>
        <Table<LadderStep & { key: number }>
          id="agreement-ladder"
          size="small"
          pagination={false}
          rowKey="key"
          style={{ maxWidth: 480 }}
          dataSource={a.ladder.map((x, key) => ({ ...x, key }))}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreement.editor.noLadder')} />
            ),
          }}
          columns={[
            {
              key: 'threshold',
              title: t('agreement.editor.threshold'),
              render: (_: unknown, r) => t('agreement.view.atLeast', { pct: r.threshold_pct }),
            },
            {
              key: 'rebate',
              title: t('agreement.editor.rebatePct'),
              align: 'right',
              render: (_: unknown, r) => pct(r.rebate_pct),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('fields.special_clauses')}>
        <Typography.Paragraph id="agreement-special-clauses" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {a.special_clauses || t('common.none')}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
