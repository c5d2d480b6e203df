import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { RebateLine } from '../../bindings/RebateLine';
import type { RebateRun } from '../../bindings/RebateRun';
import i18n from '../../i18n';
import { RebatesPage } from '../../pages/RebatesPage';
import { byId, click, dispatch, renderAt, type, type Handlers } from './testFixtures';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
}));
// The path plugin calls the shell directly; the suggestion is stubbed.
vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    dialogs: {
      ...actual.dialogs,
      suggestedPath: vi.fn(async (name: string) => `/home/wang/Documents/${name}`),
    },
  };
});

const reached: RebateLine = {
  agreement_id: 12,
  number: 'HT-2026-0001',
  version: 1,
  distributor_id: 7,
  distributor_code: 'DS00007',
  distributor_name: '福州恒通商贸有限公司',
  target: '300000.00',
  invoiced: '345000.00',
  credited: '7500.00',
  sales: '337500.00',
  achievement_pct: '112.50',
  step_pct: '100',
  rebate_pct: '3',
  rebate: '10125.00',
  posted: null,
  withheld: false,
};

const missed: RebateLine = {
  ...reached,
  agreement_id: 14,
  number: 'HT-2026-0002',
  distributor_id: 8,
  distributor_code: 'DS00008',
  distributor_name: '厦门海峡贸易有限公司',
  target: '200000.10',
  invoiced: '150000.00',
  credited: '0.00',
  sales: '150000.00',
  achievement_pct: '74.99',
  step_pct: null,
  rebate_pct: '0',
  rebate: '0.00',
};

const run: RebateRun = {
  from: '2026-01-01',
  to: '2026-03-31',
  doc_no: 'RB-20260101-20260331',
  lines: [reached, missed],
  total: '10125.00',
  to_post: 1,
  already_posted: 0,
};

const postedRun: RebateRun = {
  ...run,
  lines: [{ ...reached, posted: '10125.00' }, missed],
  to_post: 0,
  already_posted: 1,
};

let handlers: Handlers;

function calls(cmd: string): unknown[] {
  return invokeMock.mock.calls.filter((c) => c[0] === cmd).map((c) => (c[1] as { req: unknown }).req);
}

function renderPage() {
  renderAt('/rebates', [{ path: '/rebates', element: <RebatesPage /> }]);
}

describe('RebatesPage', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    let posted = false;
    handlers = {
      rebate_preview: () => (posted ? postedRun : run),
      rebate_export: () => 2,
      rebate_approve: vi.fn(() => {
        posted = true;
        return { run: postedRun, posted: 1 };
      }),
    };
    invokeMock.mockReset().mockImplementation(dispatch(handlers));
  });

  it('previews the period: achievement, step, rebate with its calculation, and totals', async () => {
    renderPage();
    await waitFor(() => expect(byId('rebate-table')).toBeInTheDocument());
    type('rebate-from', '2026-01-01');
    type('rebate-to', '2026-03-31');
    await click('rebate-preview');
    await waitFor(() =>
      expect(calls('rebate_preview')).toContainEqual({ from: '2026-01-01', to: '2026-03-31' }),
    );
    await waitFor(() => expect(byId('rebate-doc-no')).toHaveTextContent('RB-20260101-20260331'));

    const table = byId('rebate-table');
    const first = table.querySelector('.rebate-row-DS00007') as HTMLElement;
    expect(first).toHaveTextContent('HT-2026-0001 v1');
    expect(first).toHaveTextContent('337,500.00');
    expect(first).toHaveTextContent('112.50%');
    expect(first).toHaveTextContent('≥ 100%');
    expect(within(first).getByText('337,500.00 × 3% = 10,125.00')).toBeInTheDocument();
    expect(first.querySelector('.rebate-to-post-tag')).toHaveTextContent('To post');

    const second = table.querySelector('.rebate-row-DS00008') as HTMLElement;
    expect(second).toHaveTextContent('Achievement 74.99% is below the lowest step: no rebate');
    expect(second.querySelector('.rebate-to-post-tag')).toBeNull();

    // Totals add the strings exactly: 300,000.00 + 200,000.10.
    const total = table.querySelector('.rebate-total-row') as HTMLElement;
    expect(total).toHaveTextContent('500,000.10');
    expect(total).toHaveTextContent('487,500.00');
    expect(byId('rebate-total')).toHaveTextContent('10,125.00');
    expect(byId('rebate-approve')).toBeEnabled();

    // The run as shown goes to a spreadsheet.
    await click('rebate-export');
    await waitFor(() =>
      expect(byId('rebate-export-path')).toHaveValue(
        '/home/wang/Documents/rebates-2026-01-01-2026-03-31.xlsx',
      ),
    );
    type('rebate-export-path', '/home/wang/q1.csv');
    await click('rebate-export-ok');
    await waitFor(() =>
      expect(calls('rebate_export')).toEqual([
        { run: { from: '2026-01-01', to: '2026-03-31' }, lang: 'en', path: '/home/wang/q1.csv' },
      ]),
    );
    expect(await screen.findByText('2 rows exported to /home/wang/q1.csv')).toBeInTheDocument();
  });

  it('refuses a period that ends before it starts', async () => {
    renderPage();
    await waitFor(() => expect(calls('rebate_preview')).toHaveLength(1));
    type('rebate-from', '2026-04-01');
    type('rebate-to', '2026-03-31');
    await click('rebate-preview');
    expect(await screen.findByText('The end of the period must not be before its start')).toBeInTheDocument();
    expect(calls('rebate_preview')).toHaveLength(1);
  });

  it('approves after confirmation, reports the entries posted and shows the lines as posted', async () => {
    renderPage();
    await waitFor(() => expect(byId('rebate-table')).toBeInTheDocument());
    type('rebate-from', '2026-01-01');
    type('rebate-to', '2026-03-31');
    await click('rebate-preview');
    await waitFor(() => expect(byId('rebate-to-post')).toHaveTextContent('1'));
    await click('rebate-approve');
    const modal = byId('rebate-approve-modal');
    expect(modal).toHaveTextContent('1 rebate entries totalling 10,125.00');
    expect(modal).toHaveTextContent('RB-20260101-20260331');
    await click('rebate-approve-ok');
    await waitFor(() =>
      expect(byId('rebate-approved')).toHaveTextContent('Posted 1 entries (RB-20260101-20260331)'),
    );
    expect(calls('rebate_approve')).toEqual([{ from: '2026-01-01', to: '2026-03-31' }]);
    const first = byId('rebate-table').querySelector('.rebate-row-DS00007') as HTMLElement;
    await waitFor(() => expect(first.querySelector('.rebate-posted-tag')).toHaveTextContent('Posted'));
    expect(byId('rebate-approve')).toBeDisabled();
    expect(byId('rebate-already-posted')).toHaveTextContent('1');
  });

  it('says so when the period has not ended', async () => {
    handlers.rebate_approve = vi.fn(() => {
      throw { kind: 'validation', fields: [{ field: 'to', code: 'period_not_ended', detail: null }] };
    });
    renderPage();
    await waitFor(() => expect(byId('rebate-table')).toBeInTheDocument());
    type('rebate-from', '2026-01-01');
    type('rebate-to', '2026-03-31');
    await click('rebate-preview');
    await waitFor(() => expect(byId('rebate-approve')).toBeEnabled());
    await click('rebate-approve');
    await click('rebate-approve-ok');
    expect(await screen.findByText('The period has not ended yet')).toBeInTheDocument();
    expect(document.getElementById('rebate-approved')).toBeNull();
  });
});
