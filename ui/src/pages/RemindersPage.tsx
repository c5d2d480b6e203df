import {
  CalendarOutlined,
  CheckOutlined,
  ClockCircleOutlined,
  ReloadOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

import type { ReminderKind } from '../bindings/ReminderKind';
import type { ReminderStatus } from '../bindings/ReminderStatus';
import type { Urgency } from '../bindings/Urgency';
import { useLabel } from '../components/onboarding/labels';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { DaysText, DecideModal, ReferenceLink, WhenTag } from '../components/reminders/ReminderParts';
import { isCertificate, type Reminder } from '../components/reminders/reminderLib';
import { toAppError } from '../ipc';
import { useDecideReminder, useReminders } from '../ipc/onboarding';
import { appErrorMessage } from '../lib/errors';
import { WIDE_TABLE } from '../lib/tables';

type KindFilter = ReminderKind | 'all';

const URGENCIES: Urgency[] = ['overdue', 'today', 'week', 'later'];
const VIEWS: ReminderStatus[] = ['open', 'snoozed', 'handled'];

const KINDS: ReminderKind[] = [
  'agreement_ending',
  'certificate_expiring',
  'certificate_expired',
  'onboarding_overdue',
  'plan_overdue',
  'exit_warning',
  'visit_action_overdue',
  'promise_broken',
  'confirmation_unanswered',
  'statement_disputed',
  'balance_overdue',
  'over_credit_limit',
  'quarter_not_finalised',
  'complaint_at_risk',
  'complaint_late',
];
const FILTERS: KindFilter[] = ['all', ...KINDS];

const KIND_COLOR: Record<ReminderKind, string> = {
  agreement_ending: 'purple',
  certificate_expiring: 'gold',
  certificate_expired: 'red',
  onboarding_overdue: 'volcano',
  plan_overdue: 'orange',
  exit_warning: 'red',
  visit_action_overdue: 'gold',
  promise_broken: 'red',
  confirmation_unanswered: 'orange',
  statement_disputed: 'red',
  balance_overdue: 'volcano',
  over_credit_limit: 'magenta',
  quarter_not_finalised: 'geekblue',
  complaint_at_risk: 'orange',
  complaint_late: 'red',
};

const rowKey = (r: Reminder) => `${r.kind}-${r.ref_id}`;

/** The new-session page with the course and the people filled in. */
export function planSessionUrl(courseId: number, contactIds: number[]): string {
  const people = [...new Set(contactIds)].join(',');
  return `/training/sessions/new?course=${courseId}&people=${people}`;
}

/** The course the ticked certificate reminders share, or null when they differ (or none is ticked). */
function sharedCourse(picked: Reminder[]): number | null {
  const courses = new Set(picked.map((r) => r.course_id));
  if (picked.length === 0 || courses.size !== 1) return null;
  return picked[0].course_id;
}

/**
 * The reminders centre: every due thing, the most urgent first, in groups
 * (past due, today, this week, later); each links to its record and can be
 * snoozed to a date or marked handled. Certificate reminders of one course
 * can be ticked to plan a session for those people.
 */
export function RemindersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const navigate = useNavigate();
  const reminders = useReminders();
  const decide = useDecideReminder();
  const [sp, setSp] = useSearchParams();
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<{ item: Reminder; decision: 'snooze' | 'handle' } | null>(null);
  const raw = sp.get('kind');
  const kind: KindFilter = FILTERS.includes(raw as KindFilter) ? (raw as KindFilter) : 'all';
  const rawView = sp.get('view');
  const view: ReminderStatus = VIEWS.includes(rawView as ReminderStatus)
    ? (rawView as ReminderStatus)
    : 'open';

  const items = reminders.data?.items ?? [];
  const inView = items.filter((r) => r.status === view);
  const rows = kind === 'all' ? inView : inView.filter((r) => r.kind === kind);
  // Only ticked rows that are on screen count.
  const picked = rows.filter((r) => isCertificate(r) && selected.includes(rowKey(r)));
  const course = sharedCourse(picked);
  const planPicked = () => {
    if (course === null) return;
    void navigate(
      planSessionUrl(
        course,
        picked.map((r) => r.contact_id ?? 0).filter((id) => id > 0),
      ),
    );
  };
  const planOne = (r: Reminder) => {
    if (r.course_id === null) return;
    void navigate(planSessionUrl(r.course_id, r.contact_id !== null ? [r.contact_id] : []));
  };
  const reopen = async (r: Reminder) => {
    try {
      await decide.mutateAsync({
        kind: r.kind,
        ref_id: r.ref_id,
        distributor_id: r.distributor_id,
        date: r.date,
        decision: 'reopen',
        until: '',
        note: '',
      });
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const countOf = (k: KindFilter) =>
    k === 'all' ? inView.length : inView.filter((r) => r.kind === k).length;
  // The kinds present in this view, so the bar stays short.
  const shown = FILTERS.filter((k) => k === 'all' || k === kind || countOf(k) > 0);

  const setParam = (name: string, v: string | null) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v === null) next.delete(name);
        else next.set(name, v);
        return next;
      },
      { replace: true },
    );
  const setKind = (k: KindFilter) => setParam('kind', k === 'all' ? null : k);
  const setView = (v: ReminderStatus) => setParam('view', v === 'open' ? null : v);

  const columns = [
    {
      key: 'kind',
      title: t('reminders.columns.kind'),
      width: 150,
      render: (_: unknown, r: Reminder) => (
        <Tag color={KIND_COLOR[r.kind]} className="reminder-kind-tag" data-kind={r.kind}>
          {t(`reminders.kind.${r.kind}`)}
          {r.level !== null && r.level > 0 ? ` · L${r.level}` : ''}
        </Tag>
      ),
    },
    {
      key: 'label',
      title: t('reminders.columns.label'),
      width: 320,
      render: (_: unknown, r: Reminder) =>
        r.status === 'open' ? (
          label(r)
        ) : (
          <>
            <div>{label(r)}</div>
            <Typography.Text type="secondary" className="reminder-decision">
              {r.status === 'snoozed'
                ? t('reminders.snoozedUntil', { date: r.until ?? '', by: r.decided_by })
                : t('reminders.handledBy', { note: r.note, by: r.decided_by })}
            </Typography.Text>
          </>
        ),
    },
    {
      key: 'when',
      title: t('reminders.columns.when'),
      width: 140,
      render: (_: unknown, r: Reminder) => <WhenTag r={r} />,
    },
    {
      key: 'distributor',
      title: t('reminders.columns.distributor'),
      width: 240,
      ellipsis: { showTitle: true },
      render: (_: unknown, r: Reminder) =>
        r.distributor_id === 0 ? (
          ''
        ) : (
          <Link to={`/distributors/${r.distributor_id}`} className="reminder-distributor-link">
            {r.distributor_code} {r.distributor_name}
          </Link>
        ),
    },
    {
      key: 'reference',
      title: t('reminders.columns.reference'),
      width: 160,
      render: (_: unknown, r: Reminder) => <ReferenceLink r={r} />,
    },
    { key: 'date', dataIndex: 'date', title: t('reminders.columns.date'), width: 110 },
    {
      key: 'days',
      dataIndex: 'days',
      title: t('reminders.columns.days'),
      width: 100,
      render: (d: number) => <DaysText days={d} />,
    },
    {
      key: 'actions',
      title: t('reminders.columns.actions'),
      width: 250,
      fixed: 'right' as const,
      render: (_: unknown, r: Reminder) => (
        <Space size={0} wrap>
          {isCertificate(r) && r.course_id !== null && r.status === 'open' ? (
            <Button
              size="small"
              type="link"
              icon={<CalendarOutlined />}
              className={`plan-session-${r.ref_id}`}
              onClick={() => planOne(r)}
            >
              {t('reminders.planSession')}
            </Button>
          ) : null}
          {r.status === 'open' ? (
            <>
              <Button
                size="small"
                type="link"
                icon={<ClockCircleOutlined />}
                className={`reminder-snooze-${rowKey(r)}`}
                onClick={() => setDeciding({ item: r, decision: 'snooze' })}
              >
                {t('reminders.snooze')}
              </Button>
              <Button
                size="small"
                type="link"
                icon={<CheckOutlined />}
                className={`reminder-handle-${rowKey(r)}`}
                onClick={() => setDeciding({ item: r, decision: 'handle' })}
              >
                {t('reminders.handle')}
              </Button>
            </>
          ) : (
            <Button
              size="small"
              type="link"
              icon={<UndoOutlined />}
              className={`reminder-reopen-${rowKey(r)}`}
              onClick={() => void reopen(r)}
            >
              {t('reminders.reopen')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const groups: { key: string; title: string | null; rows: Reminder[] }[] =
    view === 'open'
      ? URGENCIES.map((u) => ({
          key: u,
          title: t(`reminders.urgency.${u}`),
          rows: rows.filter((r) => r.urgency === u),
        })).filter((g) => g.rows.length > 0)
      : [{ key: view, title: null, rows }];

  return (
    <>
      <PageHeader
        title={
          <Space size={10}>
            <span>{t('reminders.title')}</span>
            <span id="reminders-count" data-count={reminders.data?.open ?? 0}>
              <Badge
                count={reminders.data?.open ?? 0}
                showZero
                overflowCount={999}
                color={(reminders.data?.open ?? 0) > 0 ? '#ff4d4f' : '#bfc5cf'}
              />
            </span>
          </Space>
        }
        subtitle={t('reminders.subtitle')}
        extra={
          <Button
            id="reminders-refresh"
            icon={<ReloadOutlined />}
            loading={reminders.isFetching}
            onClick={() => void reminders.refetch()}
          >
            {t('reminders.refresh')}
          </Button>
        }
      />
      <div className="page-card">
        <Flex gap={8} wrap align="center" className="list-toolbar" style={{ marginBottom: 12 }}>
          <Segmented<ReminderStatus>
            id="reminders-view"
            value={view}
            onChange={setView}
            options={VIEWS.map((v) => ({
              value: v,
              label: (
                <span id={`reminders-view-${v}`}>
                  {t(`reminders.view.${v}`)} ({items.filter((r) => r.status === v).length})
                </span>
              ),
            }))}
          />
          <Flex gap={8} align="center" style={{ marginLeft: 'auto' }}>
            {picked.length > 0 && course === null ? (
              <Typography.Text type="warning" id="reminders-plan-mixed">
                {t('reminders.mixedCourses')}
              </Typography.Text>
            ) : picked.length === 0 && rows.some(isCertificate) ? (
              <Typography.Text type="secondary" id="reminders-plan-hint">
                {t('reminders.planHint')}
              </Typography.Text>
            ) : null}
            <Button
              id="reminders-plan-session"
              type="primary"
              icon={<CalendarOutlined />}
              disabled={course === null}
              onClick={planPicked}
            >
              {picked.length > 0
                ? t('reminders.planSelected', { count: picked.length })
                : t('reminders.planSession')}
            </Button>
          </Flex>
        </Flex>
        <Segmented<KindFilter>
          id="reminders-kind"
          value={kind}
          onChange={setKind}
          style={{ marginBottom: 12, flexWrap: 'wrap' }}
          options={shown.map((k) => ({
            value: k,
            label: (
              <span id={`reminders-kind-${k}`}>
                {k === 'all' ? t('reminders.all') : t(`reminders.kind.${k}`)} ({countOf(k)})
              </span>
            ),
          }))}
        />
        {reminders.error && !reminders.data ? (
          <QueryError error={reminders.error} onRetry={() => void reminders.refetch()} />
        ) : (
          <div id="reminders-table">
            {groups.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  reminders.isPending ? ' ' : kind === 'all' ? t('reminders.empty') : t('reminders.emptyKind')
                }
              />
            ) : null}
            {groups.map((g) => (
              <div
                key={g.key}
                className={`reminder-group reminder-group-${g.key}`}
                style={{ marginBottom: 16 }}
              >
                {g.title ? (
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {g.title} ({g.rows.length})
                  </Typography.Title>
                ) : null}
                <Table<Reminder>
                  rowKey={rowKey}
                  rowClassName={(r) => `reminder-${r.kind}-${r.ref_id}`}
                  rowSelection={{
                    selectedRowKeys: picked.map(rowKey),
                    onChange: (keys) =>
                      setSelected((prev) => [
                        ...prev.filter((k) => !g.rows.some((r) => rowKey(r) === k)),
                        ...keys.map(String),
                      ]),
                    getCheckboxProps: (r) => ({
                      disabled: !isCertificate(r),
                      className: `reminder-select-${rowKey(r)}`,
                    }),
                  }}
                  size="small"
                  loading={reminders.isPending}
                  dataSource={g.rows}
                  pagination={g.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                  scroll={{ x: 1500 }}
                  {...WIDE_TABLE}
                  columns={columns}
                />
              </div>
            ))}
          </div>
        )}
      </div>
      {deciding ? (
        <DecideModal item={deciding.item} decision={deciding.decision} onClose={() => setDeciding(null)} />
      ) : null}
    </>
  );
}
