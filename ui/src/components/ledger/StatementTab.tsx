import {
  ExportOutlined,
  FilePdfOutlined,
  MailOutlined,
  PrinterOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Segmented,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import type { EntryKind } from '../../bindings/EntryKind';
import type { SavedStatement } from '../../bindings/SavedStatement';
import type { Statement } from '../../bindings/Statement';
import type { StatementPdfRequest } from '../../bindings/StatementPdfRequest';
import type { StatementRequest } from '../../bindings/StatementRequest';
import { ruleFrom, ruleObjectFrom } from '../../forms/rules';
import { normaliseLanguage, type Language } from '../../i18n';
import { dialogs, toAppError } from '../../ipc';
import {
  usePathOpen,
  useStatement,
  useStatementOpen,
  useStatementPrint,
  useStatementSavePdf,
} from '../../ipc/queries';
import { appErrorMessage } from '../../lib/errors';
import {
  AGING_BUCKETS,
  agingLabels,
  checkDate,
  checkPeriod,
  defaultPeriod,
  isNegativeMoney,
  isZeroMoney,
  kindLabel,
  statementFileName,
  type AgingBucket,
} from '../../lib/ledger';
import { formatMoney } from '../../lib/money';
import { SendStatementsModal } from '../finance/SendStatementsModal';
import { StatementRuns } from '../finance/StatementRuns';
import { PathPromptModal } from '../PathPromptModal';
import { useCompanyNameCheck } from './useCompanyNameCheck';
import { Needs } from '../Needs';

type Period = { from: string; to: string };

type PreviewRow = {
  key: string;
  date: string;
  doc_no: string;
  kind: EntryKind | null;
  description: string;
  fapiao_no: string;
  due_date: string;
  debit: string;
  credit: string;
  balance: string;
};

/** Blank for zero, so the debit and credit columns read like a ledger book. */
function amount(s: string): string {
  return isZeroMoney(s) ? '' : formatMoney(s);
}

function previewRows(s: Statement, openingLabel: string): PreviewRow[] {
  return [
    {
      key: 'opening',
      date: s.from,
      doc_no: '',
      kind: null,
      description: openingLabel,
      fapiao_no: '',
      due_date: '',
      debit: '',
      credit: '',
      balance: s.opening_balance,
    },
    ...s.lines.map((l) => ({ ...l, key: String(l.entry_id) })),
  ];
}

/** The statement as it will be printed: header, totals, entries with running balance, aging. */
function StatementPreview({ s }: { s: Statement }) {
  const { t } = useTranslation();
  const labels = agingLabels(t, s.aging_edges);
  const rows = previewRows(s, t('statement.openingBalance'));
  const over = isNegativeMoney(s.available_credit);
  return (
    <div id="statement-preview">
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }} id="statement-title">
            {t('statement.title')} ·{' '}
            {t('statement.party', { name: s.distributor.name, code: s.distributor.code })}
          </Typography.Title>
          <Typography.Text type="secondary" id="statement-period">
            {t('statement.period', { from: s.from, to: s.to })}
          </Typography.Text>
        </div>
        <Space orientation="vertical" size={0} className="muted" style={{ textAlign: 'right' }}>
          {s.distributor.contact_name || s.distributor.contact_phone ? (
            <span>
              {t('statement.contact', {
                name: s.distributor.contact_name,
                phone: s.distributor.contact_phone,
              })}
            </span>
          ) : null}
          <span>{t('statement.paymentTerms', { days: s.distributor.payment_terms_days })}</span>
          <span>{t('statement.currency', { currency: s.currency })}</span>
        </Space>
      </Flex>

      <Descriptions
        id="statement-summary"
        bordered
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'opening',
            label: t('statement.openingBalance'),
            children: <span id="statement-opening">{formatMoney(s.opening_balance)}</span>,
          },
          {
            key: 'debit',
            label: t('statement.totalDebit'),
            children: <span id="statement-total-debit">{formatMoney(s.total_debit)}</span>,
          },
          {
            key: 'credit',
            label: t('statement.totalCredit'),
            children: <span id="statement-total-credit">{formatMoney(s.total_credit)}</span>,
          },
          {
            key: 'closing',
            label: t('statement.closingBalance'),
            children: (
              <Typography.Text strong id="statement-closing">
                {formatMoney(s.closing_balance)}
              </Typography.Text>
            ),
          },
          {
            key: 'words',
            label: t('statement.inWords'),
            span: 2,
            children: <span id="statement-words">{s.closing_balance_in_words}</span>,
          },
          {
            key: 'limit',
            label: t('statement.creditLimit'),
            children: <span id="statement-credit-limit">{formatMoney(s.credit_limit)}</span>,
          },
          {
            key: 'available',
            label: t('statement.availableCredit'),
            children: (
              <Typography.Text id="statement-available" type={over ? 'danger' : undefined}>
                {formatMoney(s.available_credit)}
              </Typography.Text>
            ),
          },
        ]}
      />

      <Typography.Title level={5}>{t('statement.lines')}</Typography.Title>
      <Table<PreviewRow>
        id="statement-lines"
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={{ x: 1030 }}
        columns={[
          { key: 'date', dataIndex: 'date', title: t('fields.date'), width: 110 },
          { key: 'doc_no', dataIndex: 'doc_no', title: t('fields.doc_no'), width: 150 },
          {
            key: 'kind',
            dataIndex: 'kind',
            title: t('fields.kind'),
            width: 110,
            render: (k: EntryKind | null) => (k ? kindLabel(t, k) : ''),
          },
          {
            key: 'description',
            dataIndex: 'description',
            title: t('fields.description'),
            width: 260,
            ellipsis: { showTitle: true },
          },
          {
            key: 'debit',
            dataIndex: 'debit',
            title: t('fields.debit'),
            width: 130,
            align: 'right',
            className: 'money',
            render: (v: string) => amount(v),
          },
          {
            key: 'credit',
            dataIndex: 'credit',
            title: t('fields.credit'),
            width: 130,
            align: 'right',
            className: 'money',
            render: (v: string) => amount(v),
          },
          {
            key: 'balance',
            dataIndex: 'balance',
            title: t('fields.balance'),
            width: 140,
            align: 'right',
            className: 'money',
            render: (v: string) => formatMoney(v),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={6}>
              <Typography.Text strong>{t('statement.closingBalance')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right" className="money">
              {formatMoney(s.total_debit)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right" className="money">
              {formatMoney(s.total_credit)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right" className="money">
              <Typography.Text strong>{formatMoney(s.closing_balance)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statement.noLines')} />,
        }}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('statement.aging')}
      </Typography.Title>
      <Table<{ bucket: AgingBucket }>
        id="statement-aging"
        rowKey="bucket"
        size="small"
        style={{ maxWidth: 480 }}
        pagination={false}
        dataSource={AGING_BUCKETS.map((bucket) => ({ bucket }))}
        columns={[
          {
            key: 'bucket',
            title: t('statement.agingBucket'),
            render: (_: unknown, r) => labels[r.bucket],
          },
          {
            key: 'amount',
            title: t('statement.amount'),
            align: 'right',
            className: 'money',
            render: (_: unknown, r) => formatMoney(s.aging[r.bucket]),
          },
        ]}
      />
    </div>
  );
}

/** The statement of account for a period, previewed in the app and written as PDF. */
export function StatementTab({ distributor }: { distributor: Distributor }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Period>();
  const [initialPeriod] = useState(defaultPeriod);
  const [applied, setApplied] = useState<StatementRequest>(() => ({
    distributor_id: distributor.id,
    ...initialPeriod,
  }));
  const [lang, setLang] = useState<Language>(() => normaliseLanguage(i18n.language) ?? 'zh-CN');
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const statement = useStatement(applied);
  const savePdf = useStatementSavePdf();
  const openPdf = useStatementOpen();
  const printPdf = useStatementPrint();
  const pathOpen = usePathOpen();

  const fail = (e: unknown) => message.error(appErrorMessage(toAppError(e), t));
  /** Characters the font lacks (stored before they were refused) print as □: say which. */
  const warnSubstituted = (saved: SavedStatement) => {
    if (saved.substituted) void message.warning(t('pdf.substituted', { chars: saved.substituted }), 8);
  };

  /** The period typed in the form, checked; it also becomes the previewed period. */
  const readPeriod = async (): Promise<StatementRequest> => {
    const v = await form.validateFields();
    const req = { distributor_id: distributor.id, from: v.from.trim(), to: v.to.trim() };
    setApplied(req);
    return req;
  };

  const pdfRequest = (req: StatementRequest, path: string): StatementPdfRequest => ({ ...req, lang, path });

  const show = async () => {
    const req = await readPeriod();
    if (req.from === applied.from && req.to === applied.to) void statement.refetch();
  };

  const openPath = (path: string) => void pathOpen.mutateAsync(path).catch(fail);

  const [saving, setSaving] = useState<{ req: StatementRequest; initial: string } | null>(null);

  const companyNamed = useCompanyNameCheck();

  const save = async () => {
    const req = await readPeriod();
    if (!(await companyNamed())) return;
    const name = statementFileName(distributor.code, req.from, req.to);
    setSaving({ req, initial: await dialogs.suggestedPath(name) });
  };

  const writePdf = async (req: StatementRequest, picked: string) => {
    const path = picked.toLowerCase().endsWith('.pdf') ? picked : `${picked}.pdf`;
    try {
      const written = await savePdf.mutateAsync(pdfRequest(req, path));
      setSaving(null);
      setSavedPath(written.path);
      warnSubstituted(written);
    } catch (e) {
      fail(e);
    }
  };

  const open = async () => {
    const req = await readPeriod();
    if (!(await companyNamed())) return;
    try {
      warnSubstituted(await openPdf.mutateAsync(pdfRequest(req, '')));
    } catch (e) {
      fail(e);
    }
  };

  const print = async () => {
    const req = await readPeriod();
    if (!(await companyNamed())) return;
    try {
      warnSubstituted(await printPdf.mutateAsync(pdfRequest(req, '')));
      message.success(t('statement.printed'));
    } catch (e) {
      fail(e);
    }
  };

  const [emailing, setEmailing] = useState<StatementRequest | null>(null);
  const email = async () => setEmailing(await readPeriod());

  const ignoreInvalid = (p: Promise<void>) => void p.catch(() => undefined);

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<Period>
          form={form}
          name="statement"
          layout="inline"
          initialValues={initialPeriod}
          onFinish={() => ignoreInvalid(show())}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="from" label={t('fields.from')} rules={[ruleFrom<string>(t, checkDate)]}>
            <Input placeholder={t('common.datePlaceholder')} style={{ width: 130 }} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="to"
            label={t('fields.to')}
            dependencies={['from']}
            rules={[
              ruleFrom<string>(t, checkDate),
              ({ getFieldValue }) =>
                ruleObjectFrom<string>(t, (v) =>
                  checkPeriod((getFieldValue('from') as string) ?? '', v ?? ''),
                ),
            ]}
          >
            <Input placeholder={t('common.datePlaceholder')} style={{ width: 130 }} autoComplete="off" />
          </Form.Item>
          <Form.Item>
            <Button
              id="statement-show"
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined />}
              loading={statement.isFetching}
            >
              {t('statement.show')}
            </Button>
          </Form.Item>
          <Form.Item label={t('statement.lang')}>
            <Segmented<Language>
              id="statement-lang"
              value={lang}
              onChange={setLang}
              options={[
                { value: 'zh-CN', label: <span id="statement-lang-zh">{t('lang.zh')}</span> },
                { value: 'en', label: <span id="statement-lang-en">{t('lang.en')}</span> },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Button
                id="statement-save-pdf"
                icon={<FilePdfOutlined />}
                loading={savePdf.isPending}
                onClick={() => ignoreInvalid(save())}
              >
                {t('statement.savePdf')}
              </Button>
              <Button
                id="statement-open"
                icon={<ExportOutlined />}
                loading={openPdf.isPending}
                onClick={() => ignoreInvalid(open())}
              >
                {t('statement.open')}
              </Button>
              <Button
                id="statement-print"
                icon={<PrinterOutlined />}
                loading={printPdf.isPending}
                onClick={() => ignoreInvalid(print())}
              >
                {t('statement.print')}
              </Button>
              <Needs right="finance">
                <Button id="statement-email" icon={<MailOutlined />} onClick={() => ignoreInvalid(email())}>
                  {t('send.one')}
                </Button>
              </Needs>
            </Space>
          </Form.Item>
        </Form>
        {saving ? (
          <PathPromptModal
            title={t('statement.saveTitle')}
            inputId="statement_pdf_path"
            okId="statement-pdf-save"
            okText={t('common.save')}
            initial={saving.initial}
            busy={savePdf.isPending}
            browse={() =>
              dialogs.pickPdfPath(
                t('statement.saveTitle'),
                statementFileName(distributor.code, saving.req.from, saving.req.to),
              )
            }
            onSubmit={(p) => writePdf(saving.req, p)}
            onClose={() => setSaving(null)}
          />
        ) : null}
        {emailing ? (
          <SendStatementsModal
            from={emailing.from}
            to={emailing.to}
            distributorIds={[distributor.id]}
            title={t('send.oneTitle', { name: `${distributor.code} ${distributor.name}` })}
            onClose={() => setEmailing(null)}
          />
        ) : null}
        {savedPath ? (
          <Alert
            id="statement-saved"
            type="success"
            showIcon
            closable={{ onClose: () => setSavedPath(null) }}
            style={{ marginTop: 12 }}
            title={t('statement.saved', { path: savedPath })}
            action={
              <Button id="statement-saved-open" size="small" type="link" onClick={() => openPath(savedPath)}>
                {t('common.open')}
              </Button>
            }
          />
        ) : null}
      </Card>

      <Card size="small" style={{ marginBottom: 16 }} id="statement-runs">
        <StatementRuns distributorId={distributor.id} />
      </Card>

      {statement.error ? (
        <Alert id="statement-error" type="error" showIcon title={appErrorMessage(statement.error, t)} />
      ) : statement.data ? (
        <StatementPreview s={statement.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </>
  );
}
