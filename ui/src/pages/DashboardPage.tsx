import { Card, Col, Empty, Flex, Input, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Dashboard } from '../bindings/Dashboard';
import type { PeriodKind } from '../bindings/PeriodKind';
import { EChart, type ChartOption } from '../components/complaints/EChart';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { useDashboard } from '../ipc/dashboard';
import { formatMoney } from '../lib/money';

/** Yuan as a chart value: display only, never summed here (money stays a string elsewhere). */
function chartValue(s: string): number {
  return Number(s);
}

/**
 * A money axis: whole steps, short labels (500万 / 5M) that do not run
 * together, and 0–1 rather than 0–0.2–…–1 when there is nothing yet.
 */
function moneyAxis(lang: string) {
  const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  return {
    type: 'value' as const,
    minInterval: 1,
    splitNumber: 4,
    axisLabel: { formatter: (v: number) => compact.format(v), hideOverlap: true },
  };
}

/** A figure that opens the list behind it. */
function Tile({
  id,
  title,
  to,
  value,
  note,
}: {
  id: string;
  title: string;
  to: string;
  value: ReactNode;
  note?: ReactNode;
}) {
  return (
    <Link
      to={to}
      className="dashboard-tile-link"
      id={`${id}-link`}
      style={{ display: 'block', height: '100%' }}
    >
      <Card size="small" hoverable className={`dashboard-tile ${id}`} style={{ height: '100%' }}>
        <Statistic title={title} valueRender={() => <span id={id}>{value}</span>} />
        {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
      </Card>
    </Link>
  );
}

function Charts({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const money = moneyAxis(i18n.language);
  const [territory, setTerritory] = useState<'province' | 'region'>('province');
  const months = useMemo(() => Array.from({ length: 12 }, (_, i) => t('dashboard.month', { m: i + 1 })), [t]);
  const monthly: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [String(d.year), String(d.year - 1)] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: money,
    series: [
      { name: String(d.year), type: 'bar', data: d.this_year.map(chartValue) },
      { name: String(d.year - 1), type: 'line', data: d.last_year.map(chartValue) },
    ],
  };
  const provinces = (territory === 'province' ? d.by_province : d.by_region).slice(0, 10);
  const byProvince: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 10, bottom: 8, containLabel: true },
    xAxis: money,
    yAxis: {
      type: 'category',
      data: provinces.map((p) => p.name || t('dashboard.none')).reverse(),
      axisLabel: { interval: 0, width: 110, overflow: 'truncate' },
    },
    series: [{ type: 'bar', data: provinces.map((p) => chartValue(p.amount)).reverse() }],
  };
  const top: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 10, bottom: 8, containLabel: true },
    xAxis: money,
    yAxis: {
      type: 'category',
      data: d.top.map((x) => `${x.code} ${x.name}`).reverse(),
      axisLabel: { interval: 0, width: 170, overflow: 'truncate' },
    },
    series: [{ type: 'bar', data: d.top.map((x) => chartValue(x.sales)).reverse() }],
  };
  const buckets = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90'] as const;
  const aging: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 10, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: buckets.map((_, i) =>
        i === 0 ? t('receivables.notDue') : t('receivables.bucket', { label: d.bucket_labels[i] ?? '' }),
      ),
      // Every bucket named: five labels, wrapped onto two lines when narrow.
      axisLabel: { interval: 0, width: 60, overflow: 'break', fontSize: 11 },
    },
    yAxis: money,
    series: [{ type: 'bar', data: buckets.map((b) => chartValue(d.receivables[b])) }],
  };
  const grades: ChartOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '75%'],
        // Every grade labelled on its slice, however small, and never cut by the card's edge.
        minShowLabelAngle: 0,
        label: { position: 'inside', formatter: '{b}: {c}', color: '#fff', fontWeight: 'bold' },
        data: d.grades.map((g) => ({ name: g.grade, value: g.count })),
      },
    ],
  };
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('dashboard.monthly', { year: d.year })}>
          <EChart id="dashboard-monthly" option={monthly} height={280} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('dashboard.aging', { date: d.as_of })}>
          <EChart id="dashboard-aging" option={aging} height={280} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          size="small"
          title={t('dashboard.byTerritory')}
          extra={
            <Segmented<'province' | 'region'>
              size="small"
              value={territory}
              onChange={setTerritory}
              options={[
                { value: 'province', label: t('dashboard.province') },
                { value: 'region', label: t('dashboard.region') },
              ]}
            />
          }
        >
          {provinces.length ? (
            <EChart id="dashboard-provinces" option={byProvince} height={300} />
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('dashboard.top')}>
          {d.top.length ? <EChart id="dashboard-top" option={top} height={300} /> : <Empty />}
        </Card>
      </Col>
      <Col xs={24} xl={6}>
        <Card
          size="small"
          title={
            d.grades_quarter
              ? t('dashboard.grades', { quarter: d.grades_quarter })
              : t('dashboard.gradesNone')
          }
        >
          {d.grades_quarter ? <EChart id="dashboard-grades" option={grades} height={300} /> : <Empty />}
        </Card>
      </Col>
    </Row>
  );
}

/** The owner's dashboard: each figure opens the list behind it. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PeriodKind>('quarter');
  const [on, setOn] = useState('');
  const [typed, setTyped] = useState('');
  const board = useDashboard({ period, on });
  const d = board.data;
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={d ? t('dashboard.period', { from: d.from, to: d.to, asOf: d.as_of }) : ''}
        extra={
          <Flex gap={8} align="center">
            <Segmented<PeriodKind>
              id="dashboard-period"
              value={period}
              onChange={setPeriod}
              options={(['month', 'quarter', 'year'] as PeriodKind[]).map((p) => ({
                value: p,
                label: <span id={`dashboard-period-${p}`}>{t(`dashboard.periods.${p}`)}</span>,
              }))}
            />
            <Input.Search
              id="dashboard-on"
              style={{ width: 170 }}
              placeholder={t('dashboard.onPlaceholder')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onSearch={(v) => setOn(v.trim())}
            />
          </Flex>
        }
      />
      {board.error ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {!d ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Flex vertical gap={12} id="dashboard">
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Tile
                id="tile-sales"
                title={t('dashboard.sales')}
                to="/scorecards"
                value={formatMoney(d.sales)}
                note={
                  <span className="dashboard-target">
                    {t('dashboard.target', { amount: formatMoney(d.target) })}
                    {d.achievement_pct ? ` · ${d.achievement_pct}%` : ''}
                  </span>
                }
              />
            </Col>
            <Col xs={12} md={6}>
              <Tile
                id="tile-overdue"
                title={t('dashboard.overdue', { count: d.overdue_distributors })}
                to="/receivables?overdue=1"
                value={formatMoney(d.receivables.overdue)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Tile
                id="tile-over-limit"
                title={t('dashboard.overLimit')}
                to="/receivables?over=1"
                value={d.over_limit}
              />
            </Col>
            <Col xs={12} md={6}>
              <Tile
                id="tile-unconfirmed"
                title={t('dashboard.unconfirmed')}
                to="/receivables?tab=confirmations"
                value={d.unconfirmed}
              />
            </Col>
            <Col xs={12} md={4}>
              <Tile
                id="tile-complaints-open"
                title={t('dashboard.complaintsOpen')}
                to="/complaints"
                value={d.complaints_open}
              />
            </Col>
            <Col xs={12} md={4}>
              <Tile
                id="tile-complaints-late"
                title={t('dashboard.complaintsLate')}
                to="/reminders?kind=complaint_late"
                value={`${d.complaints_late} / ${d.complaints_at_risk}`}
              />
            </Col>
            <Col xs={12} md={4}>
              <Tile
                id="tile-sla"
                title={t('dashboard.sla')}
                to="/complaints/report"
                value={d.sla_pct === null ? '—' : `${d.sla_pct}%`}
              />
            </Col>
            <Col xs={12} md={4}>
              <Tile
                id="tile-agreements"
                title={t('dashboard.agreementsEnding')}
                to="/reminders?kind=agreement_ending"
                value={d.agreements_ending}
              />
            </Col>
            <Col xs={12} md={4}>
              <Tile
                id="tile-certificates"
                title={t('dashboard.certificates')}
                to="/reminders?kind=certificate_expiring"
                value={`${d.certificates_expiring} / ${d.certificates_expired}`}
              />
            </Col>
            <Col xs={12} md={4}>
              <Tile
                id="tile-onboarding"
                title={t('dashboard.onboardingLate')}
                to="/onboarding"
                value={d.onboarding_late}
              />
            </Col>
            <Col xs={12} md={8}>
              <Tile
                id="tile-warnings"
                title={t('dashboard.warnings')}
                to="/scorecards"
                value={`${d.warnings_level2} / ${d.warnings_level1}`}
              />
            </Col>
            <Col xs={12} md={8}>
              <Tile
                id="tile-tiers"
                title={t('dashboard.tierChanges', { year: d.year })}
                to="/scorecards"
                value={d.tier_changes}
              />
            </Col>
            <Col xs={24} md={8}>
              <Tile
                id="tile-receivables"
                title={t('dashboard.owed')}
                to="/receivables"
                value={formatMoney(d.receivables.closing_balance)}
              />
            </Col>
          </Row>
          <Charts d={d} />
        </Flex>
      )}
    </>
  );
}
