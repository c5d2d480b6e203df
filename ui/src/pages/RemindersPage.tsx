import { CalendarOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

import type { Reminder } from '../bindings/Reminder';
import type { ReminderKind } from '../bindings/ReminderKind';
import { distributorOnboardingLink, useLabel } from '../components/onboarding/labels';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { useReminders } from '../ipc/onboarding';

type KindFilter = ReminderKind | 'all';

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
  'balance_overdue',
  'over_credit_limit',
  'quarter_not_finalised',
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
  balance_overdue: 'volcano',
  over_credit_limit: 'magenta',
  quarter_not_finalised: 'geekblue',
};

/** Where a finance reminder's record is: the distributor's tab that shows it. */
const FINANCE_TAB: Partial<Record<ReminderKind, string>> = {
  promise_broken: 'collections',
  confirmation_unanswered: 'statement',
  balance_overdue: 'statement',
  over_credit_limit: 'statement',
};

/** The colour of an agreement's end window: the nearer, the louder. */
function windowColor(window: number): string {
  if (window <= 7) return 'red';
  if (window <= 30) return 'orange';
  return 'blue';
}

/** A certificate reminder carries the course and the person, to plan a session for them. */
function isCertificate(r: Reminder): boolean {
  return r.kind === 'certificate_expiring' || r.kind === 'certificate_expired';
}

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

function WhenTag({ r }: { r: Reminder }) {
  const { t } = useTranslation();
  if (r.kind === 'certificate_expired') {
    return (
      <Tag color="red" className="reminder-expired">
        {t('reminders.expiredAgo', { days: Math.max(0, -r.days) })}
      </Tag>
    );
  }
  if (r.window !== null) {
    return (
      <Tag color={windowColor(r.window)} className={`reminder-window reminder-window-${r.window}`}>
        {t('reminders.within', { days: r.window })}
      </Tag>
    );
  }
  if (r.days < 0) {
    return (
      <Tag color="red" className="reminder-overdue">
        {t('reminders.overdueDays', { days: -r.days })}
      </Tag>
    );
  }
  return null;
}

function DaysText({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days === 0) return <Typography.Text type="warning">{t('reminders.today')}</Typography.Text>;
  return days < 0 ? (
    <Typography.Text type="danger">{t('reminders.daysAgo', { days: -days })}</Typography.Text>
  ) : (
    <span>{t('reminders.daysLeft', { days })}</span>
  );
}

/**
 * Agreements and certificates ending within 60/30/7 days, expired certificates
 * and onboarding steps past due, the most urgent first. Certificate reminders
 * of one course can be ticked to plan a session for those people.
 */
export function RemindersPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const reminders = useReminders();
  const [sp, setSp] = useSearchParams();
  const [selected, setSelected] = useState<string[]>([]);
  const raw = sp.get('kind');
  const kind: KindFilter = FILTERS.includes(raw as KindFilter) ? (raw as KindFilter) : 'all';

  const all = reminders.data ?? [];
  const rows = kind === 'all' ? all : all.filter((r) => r.kind === kind);
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

  const countOf = (k: KindFilter) => (k === 'all' ? all.length : all.filter((r) => r.kind === k).length);

  const setKind = (k: KindFilter) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (k === 'all') next.delete('kind');
        else next.set('kind', k);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={
          <Space size={10}>
            <span>{t('reminders.title')}</span>
            <span id="reminders-count" data-count={all.length}>
              <Badge
                count={all.length}
                showZero
                overflowCount={999}
                color={all.length > 0 ? '#ff4d4f' : '#bfc5cf'}
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
          <Segmented<KindFilter>
            id="reminders-kind"
            value={kind}
            onChange={setKind}
            options={FILTERS.map((k) => ({
              value: k,
              label: (
                <span id={`reminders-kind-${k}`}>
                  {k === 'all' ? t('reminders.all') : t(`reminders.kind.${k}`)} ({countOf(k)})
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
        {reminders.error && !reminders.data ? (
          <QueryError error={reminders.error} onRetry={() => void reminders.refetch()} />
        ) : (
          <Table<Reminder>
            id="reminders-table"
            rowKey={rowKey}
            rowClassName={(r) => `reminder-${r.kind}-${r.ref_id}`}
            rowSelection={{
              selectedRowKeys: picked.map(rowKey),
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (r) => ({
                disabled: !isCertificate(r),
                className: `reminder-select-${rowKey(r)}`,
              }),
            }}
            size="small"
            loading={reminders.isPending}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 1300 }}
            locale={{
              emptyText: reminders.isPending ? (
                <span />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={kind === 'all' ? t('reminders.empty') : t('reminders.emptyKind')}
                />
              ),
            }}
            columns={[
              {
                key: 'kind',
                title: t('reminders.columns.kind'),
                width: 150,
                render: (_: unknown, r) => (
                  <Tag color={KIND_COLOR[r.kind]} className="reminder-kind-tag" data-kind={r.kind}>
                    {t(`reminders.kind.${r.kind}`)}
                  </Tag>
                ),
              },
              {
                key: 'when',
                title: t('reminders.columns.when'),
                width: 150,
                render: (_: unknown, r) => <WhenTag r={r} />,
              },
              {
                key: 'distributor',
                title: t('reminders.columns.distributor'),
                width: 260,
                ellipsis: { showTitle: true },
                render: (_: unknown, r) =>
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
                width: 180,
                render: (_: unknown, r) => {
                  if (isCertificate(r)) {
                    return (
                      <Link to="/training?tab=certificates" className="reminder-reference-link">
                        {r.reference}
                      </Link>
                    );
                  }
                  if (r.kind === 'agreement_ending') {
                    return (
                      <Link to={`/agreements/${r.ref_id}`} className="reminder-reference-link">
                        {r.reference}
                      </Link>
                    );
                  }
                  if (r.kind === 'quarter_not_finalised') {
                    return (
                      <Link to={`/scorecards?quarter=${r.reference}`} className="reminder-reference-link">
                        {r.reference}
                      </Link>
                    );
                  }
                  const financeTab = FINANCE_TAB[r.kind];
                  if (financeTab) {
                    return (
                      <Link
                        to={`/distributors/${r.distributor_id}`}
                        state={{ tab: financeTab }}
                        className="reminder-reference-link"
                      >
                        {r.reference}
                      </Link>
                    );
                  }
                  if (
                    r.kind === 'plan_overdue' ||
                    r.kind === 'exit_warning' ||
                    r.kind === 'visit_action_overdue'
                  ) {
                    return (
                      <Link
                        to={`/distributors/${r.distributor_id}`}
                        state={{ tab: r.kind === 'visit_action_overdue' ? 'visits' : 'performance' }}
                        className="reminder-reference-link"
                      >
                        {r.reference || t(`reminders.kind.${r.kind}`)}
                      </Link>
                    );
                  }
                  const link = distributorOnboardingLink(r.distributor_id);
                  return (
                    <Link to={link.pathname} state={link.state} className="reminder-reference-link">
                      {r.reference}
                    </Link>
                  );
                },
              },
              {
                key: 'label',
                title: t('reminders.columns.label'),
                width: 200,
                render: (_: unknown, r) => label(r),
              },
              {
                key: 'date',
                dataIndex: 'date',
                title: t('reminders.columns.date'),
                width: 120,
              },
              {
                key: 'days',
                dataIndex: 'days',
                title: t('reminders.columns.days'),
                width: 120,
                render: (d: number) => <DaysText days={d} />,
              },
              {
                key: 'actions',
                title: t('reminders.columns.actions'),
                width: 130,
                fixed: 'right',
                render: (_: unknown, r) =>
                  isCertificate(r) && r.course_id !== null ? (
                    <Button
                      size="small"
                      type="link"
                      icon={<CalendarOutlined />}
                      className={`plan-session-${r.ref_id}`}
                      onClick={() => planOne(r)}
                    >
                      {t('reminders.planSession')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </div>
    </>
  );
}
