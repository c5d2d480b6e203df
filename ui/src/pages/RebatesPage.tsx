import { AuditOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { RebateApproval } from '../bindings/RebateApproval';
import type { RebateLine } from '../bindings/RebateLine';
import type { RebateRun } from '../bindings/RebateRun';
import type { RebateRunRequest } from '../bindings/RebateRunRequest';
import { agreementErrorMessage, lastFullQuarter, sumMoney } from '../components/agreements/agreementLib';
import { ExportTableButton } from '../components/agreements/ExportTableButton';
import { PageHeader } from '../components/PageHeader';
import { ruleFrom, ruleObjectFrom } from '../forms/rules';
import { toAppError } from '../ipc';
import { normaliseLanguage } from '../i18n';
import { useApproveRebates, useExportRebates, useRebatePreview } from '../ipc/agreements';
import { applyAppErrorToForm } from '../lib/errors';
import { checkDate, checkPeriod, isZeroMoney } from '../lib/ledger';
import { formatMoney } from '../lib/money';
import { WIDE_TABLE } from '../lib/tables';
import { Needs } from '../components/Needs';

type Period = { from: string; to: string };

/** Lines whose rebate is due but not yet in the ledger. */
function unposted(run: RebateRun): RebateLine[] {
  return run.lines.filter((l) => l.posted === null && !isZeroMoney(l.rebate));
}

/** How the rebate comes about, e.g. "123,456.00 × 3% = 3,703.68", or why there is none. */
function Explanation({ line }: { line: RebateLine }) {
  const { t } = useTranslation();
  return (
    <span className="rebate-explain muted">
      {line.step_pct === null
        ? t('rebate.explainNone', { achievement: line.achievement_pct })
        : t('rebate.explain', {
            sales: formatMoney(line.sales),
            pct: line.rebate_pct,
            rebate: formatMoney(line.rebate),
          })}
    </span>
  );
}

function PostedCell({ line }: { line: RebateLine }) {
  const { t } = useTranslation();
  if (line.withheld && line.posted === null) {
    return (
      <Tag color="red" className="rebate-withheld-tag">
        {t('violation.withheldTag')}
      </Tag>
    );
  }
  if (line.posted !== null) {
    return (
      <Space size={4} className="rebate-posted">
        <Tag color="green" className="rebate-posted-tag">
          {t('rebate.posted')}
        </Tag>
        <span className="money">{formatMoney(line.posted)}</span>
      </Space>
    );
  }
  if (isZeroMoney(line.rebate)) return <span className="muted">{t('common.none')}</span>;
  return (
    <Tag color="orange" className="rebate-to-post-tag">
      {t('rebate.toPost')}
    </Tag>
  );
}

function RunTable({ run, loading }: { run: RebateRun; loading: boolean }) {
  const { t } = useTranslation();
  const money = (v: string) => formatMoney(v);
  return (
    <Table<RebateLine>
      id="rebate-table"
      rowKey="agreement_id"
      size="small"
      loading={loading}
      dataSource={run.lines}
      pagination={false}
      scroll={{ x: 1700 }}
      {...WIDE_TABLE}
      rowClassName={(l) => `rebate-row rebate-row-${l.distributor_code}`}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rebate.empty')} />,
      }}
      columns={[
        {
          key: 'distributor',
          title: t('fields.distributor_id'),
          width: 220,
          fixed: 'left',
          render: (_: unknown, l) => (
            <Link to={`/distributors/${l.distributor_id}`}>
              {l.distributor_code} {l.distributor_name}
            </Link>
          ),
        },
        {
          key: 'agreement',
          title: t('rebate.columns.agreement'),
          width: 160,
          render: (_: unknown, l) => (
            <Link to={`/agreements/${l.agreement_id}`}>
              {l.number} v{l.version}
            </Link>
          ),
        },
        {
          key: 'target',
          title: t('rebate.columns.target'),
          width: 130,
          align: 'right',
          className: 'money',
          render: (_: unknown, l) => money(l.target),
        },
        {
          key: 'invoiced',
          title: t('rebate.columns.invoiced'),
          width: 130,
          align: 'right',
          className: 'money',
          render: (_: unknown, l) => money(l.invoiced),
        },
        {
          key: 'credited',
          title: t('rebate.columns.credited'),
          width: 120,
          align: 'right',
          className: 'money',
          render: (_: unknown, l) => money(l.credited),
        },
        {
          key: 'sales',
          title: t('rebate.columns.sales'),
          width: 130,
          align: 'right',
          className: 'money',
          render: (_: unknown, l) => money(l.sales),
        },
        {
          key: 'achievement',
          title: t('rebate.columns.achievement'),
          width: 100,
          align: 'right',
          render: (_: unknown, l) => <span className="rebate-achievement">{l.achievement_pct}%</span>,
        },
        {
          key: 'step',
          title: t('rebate.columns.step'),
          width: 100,
          align: 'right',
          render: (_: unknown, l) =>
            l.step_pct === null ? (
              <span className="muted">{t('rebate.noStep')}</span>
            ) : (
              t('rebate.stepReached', { pct: l.step_pct })
            ),
        },
        {
          key: 'rebate_pct',
          title: t('rebate.columns.rebatePct'),
          width: 90,
          align: 'right',
          render: (_: unknown, l) => `${l.rebate_pct}%`,
        },
        {
          key: 'rebate',
          title: t('rebate.columns.rebate'),
          width: 130,
          align: 'right',
          className: 'money',
          render: (_: unknown, l) => <Typography.Text strong>{money(l.rebate)}</Typography.Text>,
        },
        {
          key: 'posted',
          title: t('rebate.columns.posted'),
          width: 160,
          render: (_: unknown, l) => <PostedCell line={l} />,
        },
        {
          key: 'explain',
          title: t('rebate.columns.explain'),
          width: 260,
          render: (_: unknown, l) => <Explanation line={l} />,
        },
      ]}
      summary={() =>
        run.lines.length > 0 ? (
          <Table.Summary.Row className="rebate-total-row">
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t('rebate.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right" className="money">
              {money(sumMoney(run.lines.map((l) => l.target)))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right" className="money">
              {money(sumMoney(run.lines.map((l) => l.invoiced)))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right" className="money">
              {money(sumMoney(run.lines.map((l) => l.credited)))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right" className="money">
              {money(sumMoney(run.lines.map((l) => l.sales)))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} colSpan={3} />
            <Table.Summary.Cell index={9} align="right" className="money">
              <Typography.Text strong id="rebate-total">
                {money(run.total)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={10} className="money">
              <span id="rebate-posted-total">{money(sumMoney(run.lines.map((l) => l.posted)))}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={11} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

/**
 * Rebate runs: for a period, each distributor's sales against its agreement's
 * targets and the ladder's rebate; approving posts the rebates to the ledgers.
 */
export function RebatesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Period>();
  const exporter = useExportRebates();
  const [initial] = useState(() => lastFullQuarter());
  const [applied, setApplied] = useState<RebateRunRequest>(initial);
  const [confirming, setConfirming] = useState(false);
  const [approval, setApproval] = useState<RebateApproval | null>(null);
  const preview = useRebatePreview(applied);
  const approve = useApproveRebates();
  const run = preview.data;

  const show = async () => {
    const v = await form.validateFields();
    const req = { from: v.from.trim(), to: v.to.trim() };
    setApproval(null);
    if (req.from === applied.from && req.to === applied.to) void preview.refetch();
    else setApplied(req);
  };

  const doApprove = async () => {
    try {
      const result = await approve.mutateAsync(applied);
      setConfirming(false);
      setApproval(result);
    } catch (e) {
      setConfirming(false);
      const err = toAppError(e);
      // "The period has not ended yet" also goes on the period's end.
      if (err.kind === 'validation') {
        applyAppErrorToForm(form, err, t, { hasField: (p) => p[0] === 'from' || p[0] === 'to' });
      }
      message.error(agreementErrorMessage(err, t));
    }
  };

  const pending = run ? unposted(run) : [];

  return (
    <>
      <PageHeader title={t('rebate.title')} subtitle={t('rebate.subtitle')} />
      <div className="page-card">
        <Form<Period>
          form={form}
          name="rebate"
          layout="inline"
          initialValues={initial}
          onFinish={() => void show().catch(() => undefined)}
          style={{ rowGap: 8, marginBottom: 16 }}
        >
          <Form.Item name="from" label={t('fields.from')} rules={[ruleFrom<string>(t, checkDate)]}>
            <Input
              id="rebate-from"
              placeholder={t('common.datePlaceholder')}
              style={{ width: 130 }}
              autoComplete="off"
            />
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
            <Input
              id="rebate-to"
              placeholder={t('common.datePlaceholder')}
              style={{ width: 130 }}
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item>
            <Button id="rebate-preview" type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('rebate.preview')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Needs right="finance">
              <Button
                id="rebate-approve"
                icon={<AuditOutlined />}
                disabled={!run || run.to_post === 0 || preview.isFetching}
                loading={approve.isPending}
                onClick={() => setConfirming(true)}
              >
                {t('rebate.approve')}
              </Button>
            </Needs>
          </Form.Item>
          <Form.Item>
            <ExportTableButton
              id="rebate-export"
              title={t('rebate.exportTitle')}
              fileName={`${t('rebate.exportFileName')}-${applied.from}-${applied.to}.xlsx`}
              disabled={!run}
              busy={exporter.isPending}
              onExport={(path) =>
                exporter.mutateAsync({
                  run: applied,
                  lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
                  path,
                })
              }
            />
          </Form.Item>
        </Form>

        <Typography.Paragraph type="secondary">{t('rebate.hint')}</Typography.Paragraph>

        {approval ? (
          <Alert
            id="rebate-approved"
            type="success"
            showIcon
            closable={{ onClose: () => setApproval(null) }}
            style={{ marginBottom: 16 }}
            title={
              approval.posted > 0
                ? t('rebate.approved', { count: approval.posted, doc_no: approval.run.doc_no })
                : t('rebate.approvedNothing', { doc_no: approval.run.doc_no })
            }
          />
        ) : null}

        {preview.error ? (
          <Alert id="rebate-error" type="error" showIcon title={agreementErrorMessage(preview.error, t)} />
        ) : run ? (
          <>
            <Descriptions
              id="rebate-summary"
              size="small"
              column={{ xs: 1, sm: 2, md: 4 }}
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: 'period',
                  label: t('rebate.period'),
                  children: (
                    <span id="rebate-period">
                      {t('agreement.termRange', { start: run.from, end: run.to })}
                    </span>
                  ),
                },
                {
                  key: 'doc_no',
                  label: t('fields.doc_no'),
                  children: <span id="rebate-doc-no">{run.doc_no}</span>,
                },
                {
                  key: 'to_post',
                  label: t('rebate.toPostCount'),
                  children: <span id="rebate-to-post">{run.to_post}</span>,
                },
                {
                  key: 'already',
                  label: t('rebate.alreadyPosted'),
                  children: <span id="rebate-already-posted">{run.already_posted}</span>,
                },
              ]}
            />
            <RunTable run={run} loading={preview.isFetching} />
          </>
        ) : (
          <Skeleton active paragraph={{ rows: 6 }} />
        )}
      </div>

      {confirming && run ? (
        <Modal
          open
          title={t('rebate.confirmTitle')}
          onCancel={() => setConfirming(false)}
          onOk={() => void doApprove()}
          okText={t('rebate.approve')}
          cancelText={t('common.cancel')}
          okButtonProps={{ id: 'rebate-approve-ok', loading: approve.isPending }}
          cancelButtonProps={{ id: 'rebate-approve-cancel' }}
          modalRender={(node) => <div id="rebate-approve-modal">{node}</div>}
          destroyOnHidden
        >
          <Typography.Paragraph>
            {t('rebate.confirmText', {
              count: pending.length,
              total: formatMoney(sumMoney(pending.map((l) => l.rebate))),
              doc_no: run.doc_no,
              date: run.to,
            })}
          </Typography.Paragraph>
          <ul id="rebate-approve-lines" style={{ paddingLeft: 18 }}>
            {pending.map((l) => (
              <li key={l.agreement_id}>
                {l.distributor_code} {l.distributor_name}:{' '}
                <span className="money">{formatMoney(l.rebate)}</span>
              </li>
            ))}
          </ul>
        </Modal>
      ) : null}
    </>
  );
}
