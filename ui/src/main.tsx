import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router';

import { AppLayout } from './components/AppLayout';
import { LoginGate } from './components/LoginGate';
import './i18n';
import { ipc } from './ipc';
import { queryKeys } from './ipc/queries';
import { setFixedToday } from './lib/dates';
import { DashboardPage } from './pages/DashboardPage';
import { DistributorListPage } from './pages/DistributorListPage';
import './styles.css';
import { theme } from './theme';

// Each page but the first is its own chunk, loaded when first opened: the window
// shows the distributor list without parsing the editors, charts and reports.
const AgreementListPage = lazy(() =>
  import('./pages/AgreementListPage').then((m) => ({ default: m.AgreementListPage })),
);
const AgreementPage = lazy(() => import('./pages/AgreementPage').then((m) => ({ default: m.AgreementPage })));
const ComplaintListPage = lazy(() =>
  import('./pages/ComplaintListPage').then((m) => ({ default: m.ComplaintListPage })),
);
const ComplaintPage = lazy(() => import('./pages/ComplaintPage').then((m) => ({ default: m.ComplaintPage })));
const ComplaintReportPage = lazy(() =>
  import('./pages/ComplaintReportPage').then((m) => ({ default: m.ComplaintReportPage })),
);
const DistributorDetailPage = lazy(() =>
  import('./pages/DistributorDetailPage').then((m) => ({ default: m.DistributorDetailPage })),
);
const OnboardingPipelinePage = lazy(() =>
  import('./pages/OnboardingPipelinePage').then((m) => ({ default: m.OnboardingPipelinePage })),
);
const RebatesPage = lazy(() => import('./pages/RebatesPage').then((m) => ({ default: m.RebatesPage })));
const RemindersPage = lazy(() => import('./pages/RemindersPage').then((m) => ({ default: m.RemindersPage })));
const SessionPage = lazy(() => import('./pages/SessionPage').then((m) => ({ default: m.SessionPage })));
const ReceivablesPage = lazy(() =>
  import('./pages/ReceivablesPage').then((m) => ({ default: m.ReceivablesPage })),
);
const ScorecardsPage = lazy(() =>
  import('./pages/ScorecardsPage').then((m) => ({ default: m.ScorecardsPage })),
);
const BackupPage = lazy(() => import('./pages/BackupPage').then((m) => ({ default: m.BackupPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const TrainingPage = lazy(() => import('./pages/TrainingPage').then((m) => ({ default: m.TrainingPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // One local database: failures are not transient, so show them at once.
      retry: false,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

// `--today`: the app's forms date on the office's day, like the server does.
void queryClient
  .fetchQuery({ queryKey: queryKeys.appInfo, queryFn: ipc.appInfo, staleTime: Infinity })
  .then((info) => setFixedToday(info.fixed_today))
  .catch(() => setFixedToday(null));

/** Ant Design's locale, dayjs and <html lang> follow the i18n language. */
function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.documentElement.lang = zh ? 'zh-CN' : 'en';
  }, [zh]);
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <HashRouter>
          <Routes>
            <Route
              element={
                <LoginGate>
                  <AppLayout />
                </LoginGate>
              }
            >
              <Route index element={<Navigate to="/dashboard" replace />} />
              <Route path="dashboard" element={<DashboardPage />} />
              <Route path="distributors" element={<DistributorListPage />} />
              <Route path="distributors/:id" element={<DistributorDetailPage />} />
              <Route path="complaints" element={<ComplaintListPage />} />
              <Route path="complaints/report" element={<ComplaintReportPage />} />
              <Route path="complaints/:id" element={<ComplaintPage />} />
              <Route path="agreements" element={<AgreementListPage />} />
              <Route path="agreements/:id" element={<AgreementPage />} />
              <Route path="rebates" element={<RebatesPage />} />
              <Route path="onboarding" element={<OnboardingPipelinePage />} />
              <Route path="reminders" element={<RemindersPage />} />
              <Route path="training" element={<TrainingPage />} />
              <Route path="training/sessions/:id" element={<SessionPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="backup" element={<BackupPage />} />
              <Route path="scorecards" element={<ScorecardsPage />} />
              <Route path="receivables" element={<ReceivablesPage />} />
              <Route path="*" element={<Navigate to="/distributors" replace />} />
            </Route>
          </Routes>
        </HashRouter>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
