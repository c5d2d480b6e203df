import { ArrowLeftOutlined, EditOutlined, RiseOutlined, SwapOutlined } from '@ant-design/icons';
import { DistributorAgreementsTab } from '../components/agreements/DistributorAgreementsTab';
import { OnboardingTab } from '../components/onboarding/OnboardingTab';
import { DistributorTrainingTab } from '../components/training/DistributorTrainingTab';
import { Breadcrumb, Button, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';

import type { DistributorDetail } from '../bindings/DistributorDetail';
import type { Status } from '../bindings/Status';
import { DistributorComplaintsTab } from '../components/complaints/DistributorComplaintsTab';
import { AssessmentsTab } from '../components/detail/AssessmentsTab';
import { AttachmentsTab } from '../components/detail/AttachmentsTab';
import { ViolationsTab } from '../components/scorecards/ViolationsTab';
import { AuditTab } from '../components/detail/AuditTab';
import { HistoryTab } from '../components/detail/HistoryTab';
import { LedgerTab } from '../components/ledger/LedgerTab';
import { StatementTab } from '../components/ledger/StatementTab';
import { CollectionsTab } from '../components/finance/CollectionsTab';
import { ProfileTab } from '../components/detail/ProfileTab';
import { TierChangeModal } from '../components/detail/TierChangeModal';
import { TransitionModal } from '../components/detail/TransitionModal';
import { PerformanceTab } from '../components/scorecards/PerformanceTab';
import { VisitsTab } from '../components/scorecards/VisitsTab';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { StatusTag, TierTag } from '../components/Tags';
import { DistributorFormDrawer } from '../forms/DistributorFormDrawer';
import { useDistributor } from '../ipc/queries';
import { formatDateTime } from '../lib/dates';
import { needsReason } from '../lib/domain';
import { Needs } from '../components/Needs';

type Dialog = { kind: 'transition'; to: Status } | { kind: 'tier' } | { kind: 'edit' } | null;

function Actions({ detail, onOpen }: { detail: DistributorDetail; onOpen: (d: Dialog) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {detail.allowed_transitions.map((s) => (
        <Button
          key={s}
          id={`transition-${s}`}
          danger={needsReason(s)}
          type={needsReason(s) ? 'default' : 'primary'}
          ghost={!needsReason(s)}
          onClick={() => onOpen({ kind: 'transition', to: s })}
        >
          {t(`transition.actions.${s}`)}
        </Button>
      ))}
      <Button
        id="status-select"
        icon={<SwapOutlined />}
        onClick={() =>
          onOpen({ kind: 'transition', to: detail.allowed_transitions[0] ?? detail.distributor.status })
        }
      >
        {t('detail.changeStatus')}
      </Button>
      <Button id="tier-change" icon={<RiseOutlined />} onClick={() => onOpen({ kind: 'tier' })}>
        {t('detail.changeTier')}
      </Button>
      <Button id="distributor-edit" icon={<EditOutlined />} onClick={() => onOpen({ kind: 'edit' })}>
        {t('common.edit')}
      </Button>
    </>
  );
}

export function DistributorDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const detail = useDistributor(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  // A link may ask for a tab (e.g. the onboarding pipeline opens 'onboarding').
  const requestedTab = (useLocation().state as { tab?: string } | null)?.tab;
  const [tab, setTab] = useState(requestedTab ?? 'profile');

  const back = () => {
    // Back to the list view the user came from (search and filters kept), or the list itself.
    if (window.history.length > 1) void navigate(-1);
    else void navigate('/distributors');
  };

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[
        { title: <Link to="/distributors">{t('nav.distributors')}</Link> },
        { title: detail.data?.distributor.name ?? '…' },
      ]}
    />
  );

  if (detail.error) {
    return (
      <>
        {crumbs}
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  if (!detail.data) {
    return (
      <>
        {crumbs}
        <div className="page-card">
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      </>
    );
  }

  const { distributor: d } = detail.data;
  return (
    <>
      <PageHeader
        before={crumbs}
        title={
          <Space size={10} wrap>
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={back}
              aria-label={t('detail.back')}
            />
            <span id="distributor-title">{d.name}</span>
            <StatusTag status={d.status} id="distributor-status" />
            <TierTag tier={d.tier} id="distributor-tier" />
          </Space>
        }
        subtitle={
          <Space size={16} wrap className="detail-meta">
            <span id="distributor-code">
              {t('fields.code')}：<Typography.Text copyable>{d.code}</Typography.Text>
            </span>
            {d.short_name && d.short_name !== d.name ? <span>{d.short_name}</span> : null}
            <span>{t('detail.updatedAt', { at: formatDateTime(d.updated_at) })}</span>
          </Space>
        }
        extra={
          <Needs right="channel">
            <Actions detail={detail.data} onOpen={setDialog} />
          </Needs>
        }
      />
      <Flex vertical className="page-card">
        <Tabs
          id="distributor-tabs"
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'profile',
              label: t('detail.tabs.profile'),
              children: <ProfileTab d={d} contacts={detail.data.contacts} />,
            },
            {
              key: 'assessments',
              label: t('detail.tabs.assessments'),
              children: <AssessmentsTab distributorId={d.id} assessments={detail.data.assessments} />,
            },
            {
              key: 'attachments',
              label: t('detail.tabs.attachments'),
              children: <AttachmentsTab distributorId={d.id} />,
            },
            {
              key: 'onboarding',
              label: t('detail.tabs.onboarding'),
              children: <OnboardingTab key={d.id} distributor={d} />,
              destroyOnHidden: true,
            },
            {
              key: 'agreements',
              label: t('detail.tabs.agreements'),
              children: <DistributorAgreementsTab key={d.id} distributor={d} />,
              destroyOnHidden: true,
            },
            {
              key: 'training',
              label: t('detail.tabs.training'),
              children: <DistributorTrainingTab key={d.id} distributor={d} />,
              destroyOnHidden: true,
            },
            {
              key: 'ledger',
              label: t('detail.tabs.ledger'),
              children: <LedgerTab key={d.id} distributor={d} />,
              destroyOnHidden: true,
            },
            {
              key: 'statement',
              label: t('detail.tabs.statement'),
              children: <StatementTab key={d.id} distributor={d} />,
              destroyOnHidden: true,
            },
            {
              key: 'collections',
              label: t('detail.tabs.collections'),
              children: (
                <CollectionsTab
                  key={d.id}
                  distributor={d}
                  people={[d.contact_name, ...detail.data.contacts.map((c) => c.name)].filter(
                    (n) => n.trim() !== '',
                  )}
                />
              ),
            },
            {
              key: 'complaints',
              label: t('detail.tabs.complaints'),
              children: <DistributorComplaintsTab key={d.id} distributor={d} />,
              destroyOnHidden: true,
            },
            {
              key: 'performance',
              label: t('detail.tabs.performance'),
              children: (
                <PerformanceTab key={d.id} distributor={d} allowed={detail.data.allowed_transitions} />
              ),
              destroyOnHidden: true,
            },
            {
              key: 'visits',
              label: t('detail.tabs.visits'),
              children: <VisitsTab key={d.id} distributorId={d.id} />,
              destroyOnHidden: true,
            },
            {
              key: 'violations',
              label: t('detail.tabs.violations'),
              children: <ViolationsTab key={d.id} distributor={d} />,
              destroyOnHidden: true,
            },
            {
              key: 'history',
              label: t('detail.tabs.history'),
              children: (
                <HistoryTab
                  statusHistory={detail.data.status_history}
                  tierHistory={detail.data.tier_history}
                />
              ),
            },
            {
              key: 'audit',
              label: t('detail.tabs.audit'),
              children: <AuditTab distributorId={d.id} />,
              destroyOnHidden: true,
            },
          ]}
        />
      </Flex>

      {dialog?.kind === 'transition' ? (
        <TransitionModal
          key={dialog.to}
          distributor={d}
          target={dialog.to}
          allowed={detail.data.allowed_transitions}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'tier' ? <TierChangeModal distributor={d} onClose={() => setDialog(null)} /> : null}
      <DistributorFormDrawer open={dialog?.kind === 'edit'} distributor={d} onClose={() => setDialog(null)} />
    </>
  );
}
