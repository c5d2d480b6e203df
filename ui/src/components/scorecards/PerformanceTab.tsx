import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import type { Grade } from '../../bindings/Grade';
import type { Plan } from '../../bindings/Plan';
import type { QuarterResult } from '../../bindings/QuarterResult';
import type { Status } from '../../bindings/Status';
import type { Warning } from '../../bindings/Warning';
import { toAppError } from '../../ipc';
import {
  usePlans,
  useSavePlan,
  useScorecardHistory,
  useViolations,
  useViolationSettings,
  useVisits,
  useWarnings,
} from '../../ipc/scorecards';
import { officeNow } from '../../lib/dates';
import { applyAppErrorToForm } from '../../lib/errors';
import { EChart, type ChartOption } from '../complaints/EChart';
import { TransitionModal } from '../detail/TransitionModal';
import { QueryError } from '../QueryError';
import { WarningTag } from './WarningTag';
import { Needs } from '../Needs';

const GRADE_COLOR: Record<Grade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

type PlanValues = {
  quarter: string;
  actions: string;
  owner: string;
  due_on: string;
  outcome: string;
  closed_on: string;
};

/** Records an improvement plan, or edits one (outcome, closing date). */
function PlanModal({
  distributor,
  plan,
  quarter,
  onClose,
}: {
  distributor: Distributor;
  plan: Plan | null;
  quarter: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const save = useSavePlan();
  const submit = async (v: PlanValues) => {
    try {
      await save.mutateAsync({
        id: plan?.id ?? null,
        distributor_id: distributor.id,
        quarter: (v.quarter ?? '').trim(),
        actions: (v.actions ?? '').trim(),
        owner: (v.owner ?? '').trim(),
        due_on: (v.due_on ?? '').trim(),
        outcome: (v.outcome ?? '').trim(),
        closed_on: (v.closed_on ?? '').trim() || null,
      });
      message.success(t('plan.saved'));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Modal
      open
      title={plan ? t('plan.edit') : t('plan.new')}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ id: 'plan-save', loading: save.isPending }}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          plan
            ? { ...plan, closed_on: plan.closed_on ?? '' }
            : { quarter, due_on: officeNow().add(30, 'day').format('YYYY-MM-DD'), outcome: '', closed_on: '' }
        }
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="actions" label={t('plan.actions')}>
          <Input.TextArea id="plan_actions" rows={3} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="owner" label={t('plan.owner')}>
            <Input id="plan_owner" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="due_on" label={t('plan.dueOn')}>
            <Input id="plan_due_on" placeholder="YYYY-MM-DD" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="quarter" label={t('plan.quarter')}>
            <Input id="plan_quarter" placeholder="2026Q3" style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Form.Item name="outcome" label={t('plan.outcome')}>
          <Input.TextArea id="plan_outcome" rows={2} />
        </Form.Item>
        <Form.Item name="closed_on" label={t('plan.closedOn')} extra={t('plan.closedHint')}>
          <Input id="plan_closed_on" placeholder="YYYY-MM-DD" style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What the warning asks for: a plan (level 1) or the exit process (level 2, with the buy-back terms). */
function WarningAlert({ w, onPlan, onExit }: { w: Warning; onPlan: () => void; onExit: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      id="performance-warning"
      type={w.level === 2 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <Space>
          <WarningTag level={w.level} />
          {t(`performance.warning${w.level}`, {
            quarters: w.quarters.join('、'),
            total: w.total ?? '—',
            baseline: w.baseline,
          })}
        </Space>
      }
      action={
        <Space>
          <Button size="small" id="performance-plan-new" onClick={onPlan}>
            {t('plan.new')}
          </Button>
          {w.level === 2 ? (
            <Button size="small" danger id="performance-start-exit" onClick={onExit}>
              {t('performance.startExit')}
            </Button>
          ) : null}
        </Space>
      }
    />
  );
}

/** The distributor's finalised quarters (chart and table), warning and improvement plans. */
export function PerformanceTab({ distributor, allowed }: { distributor: Distributor; allowed: Status[] }) {
  const { t, i18n } = useTranslation();
  const history = useScorecardHistory(distributor.id);
  const warnings = useWarnings();
  const plans = usePlans(distributor.id);
  const violations = useViolations(distributor.id);
  const kinds = useViolationSettings();
  const en = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  const kindLabel = (key: string) => {
    const k = kinds.data?.kinds.find((x) => x.key === key);
    return k ? (en ? k.label_en : k.label_zh) : key;
  };
  const visits = useVisits({ distributor_id: distributor.id, review_quarter: null });
  const reviewNotes = (quarter: string) =>
    (visits.data ?? [])
      .filter((v) => v.kind === 'review' && v.quarter === quarter)
      .map((v) => v.findings)
      .filter(Boolean)
      .join('；');
  const [planning, setPlanning] = useState<{ plan: Plan | null } | null>(null);
  const [exiting, setExiting] = useState(false);
  const warning = warnings.data?.find((w) => w.distributor_id === distributor.id) ?? null;
  const quarters = useMemo(() => history.data ?? [], [history.data]);
  const latestQuarter = quarters.length ? quarters[quarters.length - 1].quarter : '';

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: quarters.map((q) => q.quarter) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'line',
          name: t('scorecard.columns.total'),
          data: quarters.map((q) => (q.card.total === null ? null : Number(q.card.total))),
          connectNulls: false,
          label: { show: true },
        },
      ],
    }),
    [quarters, t],
  );

  const exitNotice = warning ? (
    <Alert
      id="exit-terms"
      type="info"
      showIcon
      title={
        warning.agreement
          ? t('performance.buyback', { agreement: warning.agreement, pct: warning.buyback_pct ?? '0' })
          : t('performance.noAgreement')
      }
    />
  ) : null;

  return (
    <>
      {warnings.error ? <QueryError error={warnings.error} /> : null}
      {warning ? (
        <WarningAlert
          w={warning}
          onPlan={() => setPlanning({ plan: null })}
          onExit={() => setExiting(true)}
        />
      ) : null}
      {history.error ? <QueryError error={history.error} /> : null}
      <Typography.Title level={5}>{t('performance.quarters')}</Typography.Title>
      {quarters.length ? <EChart id="performance-chart" option={option} height={220} /> : null}
      <Table<QuarterResult>
        id="performance-table"
        rowKey="quarter"
        size="small"
        loading={history.isFetching}
        dataSource={[...quarters].reverse()}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performance.empty')} />,
        }}
        columns={[
          { key: 'quarter', title: t('plan.quarter'), width: 100, render: (_, q) => q.quarter },
          {
            key: 'total',
            title: t('scorecard.columns.total'),
            width: 90,
            align: 'right',
            render: (_, q) =>
              q.card.total === null ? <span className="muted">{t('scorecard.notRated')}</span> : q.card.total,
          },
          {
            key: 'grade',
            title: t('scorecard.columns.grade'),
            width: 160,
            render: (_, q) => (
              <Space size={4}>
                {q.card.grade ? <Tag color={GRADE_COLOR[q.card.grade]}>{q.card.grade}</Tag> : null}
                <WarningTag level={q.card.warning_level} />
              </Space>
            ),
          },
          {
            key: 'deductions',
            title: t('scorecard.columns.deductions'),
            width: 80,
            align: 'right',
            render: (_, q) => (q.card.deductions === '0.00' ? '' : `−${q.card.deductions}`),
          },
          {
            key: 'revision',
            title: t('performance.revision'),
            width: 90,
            render: (_, q) => (
              <Tooltip
                title={q.revisions.map((r) => (
                  <div key={r.revision}>
                    {t('performance.revisionLine', {
                      revision: r.revision,
                      total: r.total ?? '—',
                      reason: r.reason || t('performance.finalisation'),
                      operator: r.operator,
                    })}
                  </div>
                ))}
              >
                <span className="performance-revision">v{q.card.revision}</span>
              </Tooltip>
            ),
          },
          { key: 'comment', title: t('scorecard.comment'), render: (_, q) => q.card.comment },
          { key: 'notes', title: t('visit.reviewNotes'), render: (_, q) => reviewNotes(q.quarter) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('detail.tabs.violations')}
      </Typography.Title>
      <Table
        id="performance-violations"
        rowKey="id"
        size="small"
        dataSource={violations.data ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performance.noViolations')} />
          ),
        }}
        columns={[
          { key: 'date', title: t('violation.occurredOn'), width: 110, render: (_, v) => v.occurred_on },
          { key: 'kind', title: t('violation.kind'), width: 150, render: (_, v) => kindLabel(v.kind) },
          { key: 'description', title: t('violation.description'), render: (_, v) => v.description },
          {
            key: 'points',
            title: t('violation.points'),
            width: 90,
            align: 'right',
            render: (_, v) =>
              v.cancelled ? (
                <Tag>{t('performance.cancelled')}</Tag>
              ) : (
                <span className="score-deductions">−{v.points}</span>
              ),
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ margin: '16px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('plan.title')}
        </Typography.Title>
        <Needs right="channel">
          <Button icon={<PlusOutlined />} id="plan-new" onClick={() => setPlanning({ plan: null })}>
            {t('plan.new')}
          </Button>
        </Needs>
      </Flex>
      {plans.error ? <QueryError error={plans.error} /> : null}
      <Table<Plan>
        id="plan-table"
        rowKey="id"
        size="small"
        dataSource={plans.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.empty')} /> }}
        columns={[
          { key: 'actions', title: t('plan.actions'), render: (_, p) => p.actions },
          { key: 'owner', title: t('plan.owner'), width: 110, render: (_, p) => p.owner },
          { key: 'due', title: t('plan.dueOn'), width: 110, render: (_, p) => p.due_on },
          {
            key: 'state',
            title: t('plan.state'),
            width: 130,
            render: (_, p) =>
              p.closed_on ? (
                <Tag color="green">{t('plan.closed', { date: p.closed_on })}</Tag>
              ) : p.overdue ? (
                <Tag color="red" className="plan-overdue">
                  {t('plan.overdue')}
                </Tag>
              ) : (
                <Tag color="blue">{t('plan.open')}</Tag>
              ),
          },
          { key: 'outcome', title: t('plan.outcome'), render: (_, p) => p.outcome },
          {
            key: 'edit',
            title: '',
            width: 80,
            render: (_, p) => (
              <Button size="small" className="plan-edit" onClick={() => setPlanning({ plan: p })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {planning ? (
        <PlanModal
          distributor={distributor}
          plan={planning.plan}
          quarter={warning?.quarters[0] ?? latestQuarter}
          onClose={() => setPlanning(null)}
        />
      ) : null}
      {exiting && warning ? (
        <TransitionModal
          distributor={distributor}
          target={allowed.includes('suspended') ? 'suspended' : 'terminated'}
          allowed={allowed}
          reason={t('performance.exitReason', {
            quarters: warning.quarters.join('、'),
            baseline: warning.baseline,
          })}
          notice={exitNotice}
          onClose={() => setExiting(false)}
        />
      ) : null}
    </>
  );
}
