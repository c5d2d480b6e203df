import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

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
  },
];

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/reminders']}>
          <RemindersPage />
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
    invoke.mockReset().mockImplementation(answer({ reminders_list: () => reminders }));
  });

  it('lists the reminders in the server’s order with their tags and links', async () => {
    renderPage();
    await waitFor(() => expect(row('reminder-onboarding_overdue-12')).not.toBeNull());
    expect(bodyRows().map((r) => r.getAttribute('data-row-key'))).toEqual([
      'onboarding_overdue-12',
      'agreement_ending-3',
      'agreement_ending-4',
      'agreement_ending-5',
    ]);
    expect(byId('reminders-count')).toHaveTextContent('4');

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
  });

  it('filters by kind and shows labels in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      renderPage();
      await waitFor(() => expect(bodyRows()).toHaveLength(4));
      expect(row('reminder-onboarding_overdue-12')).toHaveTextContent('资料审核');
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
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
