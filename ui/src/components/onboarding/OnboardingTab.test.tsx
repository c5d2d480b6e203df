import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Distributor } from '../../bindings/Distributor';
import type { StepUpdate } from '../../bindings/StepUpdate';
import i18n from '../../i18n';
import { today } from '../../lib/dates';
import { OnboardingTab } from './OnboardingTab';
import { answer, checklist, notStarted, steps } from './testFixtures';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke,
}));

const distributor = { id: 7, code: 'DS00007', name: '福州恒通商贸有限公司' } as Distributor;

function renderTab() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <OnboardingTab distributor={distributor} />
      </App>
    </QueryClientProvider>,
  );
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const row = (key: string) => document.querySelector(`.onboarding-step-${key}`) as HTMLElement;

async function click(el: Element | null) {
  await act(async () => {
    fireEvent.click(el as HTMLElement);
  });
}

function calls(cmd: string) {
  return invoke.mock.calls.filter((c) => c[0] === cmd).map((c) => (c[1] as { req: unknown }).req);
}

describe('OnboardingTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    invoke.mockReset();
  });

  it('starts onboarding from the chosen date, after checking it', async () => {
    invoke.mockImplementation(
      answer({ onboarding_get: () => notStarted, onboarding_start: () => checklist }),
    );
    renderTab();
    await waitFor(() => expect(byId('onboarding-start-date')).toBeInTheDocument());
    expect(byId('onboarding-start-date')).toHaveValue(today());
    expect(document.getElementById('onboarding-steps')).toBeNull();

    fireEvent.change(byId('onboarding-start-date'), { target: { value: '2026-02-30' } });
    await click(byId('onboarding-start'));
    expect(await screen.findByText('Dates are written YYYY-MM-DD', { exact: false })).toBeInTheDocument();
    expect(calls('onboarding_start')).toEqual([]);

    fireEvent.change(byId('onboarding-start-date'), { target: { value: '2026-02-27' } });
    await click(byId('onboarding-start'));
    await waitFor(() => expect(byId('onboarding-progress')).toBeInTheDocument());
    expect(calls('onboarding_start')).toEqual([{ distributor_id: 7, start_date: '2026-02-27' }]);
    expect(byId('onboarding-progress')).toHaveTextContent('2/7');
    expect(byId('onboarding-steps').querySelectorAll('tr[class*="onboarding-step-"]')).toHaveLength(7);
  });

  it('shows the steps with the automatic and overdue marks, and marks a step done today', async () => {
    const after = {
      ...checklist,
      done: 3,
      steps: steps.map((s) =>
        s.key === 'documents' ? { ...s, done_date: today(), done_by: 'Wang Fang', overdue: false } : s,
      ),
    };
    invoke.mockImplementation(
      answer({ onboarding_get: () => checklist, onboarding_step_update: () => after }),
    );
    renderTab();
    await waitFor(() => expect(row('documents')).toBeInTheDocument());
    expect(byId('onboarding-progress')).toHaveTextContent('2/7 steps done');

    // The application was seen by the system: done, with the "auto" tag and no "done" button.
    expect(within(row('application')).getByText('Application received')).toBeInTheDocument();
    expect(row('application').querySelector('.onboarding-auto-tag')).toHaveTextContent('auto');
    expect(document.getElementById('step-application-done')).toBeNull();
    // Done by hand: no auto tag.
    expect(row('site_visit').querySelector('.onboarding-auto-tag')).toBeNull();
    expect(within(row('site_visit')).getByText('李经理')).toBeInTheDocument();

    // Overdue: the due date in red with the tag; other rows have none.
    expect(row('documents')).toHaveClass('onboarding-step-overdue');
    expect(row('documents').querySelector('.onboarding-overdue-tag')).toHaveTextContent('Overdue');
    expect(within(row('documents')).getByText('2026-03-08').closest('.ant-typography')).toHaveClass(
      'ant-typography-danger',
    );
    expect(row('training').querySelector('.onboarding-overdue-tag')).toBeNull();

    await click(byId('step-documents-done'));
    await waitFor(() => expect(calls('onboarding_step_update')).toHaveLength(1));
    const sent: StepUpdate = {
      id: 12,
      owner: '王芳',
      due_date: '2026-03-08',
      done_date: today(),
      note: '营业执照待补',
    };
    expect(calls('onboarding_step_update')[0]).toEqual(sent);
    await waitFor(() => expect(byId('onboarding-progress')).toHaveTextContent('3/7'));
    expect(document.getElementById('step-documents-done')).toBeNull();
  });

  it('edits a step and shows the server’s field errors next to the fields', async () => {
    invoke.mockImplementation(
      answer({
        onboarding_get: () => checklist,
        onboarding_step_update: () => {
          throw { kind: 'validation', fields: [{ field: 'done_date', code: 'in_future', detail: null }] };
        },
      }),
    );
    renderTab();
    await waitFor(() => expect(byId('step-site_visit-edit')).toBeInTheDocument());
    await click(byId('step-site_visit-edit'));
    await waitFor(() => expect(byId('onboarding-step-modal')).toBeInTheDocument());
    expect(byId('step_done_date')).toHaveValue('2026-03-10');
    expect(byId('step_due_date')).toHaveValue('2099-03-15');

    fireEvent.change(byId('step_owner'), { target: { value: ' 赵磊 ' } });
    fireEvent.change(byId('step_done_date'), { target: { value: '' } });
    fireEvent.change(byId('step_note'), { target: { value: '改期' } });
    await click(byId('step-save'));
    await waitFor(() => expect(calls('onboarding_step_update')).toHaveLength(1));
    expect(calls('onboarding_step_update')[0]).toEqual({
      id: 13,
      owner: '赵磊',
      due_date: '2099-03-15',
      done_date: '',
      note: '改期',
    });
    const modal = byId('onboarding-step-modal');
    await waitFor(() => expect(within(modal).getByText('Must not be in the future')).toBeInTheDocument());
    expect(byId('step_done_date').closest('.ant-form-item')).toHaveClass('ant-form-item-has-error');
  });

  it('keeps the date the system saw when an automatic step is edited', async () => {
    invoke.mockImplementation(
      answer({ onboarding_get: () => checklist, onboarding_step_update: () => checklist }),
    );
    renderTab();
    await waitFor(() => expect(byId('step-application-edit')).toBeInTheDocument());
    await click(byId('step-application-edit'));
    await waitFor(() => expect(byId('onboarding-step-modal')).toBeInTheDocument());
    expect(byId('step_done_date')).toHaveValue('');
    expect(byId('step-done-date-hint')).toHaveTextContent('record created on 2026-02-27');
    fireEvent.change(byId('step_owner'), { target: { value: '李经理' } });
    await click(byId('step-save'));
    await waitFor(() => expect(calls('onboarding_step_update')).toHaveLength(1));
    expect(calls('onboarding_step_update')[0]).toEqual({
      id: 11,
      owner: '李经理',
      due_date: '2026-03-01',
      done_date: '',
      note: '',
    });
    await waitFor(() => expect(document.getElementById('onboarding-step-modal')).toBeNull());
  });
});
