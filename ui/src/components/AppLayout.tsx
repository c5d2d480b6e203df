import {
  AccountBookOutlined,
  BarChartOutlined,
  BellOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  PercentageOutlined,
  ReadOutlined,
  SolutionOutlined,
  TrophyOutlined,
  CustomerServiceOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  UserOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Button, Dropdown, Flex, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

import { normaliseLanguage, storedLanguage } from '../i18n';
import { useReminders } from '../ipc/onboarding';
import { useAppInfo, useSettings } from '../ipc/queries';
import { useLoginState } from '../ipc/login';
import { useFirstStart } from '../ipc/setup';
import { appErrorMessage } from '../lib/errors';
import { RestoreButton } from './backup/BackupCard';
import { LanguageSwitch } from './LanguageSwitch';
import { OperatorNameModal } from './OperatorNameModal';
import { UserMenu } from './UserMenu';
import { AboutModal } from './AboutDetails';
import { FirstStartGuide } from './firstStart/FirstStartGuide';
import { HelpContext } from './firstStart/help';
import { useOtherWrites } from '../ipc/version';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const settings = useSettings();
  const info = useAppInfo();
  // The menu shows how many reminders are open.
  const reminders = useReminders();
  // Other users' writes show without reloading.
  useOtherWrites();
  const openReminders = reminders.data?.open ?? 0;
  const problem = info.data?.problem ?? null;
  const recovery = problem?.kind === 'data_file' ? problem.recovery : null;

  // A language saved on this PC wins; otherwise follow the saved setting.
  const savedLanguage = normaliseLanguage(settings.data?.language);
  useEffect(() => {
    if (savedLanguage && !storedLanguage() && savedLanguage !== i18n.language) {
      void i18n.changeLanguage(savedLanguage);
    }
  }, [savedLanguage, i18n]);

  const path = location.pathname;
  const section = [
    '/agreements',
    '/rebates',
    '/onboarding',
    '/training',
    '/reminders',
    '/backup',
    '/scorecards',
    '/receivables',
    '/dashboard',
  ].find((k) => path.startsWith(k));
  const selected = section
    ? section
    : path.startsWith('/settings')
      ? '/settings'
      : path.startsWith('/complaints/report')
        ? '/complaints/report'
        : path.startsWith('/complaints')
          ? '/complaints'
          : '/distributors';
  const operator = settings.data?.operator_name.trim();
  // With users, the logged-in user writes: the operator name gives way to them.
  const login = useLoginState();
  const signedIn = login.data?.user ?? null;

  // The guide opens by itself on an empty database's first start, and from Help or Settings.
  const firstStart = useFirstStart();
  const [guide, setGuide] = useState<'auto' | 'open' | 'closed'>('auto');
  const guideOpen = guide === 'open' || (guide === 'auto' && firstStart.data?.show === true);
  const [aboutOpen, setAboutOpen] = useState(false);
  const help = useMemo(
    () => ({ openGuide: () => setGuide('open'), openAbout: () => setAboutOpen(true) }),
    [],
  );

  return (
    <HelpContext.Provider value={help}>
      <Layout className="app-root">
        <Header className="app-header">
          <Flex align="center" gap={10} className="app-brand">
            <span className="app-logo" aria-hidden>
              D
            </span>
            <span className="app-name">{t('app.name')}</span>
            <span className="app-subtitle">{t('app.subtitle')}</span>
          </Flex>
          <Flex align="center" gap={20}>
            {signedIn ? (
              <UserMenu user={signedIn} />
            ) : (
              <Typography.Text id="operator-name" className="app-operator">
                <UserOutlined /> {operator ? operator : t('app.noOperator')}
              </Typography.Text>
            )}
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'guide', label: <span id="help-guide">{t('guide.again')}</span> },
                  { key: 'about', label: <span id="help-about">{t('about.aboutItem')}</span> },
                ],
                onClick: ({ key }) => (key === 'guide' ? help.openGuide() : help.openAbout()),
              }}
            >
              <Button id="help-menu" type="text" size="small" icon={<QuestionCircleOutlined />}>
                {t('about.help')}
              </Button>
            </Dropdown>
          </Flex>
        </Header>
        <Layout>
          {/* English labels ("Complaint report", "Reminders" and its count) need more room. */}
          <Sider width={i18n.language === 'en' ? 196 : 168} theme="light" className="app-sider">
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              onClick={({ key }) => void navigate(key)}
              items={[
                {
                  key: '/dashboard',
                  icon: <DashboardOutlined />,
                  label: <span id="nav-dashboard">{t('nav.dashboard')}</span>,
                },
                {
                  key: '/distributors',
                  icon: <ShopOutlined />,
                  label: <span id="nav-distributors">{t('nav.distributors')}</span>,
                },
                {
                  key: '/onboarding',
                  icon: <SolutionOutlined />,
                  label: <span id="nav-onboarding">{t('nav.onboarding')}</span>,
                },
                {
                  key: '/agreements',
                  icon: <FileProtectOutlined />,
                  label: <span id="nav-agreements">{t('nav.agreements')}</span>,
                },
                {
                  key: '/rebates',
                  icon: <PercentageOutlined />,
                  label: <span id="nav-rebates">{t('nav.rebates')}</span>,
                },
                {
                  key: '/training',
                  icon: <ReadOutlined />,
                  label: <span id="nav-training">{t('nav.training')}</span>,
                },
                {
                  key: '/reminders',
                  icon: <BellOutlined />,
                  label: (
                    <Flex justify="space-between" align="center" gap={8}>
                      <span id="nav-reminders">{t('nav.reminders')}</span>
                      {openReminders > 0 ? (
                        <Badge
                          id="nav-reminders-count"
                          count={openReminders}
                          overflowCount={99}
                          size="small"
                          data-count={openReminders}
                        />
                      ) : null}
                    </Flex>
                  ),
                },
                {
                  key: '/complaints',
                  icon: <CustomerServiceOutlined />,
                  label: <span id="nav-complaints">{t('nav.complaints')}</span>,
                },
                {
                  key: '/complaints/report',
                  icon: <BarChartOutlined />,
                  label: <span id="nav-complaint-report">{t('nav.complaintReport')}</span>,
                },
                {
                  key: '/receivables',
                  icon: <AccountBookOutlined />,
                  label: <span id="nav-receivables">{t('nav.receivables')}</span>,
                },
                {
                  key: '/scorecards',
                  icon: <TrophyOutlined />,
                  label: <span id="nav-scorecards">{t('nav.scorecards')}</span>,
                },
                {
                  key: '/backup',
                  icon: <SafetyOutlined />,
                  label: <span id="nav-backup">{t('nav.backup')}</span>,
                },
                {
                  key: '/settings',
                  icon: <SettingOutlined />,
                  label: <span id="nav-settings">{t('nav.settings')}</span>,
                },
              ]}
            />
          </Sider>
          <Content className="app-content">
            {problem ? (
              <Alert
                type="error"
                showIcon
                id="db-problem"
                style={{ marginBottom: 16 }}
                title={t('backup.problemTitle')}
                description={appErrorMessage(problem, t)}
                action={
                  recovery ? (
                    <RestoreButton
                      path={recovery}
                      label={t('backup.restoreCopy', { file: recovery.split(/[\\/]/).pop() ?? recovery })}
                    />
                  ) : null
                }
              />
            ) : null}
            {/* Pages are loaded when first opened; the menu stays while one loads. */}
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
        {/* The guide asks for the operator's name itself; the plain question waits for it. */}
        {guideOpen || firstStart.isPending || login.data?.required !== false ? null : <OperatorNameModal />}
        {guideOpen ? <FirstStartGuide onClose={() => setGuide('closed')} /> : null}
        {aboutOpen ? <AboutModal onClose={() => setAboutOpen(false)} /> : null}
      </Layout>
    </HelpContext.Provider>
  );
}
