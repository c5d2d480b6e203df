import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

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
];
const FILTERS: KindFilter[] = ['all', ...KINDS];

const KIND_COLOR: Record<ReminderKind, string> = {
  agreement_ending: 'purple',
  certificate_expiring: 'gold',
  certificate_expired: 'red',
  onboarding_overdue: 'volcano',
};

/** The colour of an agreement's end window: the nearer, the louder. */
function windowColor(window: number): string {
  if (window <= 7) return 'red';
  if (window <= 30) return 'orange';
  return 'blue';
}

function WhenTag({ r }: { r: Reminder }) {
  const { t } = useTranslation();
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

/** Agreements ending within 60/30/7 days and onboarding steps past due, the most urgent first. */
export function RemindersPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const reminders = useReminders();
  const [sp, setSp] = useSearchParams();
  const raw = sp.get('kind');
  const kind: KindFilter = FILTERS.includes(raw as KindFilter) ? (raw as KindFilter) : 'all';

  const all = reminders.data ?? [];
  const rows = kind === 'all' ? all : all.filter((r) => r.kind === kind);
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
        </Flex>
        {reminders.error && !reminders.data ? (
          <QueryError error={reminders.error} onRetry={() => void reminders.refetch()} />
        ) : (
          <Table<Reminder>
            id="reminders-table"
            rowKey={(r) => `${r.kind}-${r.ref_id}`}
            rowClassName={(r) => `reminder-${r.kind}-${r.ref_id}`}
            size="small"
            loading={reminders.isPending}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 1100 }}
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
                render: (_: unknown, r) => (
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
                  if (r.kind === 'agreement_ending') {
                    return (
                      <Link to={`/agreements/${r.ref_id}`} className="reminder-reference-link">
                        {r.reference}
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
            ]}
          />
        )}
      </div>
    </>
  );
}
