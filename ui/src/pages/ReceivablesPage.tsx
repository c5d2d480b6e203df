import { PhoneOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import type { ReceivableRow } from '../bindings/ReceivableRow';
import type { Tier } from '../bindings/Tier';
import { CallModal } from '../components/finance/CallModal';
import { ConfirmationsPanel } from '../components/finance/ConfirmationsPanel';
import { RunStatusTag } from '../components/finance/RunStatusTag';
import { PageHeader } from '../components/PageHeader';
import { PathPromptModal } from '../components/PathPromptModal';
import { QueryError } from '../components/QueryError';
import { useTierLabel } from '../hooks/useTierLabel';
import { normaliseLanguage } from '../i18n';
import { dialogs, toAppError } from '../ipc';
import { useTerritories } from '../ipc/queries';
import { useExportReceivables, useReceivables } from '../ipc/receivables';
import { officeNow } from '../lib/dates';
import { appErrorMessage } from '../lib/errors';
import { formatMoney } from '../lib/money';
import { WIDE_TABLE } from '../lib/tables';
import { Needs } from '../components/Needs';

type AmountKey =
  | 'closing_balance'
  | 'not_due'
  | 'd1_30'
  | 'd31_60'
  | 'd61_90'
  | 'over_90'
  | 'credit_limit'
  | 'available_credit';
const BUCKETS: AmountKey[] = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90'];

/** Exact comparison of two amounts written with two decimals. */
function compareMoney(a: string, b: string): number {
  const fen = (s: string) => BigInt(s.replace('.', ''));
  const d = fen(a) - fen(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

type FileKind = 'xlsx' | 'pdf';

/** The receivables on a date and the answers to the statements sent. */
export function ReceivablesPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') === 'confirmations' ? 'confirmations' : 'aging';
  return (
    <>
      <PageHeader title={t('receivables.title')} subtitle={t('receivables.subtitle')} />
      <Card size="small">
        <Tabs
          id="receivables-tabs"
          activeKey={tab}
          onChange={(k) => setSp(k === 'aging' ? {} : { tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'aging', label: t('receivables.tabAging'), children: <AgingPanel /> },
            { key: 'confirmations', label: t('runs.tab'), children: <ConfirmationsPanel /> },
          ]}
        />
      </Card>
    </>
  );
}

/** Every distributor's aging on a date, as its statement ages it. */
function AgingPanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const tierLabel = useTierLabel();
  const territories = useTerritories();
  const [asOf, setAsOf] = useState(() => officeNow().format('YYYY-MM-DD'));
  const [typed, setTyped] = useState(asOf);
  const [tier, setTier] = useState<Tier | null>(null);
  const [territory, setTerritory] = useState<string | null>(null);
  // The dashboard's tiles open the list filtered.
  const [sp] = useSearchParams();
  const [overdueOnly, setOverdueOnly] = useState(sp.get('overdue') === '1');
  const [overLimitOnly, setOverLimitOnly] = useState(sp.get('over') === '1');
  const list = useReceivables(asOf);
  const exporter = useExportReceivables();
  const [asking, setAsking] = useState<{ initial: string; name: string; kind: FileKind } | null>(null);
  const [calling, setCalling] = useState<ReceivableRow | null>(null);

  const data = list.data;
  const labels = data?.buckets ?? [];
  const rows = (data?.distributors ?? []).filter(
    (r) =>
      (tier === null || r.tier === tier) &&
      (territory === null || r.province === territory || r.region === territory) &&
      (!overdueOnly || r.oldest_overdue_days !== null) &&
      (!overLimitOnly || r.over_limit),
  );

  const money = (key: AmountKey, title: string, width = 120) => ({
    key,
    title,
    width,
    align: 'right' as const,
    className: 'money',
    sorter: (a: ReceivableRow, b: ReceivableRow) => compareMoney(a[key], b[key]),
    render: (_: unknown, r: ReceivableRow) => <span className={`ar-${key}`}>{formatMoney(r[key])}</span>,
  });

  const bucketTitle = (i: number) =>
    i === 0 ? t('receivables.notDue') : t('receivables.bucket', { label: labels[i] ?? '' });

  const columns: ColumnsType<ReceivableRow> = [
    {
      key: 'distributor',
      title: t('fields.distributor_id'),
      width: 230,
      fixed: 'left',
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, r) => (
        <Link to={`/distributors/${r.distributor_id}`} state={{ tab: 'statement' }} className="ar-open">
          {r.code} {r.name}
        </Link>
      ),
    },
    { key: 'tier', title: t('fields.tier'), width: 80, render: (_, r) => tierLabel(r.tier) },
    money('closing_balance', t('receivables.balance'), 130),
    ...BUCKETS.map((k, i) => money(k, bucketTitle(i))),
    money('credit_limit', t('receivables.creditLimit')),
    money('available_credit', t('receivables.available')),
    {
      key: 'over_limit',
      title: t('receivables.overLimit'),
      width: 90,
      sorter: (a, b) => (a.over_limit ? 1 : 0) - (b.over_limit ? 1 : 0),
      render: (_, r) =>
        r.over_limit ? (
          <Tag color="red" className="ar-over-limit">
            {t('receivables.overLimitTag')}
          </Tag>
        ) : null,
    },
    {
      key: 'oldest',
      title: t('receivables.oldest'),
      width: 100,
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => (a.oldest_overdue_days ?? -1) - (b.oldest_overdue_days ?? -1),
      render: (_, r) => (r.oldest_overdue_days === null ? '' : r.oldest_overdue_days),
    },
    {
      key: 'last_payment',
      title: t('receivables.lastPayment'),
      width: 110,
      sorter: (a, b) => (a.last_payment_date ?? '').localeCompare(b.last_payment_date ?? ''),
      render: (_, r) => r.last_payment_date ?? '',
    },
    {
      key: 'confirmation',
      title: t('receivables.confirmation'),
      width: 120,
      sorter: (a, b) => (a.confirmation ?? '').localeCompare(b.confirmation ?? ''),
      render: (_, r) => (
        <span title={r.confirmation_period_to ?? ''} className="ar-confirmation">
          <RunStatusTag status={r.confirmation} />
        </span>
      ),
    },
    {
      key: 'actions',
      title: t('runs.columns.actions'),
      width: 110,
      fixed: 'right',
      render: (_, r) => (
        <Button
          size="small"
          type="link"
          icon={<PhoneOutlined />}
          className={`ar-call-${r.code}`}
          onClick={() => setCalling(r)}
        >
          {t('collections.short')}
        </Button>
      ),
    },
  ];

  const ask = async (kind: FileKind) => {
    const name = `${t('receivables.fileName')}-${asOf}.${kind}`;
    setAsking({ name, kind, initial: await dialogs.suggestedPath(name) });
  };
  const save = async (typedPath: string, kind: FileKind) => {
    const path = new RegExp(`\\.${kind}$`, 'i').test(typedPath) ? typedPath : `${typedPath}.${kind}`;
    try {
      const n = await exporter.mutateAsync({
        as_of: asOf,
        path,
        lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
      });
      setAsking(null);
      message.success(t('receivables.exported', { count: n, path }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const totals = data?.totals;
  return (
    <>
      <div>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            id="receivables-as-of"
            style={{ width: 200 }}
            addonBefore={t('receivables.asOf')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => setAsOf(v.trim())}
          />
          <Select<Tier | null>
            id="receivables-tier"
            value={tier}
            onChange={setTier}
            style={{ width: 130 }}
            options={[
              { value: null, label: t('scorecard.allTiers') },
              ...(['strategic', 'core', 'basic'] as Tier[]).map((x) => ({ value: x, label: tierLabel(x) })),
            ]}
          />
          <Select
            id="receivables-territory"
            allowClear
            showSearch
            style={{ width: 170 }}
            placeholder={t('list.allTerritories')}
            value={territory ?? undefined}
            onChange={(v) => setTerritory(v ?? null)}
            options={(territories.data ?? []).map((v) => ({ value: v, label: v }))}
          />
          <Checkbox
            id="receivables-overdue"
            checked={overdueOnly}
            onChange={(e) => setOverdueOnly(e.target.checked)}
          >
            {t('receivables.overdueOnly')}
          </Checkbox>
          <Checkbox
            id="receivables-over-limit"
            checked={overLimitOnly}
            onChange={(e) => setOverLimitOnly(e.target.checked)}
          >
            {t('receivables.overLimitOnly')}
          </Checkbox>
          <Space style={{ marginLeft: 'auto' }}>
            <Needs right="export">
              <Button id="receivables-export" onClick={() => void ask('xlsx')}>
                {t('scorecard.exportXlsx')}
              </Button>
            </Needs>
            <Needs right="export">
              <Button id="receivables-export-pdf" onClick={() => void ask('pdf')}>
                {t('receivables.exportPdf')}
              </Button>
            </Needs>
          </Space>
        </Flex>
        {list.error ? <QueryError error={list.error} /> : null}
        <Table<ReceivableRow>
          id="receivables-table"
          rowKey="distributor_id"
          size="small"
          loading={list.isFetching}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 1870 }}
          {...WIDE_TABLE}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('receivables.empty')} />,
          }}
          summary={() =>
            totals ? (
              <Table.Summary fixed>
                <Table.Summary.Row className="receivables-totals">
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <Typography.Text strong>
                      {t('receivables.totals', { count: data.distributors.length })}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  {(['closing_balance', ...BUCKETS, 'credit_limit', 'available_credit'] as AmountKey[]).map(
                    (k, i) => (
                      <Table.Summary.Cell key={k} index={i + 2} align="right">
                        <Typography.Text strong className={`ar-total-${k}`}>
                          {formatMoney(totals[k])}
                        </Typography.Text>
                      </Table.Summary.Cell>
                    ),
                  )}
                  <Table.Summary.Cell index={10} colSpan={5} />
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('receivables.note')}
        </Typography.Paragraph>
      </div>
      {asking ? (
        <PathPromptModal
          title={asking.kind === 'pdf' ? t('receivables.exportPdf') : t('scorecard.exportXlsx')}
          inputId="receivables_path"
          okId="receivables-file-save"
          okText={t('common.save')}
          initial={asking.initial}
          busy={exporter.isPending}
          browse={() =>
            asking.kind === 'pdf'
              ? dialogs.pickPdfPath(t('receivables.exportPdf'), asking.name)
              : dialogs.pickExportPath(t('scorecard.exportXlsx'), 'xlsx', asking.name)
          }
          onSubmit={(path) => save(path, asking.kind)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {calling ? (
        <CallModal
          distributorId={calling.distributor_id}
          title={`${calling.code} ${calling.name}`}
          onClose={() => setCalling(null)}
        />
      ) : null}
    </>
  );
}
