import { FileTextOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import type { Grade } from '../bindings/Grade';
import type { Scorecard } from '../bindings/Scorecard';
import type { Tier } from '../bindings/Tier';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { useTierLabel } from '../hooks/useTierLabel';
import { dialogs, toAppError } from '../ipc';
import { useTerritories } from '../ipc/queries';
import { TierReviewPanel } from '../components/scorecards/TierReviewPanel';
import { WarningTag } from '../components/scorecards/WarningTag';
import { ExportVisitsButton, VisitTable } from '../components/scorecards/VisitsTab';
import {
  useFinalise,
  useRate,
  useReviewFile,
  useRevise,
  useScorecardReview,
  useVisits,
} from '../ipc/scorecards';
import { PathPromptModal } from '../components/PathPromptModal';
import { normaliseLanguage } from '../i18n';
import { appErrorMessage, applyAppErrorToForm } from '../lib/errors';
import { formatMoney } from '../lib/money';
import { officeNow } from '../lib/dates';
import { lastEndedQuarter, quarterOf, recentQuarters } from '../lib/quarters';
import { WIDE_TABLE } from '../lib/tables';
import { Needs } from '../components/Needs';

const GRADE_COLOR: Record<Grade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
const INDICATORS = ['achievement', 'growth', 'payment', 'training', 'rating'] as const;

/** `12.34` → 1234, for sorting; null sorts last. */
function num(v: string | null | undefined): number {
  return v === null || v === undefined ? -Infinity : Number(v);
}

function IndicatorCell({ s, k }: { s: Scorecard; k: (typeof INDICATORS)[number] }) {
  const { t } = useTranslation();
  const i = s.indicators[k];
  if (!i || !i.applicable) {
    return <span className="muted">{t('scorecard.notApplicable')}</span>;
  }
  return (
    <Tooltip title={i.value !== null ? `${t(`scorecard.values.${k}`)} ${i.value}% · ${i.basis}` : i.basis}>
      <span className={`score score-${k}`}>{i.score}</span>
    </Tooltip>
  );
}

type RateValues = { rating: number | null; comment: string; reason?: string };

/**
 * The reviewer's rating (0–100) and comment for one distributor's quarter; on a
 * finalised quarter, a correction: a new revision with a reason.
 */
function RateModal({
  s,
  quarter,
  finalised,
  onClose,
}: {
  s: Scorecard;
  quarter: string;
  finalised: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RateValues>();
  const rate = useRate();
  const revise = useRevise();
  const submit = async (v: RateValues) => {
    const input = {
      distributor_id: s.distributor_id,
      quarter,
      rating: v.rating ?? null,
      comment: (v.comment ?? '').trim(),
    };
    try {
      if (finalised) {
        const card = await revise.mutateAsync({ ...input, reason: (v.reason ?? '').trim() });
        message.success(t('scorecard.revised', { revision: card.revision }));
      } else {
        await rate.mutateAsync(input);
        message.success(t('scorecard.rated'));
      }
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Modal
      open
      title={t(finalised ? 'scorecard.reviseTitle' : 'scorecard.rateTitle', {
        name: `${s.code} ${s.name}`,
        quarter,
      })}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ id: 'rating-save', loading: rate.isPending || revise.isPending }}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ rating: s.rating === null ? null : Number(s.rating), comment: s.comment }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="rating" label={t('scorecard.indicators.rating')} extra={t('scorecard.help.rating')}>
          <InputNumber id="rating_value" min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="comment" label={t('scorecard.comment')}>
          <Input.TextArea id="rating_comment" rows={3} />
        </Form.Item>
        {finalised ? (
          <Form.Item
            name="reason"
            label={t('scorecard.reason')}
            extra={t('scorecard.reviseHelp')}
            required
            rules={[{ required: true, whitespace: true, message: t('errors.required') }]}
          >
            <Input.TextArea id="revision_reason" rows={2} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Reviews: a quarter's scorecards, and the annual tier review. */
export function ScorecardsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('quarter');
  return (
    <>
      <PageHeader title={t('scorecard.title')} />
      <Card size="small">
        <Tabs
          id="review-tabs"
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'quarter', label: t('scorecard.tabs.quarter'), children: <QuarterReviewPanel /> },
            {
              key: 'tiers',
              label: t('scorecard.tabs.tiers'),
              children: <TierReviewPanel />,
              destroyOnHidden: true,
            },
            {
              key: 'visits',
              label: t('scorecard.tabs.visits'),
              children: <AllVisitsPanel />,
              destroyOnHidden: true,
            },
          ]}
        />
      </Card>
    </>
  );
}

/** Every visit and business review, exported to Excel. */
function AllVisitsPanel() {
  const { t } = useTranslation();
  const list = useVisits({ distributor_id: null, review_quarter: null });
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('visit.hint')}</Typography.Text>
        <ExportVisitsButton distributorId={null} />
      </Flex>
      {list.error ? <QueryError error={list.error} /> : null}
      <VisitTable visits={list.data ?? []} />
    </>
  );
}

/** The quarter's scorecards: live until the quarter is finalised, frozen after. */
function QuarterReviewPanel() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const finalise = useFinalise();
  const tierLabel = useTierLabel();
  const quarters = useMemo(() => recentQuarters(8), []);
  // A reminder links here with the quarter it is about.
  const [sp] = useSearchParams();
  const [quarter, setQuarter] = useState(() => {
    const asked = sp.get('quarter') ?? '';
    return /^\d{4}Q[1-4]$/.test(asked) ? asked : lastEndedQuarter();
  });
  const [tier, setTier] = useState<Tier | null>(null);
  const [territory, setTerritory] = useState<string | null>(null);
  const territories = useTerritories();
  const [search, setSearch] = useState('');
  const review = useScorecardReview(quarter);
  const reviews = useVisits({ distributor_id: null, review_quarter: quarter });
  const notes = new Map<number, string[]>();
  for (const v of reviews.data ?? []) {
    notes.set(v.distributor_id, [...(notes.get(v.distributor_id) ?? []), v.findings || v.visitors]);
  }
  const [rating, setRating] = useState<Scorecard | null>(null);
  const finalised = review.data?.quarter === quarter && review.data.finalised;
  const file = useReviewFile();
  const [asking, setAsking] = useState<{ format: 'pdf' | 'xlsx'; initial: string; name: string } | null>(
    null,
  );
  const ask = async (format: 'pdf' | 'xlsx') => {
    const name = `${t('scorecard.fileName')}-${quarter}.${format}`;
    setAsking({ format, name, initial: await dialogs.suggestedPath(name) });
  };
  const save = async (format: 'pdf' | 'xlsx', typed: string) => {
    const path = /\.(pdf|xlsx)$/i.test(typed) ? typed : `${typed}.${format}`;
    try {
      const written = await file.mutateAsync({
        quarter,
        lang: normaliseLanguage(i18n.language) ?? 'zh-CN',
        path,
        distributor_ids: rows.map((r) => r.distributor_id),
      });
      setAsking(null);
      message.success(t('scorecard.saved', { path: written }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };
  const ended = quarter < quarterOf(officeNow());
  const confirmFinalise = () =>
    modal.confirm({
      title: t('scorecard.finaliseTitle', { quarter }),
      content: t('scorecard.finaliseText'),
      okText: t('scorecard.finalise'),
      okButtonProps: { id: 'finalise-confirm' },
      onOk: async () => {
        try {
          const r = await finalise.mutateAsync(quarter);
          const warned = r.distributors.filter((s) => s.warning_level !== null).length;
          message.success(t('scorecard.finalised', { quarter, count: warned }));
        } catch (e) {
          message.error(appErrorMessage(toAppError(e), t));
        }
      },
    });

  const rows = (review.data?.distributors ?? []).filter((s) => {
    const text = search.trim().toLowerCase();
    return (
      (tier === null || s.tier === tier) &&
      (territory === null || s.province === territory || s.region === territory) &&
      (text === '' || s.code.toLowerCase().includes(text) || s.name.toLowerCase().includes(text))
    );
  });

  const columns: ColumnsType<Scorecard> = [
    {
      key: 'distributor',
      title: t('fields.distributor_id'),
      width: 220,
      fixed: 'left',
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, s) => (
        <Space size={4}>
          <Link to={`/distributors/${s.distributor_id}`}>
            {s.code} {s.name}
          </Link>
          {notes.has(s.distributor_id) ? (
            <Tooltip
              title={
                <>
                  <div>{t('visit.reviewNotes')}</div>
                  {(notes.get(s.distributor_id) ?? []).map((n, i) => (
                    <div key={i}>{n}</div>
                  ))}
                </>
              }
            >
              <FileTextOutlined className="score-review-notes" />
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { key: 'tier', title: t('fields.tier'), width: 90, render: (_, s) => tierLabel(s.tier) },
    {
      key: 'rate',
      title: t('scorecard.columns.action'),
      width: 96,
      render: (_, s) => (
        <Button size="small" className="score-rate" onClick={() => setRating(s)}>
          {finalised ? t('scorecard.revise') : t('scorecard.rate')}
        </Button>
      ),
    },
    {
      key: 'sales',
      title: t('scorecard.columns.sales'),
      width: 130,
      align: 'right',
      className: 'money',
      sorter: (a, b) => num(a.sales) - num(b.sales),
      render: (_, s) => formatMoney(s.sales),
    },
    {
      key: 'target',
      title: t('scorecard.columns.target'),
      width: 130,
      align: 'right',
      className: 'money',
      render: (_, s) => formatMoney(s.target),
    },
    ...INDICATORS.map((k) => ({
      key: k,
      title: <Tooltip title={t(`scorecard.help.${k}`)}>{t(`scorecard.indicators.${k}`)}</Tooltip>,
      width: 136,
      align: 'right' as const,
      sorter: (a: Scorecard, b: Scorecard) => num(a.indicators[k]?.score) - num(b.indicators[k]?.score),
      render: (_: unknown, s: Scorecard) => <IndicatorCell s={s} k={k} />,
    })),
    {
      key: 'deductions',
      title: t('scorecard.columns.deductions'),
      width: 100,
      align: 'right',
      render: (_, s) =>
        s.deductions === '0.00' ? '' : <span className="score-deductions">−{s.deductions}</span>,
    },
    {
      key: 'total',
      title: t('scorecard.columns.total'),
      width: 90,
      align: 'right',
      fixed: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => num(a.total) - num(b.total),
      render: (_, s) =>
        s.total === null ? (
          <span className="muted">{t('scorecard.notRated')}</span>
        ) : (
          <Typography.Text strong className="score-total">
            {s.total}
          </Typography.Text>
        ),
    },
    {
      key: 'grade',
      title: t('scorecard.columns.grade'),
      width: 200,
      fixed: 'right',
      render: (_, s) =>
        s.grade === null ? null : (
          <Space size={4} wrap>
            <Tag color={GRADE_COLOR[s.grade]} className="score-grade">
              {s.grade}
            </Tag>
            {s.below_baseline ? <Tag color="red">{t('scorecard.belowBaseline')}</Tag> : null}
            <WarningTag level={s.warning_level} />
          </Space>
        ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          id="scorecard-quarter"
          value={quarter}
          onChange={setQuarter}
          style={{ width: 140 }}
          options={quarters.map((q) => ({ value: q, label: q }))}
        />
        <Select<Tier | null>
          id="scorecard-tier"
          value={tier}
          onChange={setTier}
          style={{ width: 140 }}
          options={[
            { value: null, label: t('scorecard.allTiers') },
            ...(['strategic', 'core', 'basic'] as Tier[]).map((x) => ({ value: x, label: tierLabel(x) })),
          ]}
        />
        <Select
          id="scorecard-territory"
          allowClear
          showSearch
          style={{ width: 170 }}
          placeholder={t('list.allTerritories')}
          value={territory ?? undefined}
          onChange={(v) => setTerritory(v ?? null)}
          options={(territories.data ?? []).map((v) => ({ value: v, label: v }))}
        />
        <Input.Search
          id="scorecard-search"
          allowClear
          placeholder={t('scorecard.search')}
          style={{ width: 260 }}
          onChange={(e) => setSearch(e.target.value)}
        />
        {review.data ? (
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            {t('scorecard.period', {
              from: review.data.from,
              to: review.data.to,
              count: review.data.distributors.length,
            })}
          </Typography.Text>
        ) : null}
        <Flex gap={8} style={{ marginLeft: 'auto' }} align="center">
          {finalised ? (
            <Tag color="blue" id="scorecard-finalised">
              {t('scorecard.finalisedTag')}
            </Tag>
          ) : (
            <Tag id="scorecard-live">{t('scorecard.liveTag')}</Tag>
          )}
          <Needs right="export">
            <Button id="scorecard-xlsx" disabled={!rows.length} onClick={() => void ask('xlsx')}>
              {t('scorecard.exportXlsx')}
            </Button>
          </Needs>
          <Needs right="export">
            <Button id="scorecard-pdf" disabled={!rows.length} onClick={() => void ask('pdf')}>
              {t('scorecard.exportPdf')}
            </Button>
          </Needs>
          <Tooltip title={ended ? undefined : t('scorecard.notEnded')}>
            <Needs right="channel">
              <Button
                id="scorecard-finalise"
                type="primary"
                disabled={!ended || finalised || !review.data}
                loading={finalise.isPending}
                onClick={confirmFinalise}
              >
                {t('scorecard.finalise')}
              </Button>
            </Needs>
          </Tooltip>
        </Flex>
      </Flex>
      {review.error ? <QueryError error={review.error} /> : null}
      <Table<Scorecard>
        id="scorecard-table"
        rowKey="distributor_id"
        size="small"
        loading={review.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1696 }}
        {...WIDE_TABLE}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecard.empty')} />,
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {finalised ? t('scorecard.frozen') : t('scorecard.live')}
      </Typography.Paragraph>
      {asking ? (
        <PathPromptModal
          title={asking.format === 'pdf' ? t('scorecard.exportPdf') : t('scorecard.exportXlsx')}
          inputId="scorecard_path"
          okId="scorecard-file-save"
          okText={t('common.save')}
          initial={asking.initial}
          busy={file.isPending}
          browse={() =>
            asking.format === 'pdf'
              ? dialogs.pickPdfPath(t('scorecard.exportPdf'), asking.name)
              : dialogs.pickExportPath(t('scorecard.exportXlsx'), 'xlsx', asking.name)
          }
          onSubmit={(path) => save(asking.format, path)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {rating ? (
        <RateModal s={rating} quarter={quarter} finalised={finalised} onClose={() => setRating(null)} />
      ) : null}
    </>
  );
}
