import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Centre } from '../bindings/Centre';
import type { Reminder } from '../bindings/Reminder';
import { answer } from '../components/onboarding/testFixtures';
import i18n from '../i18n';
import { RemindersPage } from './RemindersPage';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke,
}));

const reminders: Reminder[] = [
  {
    kind: 'onboarding_overdue',
    days: -12,
    window: null,
    distributor_id: 7,
    distributor_code: 'DS00007',
    distributor_name: '福州恒通商贸有限公司',
    ref_id: 12,
    reference: 'documents',
    label_zh: '资料审核',
    label_en: 'Documents checked',
    date: '2026-03-08',
    course_id: null,
    contact_id: null,
    level: null,
  },
  {
    kind: 'agreement_ending',
    days: 5,
    window: 7,
    distributor_id: 8,
    distributor_code: 'DS00008',
    distributor_name: '厦门海峡贸易有限公司',
    ref_id: 3,
    reference: 'HT-2026-0003 v2',
    label_zh: '协议即将到期',
    label_en: 'Agreement ending',
    date: '2026-03-25',
    course_id: null,
    contact_id: null,
    level: null,
  },
  {
    kind: 'agreement_ending',
    days: 28,
    window: 30,
    distributor_id: 9,
    distributor_code: 'DS00009',
    distributor_name: '泉州安达商贸有限公司',
    ref_id: 4,
    reference: 'HT-2026-0004 v1',
    label_zh: '协议即将到期',
    label_en: 'Agreement ending',
    date: '2026-04-17',
    course_id: null,
    contact_id: null,
    level: null,
  },
  {
    kind: 'agreement_ending',
    days: 45,
    window: 60,
    distributor_id: 9,
    distributor_code: 'DS00009',
    distributor_name: '泉州安达商贸有限公司',
    ref_id: 5,
    reference: 'HT-2026-0005 v1',
    label_zh: '协议即将到期',
    label_en: 'Agreement ending',
    date: '2026-05-04',
    course_id: null,
    contact_id: null,
    level: null,
  },
  {
    kind: 'certificate_expired',
    days: -9,
    window: null,
    distributor_id: 7,
    distributor_code: 'DS00007',
    distributor_name: '福州恒通商贸有限公司',
    ref_id: 21,
    reference: 'ZS-2024-0011',
    label_zh: '陈静 · 产品基础',
    label_en: '陈静 · Product basics',
    date: '2026-03-11',
    course_id: 2,
    contact_id: 31,
    level: null,
  },
  {
    kind: 'certificate_expiring',
    days: 20,
    window: 30,
    distributor_id: 8,
    distributor_code: 'DS00008',
    distributor_name: '厦门海峡贸易有限公司',
    ref_id: 22,
    reference: 'ZS-2024-0015',
    label_zh: '黄磊 · 产品基础',
    label_en: '黄磊 · Product basics',
    date: '2026-04-09',
    course_id: 2,
    contact_id: 41,
    level: null,
  },
  {
    kind: 'certificate_expiring',
    days: 50,
    window: 60,
    distributor_id: 7,
    distributor_code: 'DS00007',
    distributor_name: '福州恒通商贸有限公司',
    ref_id: 23,
    reference: 'ZS-2024-0016',
    label_zh: '刘洋 · 安全操作',
    label_en: '刘洋 · Safe handling',
    date: '2026-05-09',
    course_id: 3,
    contact_id: 32,
    level: null,
  },
];

/** The centre as the server answers it: every reminder open, grouped by its days. */
const centre: Centre = {
  open: reminders.length,
  items: reminders.map((r) => ({
    ...r,
    urgency: r.days < 0 ? 'overdue' : r.days === 0 ? 'today' : r.days <= 7 ? 'week' : 'later',
    status: 'open',
    until: null,
    note: '',
    decided_by: '',
  })),
};

/** Where "plan a session" led: the new-session page's query string. */
function NewSessionStub() {
  const { search } = useLocation();
  return <div id="new-session-stub">{search}</div>;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/reminders']}>
          <Routes>
            <Route path="/reminders" element={<RemindersPage />} />
            <Route path="/training/sessions/new" element={<NewSessionStub />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const row = (cls: string) => document.querySelector(`#reminders-table tr.${cls}`) as HTMLElement;
const bodyRows = () => [...document.querySelectorAll('#reminders-table tbody tr[class*="reminder-"]')];

describe('reminders', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    invoke.mockReset().mockImplementation(answer({ reminders_list: () => centre }));
  });

  it('lists the reminders in the server’s order with their tags and links', async () => {
    renderPage();
    await waitFor(() => expect(row('reminder-onboarding_overdue-12')).not.toBeNull());
    // Grouped: past due, within a week, later.
    expect(bodyRows().map((r) => r.getAttribute('data-row-key'))).toEqual([
      'onboarding_overdue-12',
      'certificate_expired-21',
      'agreement_ending-3',
      'agreement_ending-4',
      'agreement_ending-5',
      'certificate_expiring-22',
      'certificate_expiring-23',
    ]);
    expect(byId('reminders-count')).toHaveTextContent('7');

    const onb = row('reminder-onboarding_overdue-12');
    expect(onb.querySelector('.reminder-kind-tag')).toHaveTextContent('Onboarding overdue');
    expect(onb.querySelector('.reminder-overdue')).toHaveTextContent('Overdue by 12 d');
    expect(onb).toHaveTextContent('Documents checked');
    expect(within(onb).getByText('documents').closest('a')).toHaveAttribute('href', '/distributors/7');

    const soon = row('reminder-agreement_ending-3');
    expect(soon.querySelector('.reminder-kind-tag')).toHaveTextContent('Agreement ending');
    expect(soon.querySelector('.reminder-window')).toHaveTextContent('Within 7 days');
    expect(soon.querySelector('.reminder-window')).toHaveClass('ant-tag-red');
    expect(row('reminder-agreement_ending-4').querySelector('.reminder-window')).toHaveClass(
      'ant-tag-orange',
    );
    expect(row('reminder-agreement_ending-5').querySelector('.reminder-window')).toHaveClass('ant-tag-blue');
    expect(within(soon).getByText('HT-2026-0003 v2').closest('a')).toHaveAttribute('href', '/agreements/3');
    expect(within(soon).getByText('DS00008 厦门海峡贸易有限公司').closest('a')).toHaveAttribute(
      'href',
      '/distributors/8',
    );
    expect(soon).toHaveTextContent('2026-03-25');
    expect(soon).toHaveTextContent('In 5 d');
    // Only certificate reminders can be ticked to plan a session.
    expect(soon.querySelector('input[type="checkbox"]')).toBeDisabled();
    expect(soon.querySelector('[class*="plan-session-"]')).toBeNull();

    const expired = row('reminder-certificate_expired-21');
    expect(expired.querySelector('.reminder-kind-tag')).toHaveTextContent('Certificate expired');
    expect(expired.querySelector('.reminder-expired')).toHaveTextContent('Expired 9 d ago');
    expect(expired.querySelector('.reminder-expired')).toHaveClass('ant-tag-red');
    expect(expired).toHaveTextContent('陈静 · Product basics');
    expect(within(expired).getByText('ZS-2024-0011').closest('a')).toHaveAttribute(
      'href',
      '/training?tab=certificates',
    );
    expect(expired.querySelector('input[type="checkbox"]')).toBeEnabled();

    const expiring = row('reminder-certificate_expiring-22');
    expect(expiring.querySelector('.reminder-kind-tag')).toHaveTextContent('Certificate expiring');
    expect(expiring.querySelector('.reminder-window')).toHaveTextContent('Within 30 days');
    expect(expiring.querySelector('.reminder-window')).toHaveClass('ant-tag-orange');
    expect(expiring.querySelector('.plan-session-22')).toHaveTextContent('Plan a session');
  });

  it('plans a session for the ticked certificate reminders of one course', async () => {
    renderPage();
    await waitFor(() => expect(row('reminder-certificate_expired-21')).not.toBeNull());
    expect(byId('reminders-plan-session')).toBeDisabled();

    const tick = (cls: string) =>
      act(async () => {
        fireEvent.click(row(cls).querySelector('input[type="checkbox"]') as HTMLElement);
      });
    await tick('reminder-certificate_expired-21');
    await tick('reminder-certificate_expiring-23');
    // Two courses: no session can be planned for both.
    expect(byId('reminders-plan-session')).toBeDisabled();
    expect(byId('reminders-plan-mixed')).toBeInTheDocument();

    await tick('reminder-certificate_expiring-23');
    await tick('reminder-certificate_expiring-22');
    expect(byId('reminders-plan-session')).toBeEnabled();
    expect(byId('reminders-plan-session')).toHaveTextContent('Plan a session for 2');
    await act(async () => {
      fireEvent.click(byId('reminders-plan-session'));
    });
    await waitFor(() => expect(byId('new-session-stub')).toHaveTextContent('?course=2&people=31,41'));
  });

  it('plans a session for one certificate from its row', async () => {
    renderPage();
    await waitFor(() => expect(row('reminder-certificate_expiring-23')).not.toBeNull());
    await act(async () => {
      fireEvent.click(
        row('reminder-certificate_expiring-23').querySelector('.plan-session-23') as HTMLElement,
      );
    });
    await waitFor(() => expect(byId('new-session-stub')).toHaveTextContent('?course=3&people=32'));
  });

  it('filters by kind and shows labels in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      renderPage();
      await waitFor(() => expect(bodyRows()).toHaveLength(7));
      expect(row('reminder-onboarding_overdue-12')).toHaveTextContent('资料审核');
      expect(row('reminder-certificate_expired-21')).toHaveTextContent('陈静 · 产品基础');
      expect(row('reminder-certificate_expired-21')).toHaveTextContent('已过期 9 天');
      await act(async () => {
        fireEvent.click(byId('reminders-kind-onboarding_overdue'));
      });
      await waitFor(() => expect(bodyRows()).toHaveLength(1));
      expect(row('reminder-onboarding_overdue-12')).not.toBeNull();
      await act(async () => {
        fireEvent.click(byId('reminders-kind-agreement_ending'));
      });
      await waitFor(() => expect(bodyRows()).toHaveLength(3));
      expect(row('reminder-onboarding_overdue-12')).toBeNull();
      await act(async () => {
        fireEvent.click(byId('reminders-kind-certificate_expiring'));
      });
      await waitFor(() => expect(bodyRows()).toHaveLength(2));
      expect(byId('reminders-kind-certificate_expired')).toHaveTextContent('(1)');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
