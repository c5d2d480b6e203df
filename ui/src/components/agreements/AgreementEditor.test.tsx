import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { AgreementInput } from '../../bindings/AgreementInput';
import type { AgreementUpdate } from '../../bindings/AgreementUpdate';
import i18n from '../../i18n';
import { AgreementPage } from '../../pages/AgreementPage';
import {
  agreement,
  byId,
  choose,
  click,
  detailOf,
  dispatch,
  distributorDetail,
  renderAt,
  type,
  type Handlers,
} from './testFixtures';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
}));

const draft = { ...agreement, id: 42, status: 'draft' as const };

let handlers: Handlers;

function renderNew() {
  renderAt('/agreements/new?distributor=7', [{ path: '/agreements/:id', element: <AgreementPage /> }]);
}

function value(id: string): string {
  return (byId(id) as HTMLInputElement).value;
}

function calls(cmd: string): unknown[] {
  return invokeMock.mock.calls.filter((c) => c[0] === cmd).map((c) => (c[1] as { req: unknown }).req);
}

describe('AgreementEditor', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    handlers = {
      distributor_get: () => distributorDetail,
      agreement_get: () => detailOf(draft, { allowed: ['awaiting_signature'] }),
    };
    invokeMock.mockReset().mockImplementation(dispatch(handlers));
  });

  it('starts a new agreement from the distributor terms and a default ladder', async () => {
    renderNew();
    await waitFor(() => expect(value('agreement_payment_days')).toBe('45'));
    expect(value('agreement_credit_limit')).toBe('80000.00');
    expect(byId('agreement-status')).toHaveTextContent('Draft');
    expect(byId('agreement-distributor')).toHaveTextContent('DS00007 福州恒通商贸有限公司');
    expect(value('ladder-0-threshold')).toBe('80');
    expect(value('ladder-0-rebate')).toBe('1');
    expect(value('ladder-2-threshold')).toBe('120');
    expect(value('ladder-2-rebate')).toBe('5');
    expect(byId('territory-0-province')).toBeInTheDocument();
  });

  it('generates one target per quarter, clipped to the term, keeping typed amounts', async () => {
    renderNew();
    await waitFor(() => expect(value('agreement_payment_days')).toBe('45'));
    type('agreement_term_start', '2026-02-15');
    type('agreement_term_end', '2027-01-31');
    await click('target-add');
    type('target-0-label', '2026-Q2');
    type('target-0-amount', '500000');
    await choose('target-generate-kind', 'target-kind-quarterly');
    await click('target-generate');
    await waitFor(() => expect(byId('target-4-label')).toBeInTheDocument());
    expect(document.getElementById('target-5-label')).toBeNull();
    const rows = [0, 1, 2, 3, 4].map((i) => [
      value(`target-${i}-label`),
      value(`target-${i}-from`),
      value(`target-${i}-to`),
      value(`target-${i}-amount`),
    ]);
    expect(rows).toEqual([
      ['2026-Q1', '2026-02-15', '2026-03-31', ''],
      ['2026-Q2', '2026-04-01', '2026-06-30', '500000'],
      ['2026-Q3', '2026-07-01', '2026-09-30', ''],
      ['2026-Q4', '2026-10-01', '2026-12-31', ''],
      ['2027-Q1', '2027-01-01', '2027-01-31', ''],
    ]);
    expect(byId('target-total')).toHaveTextContent('500,000.00');
  });

  it('refuses to generate periods without a valid term', async () => {
    renderNew();
    await waitFor(() => expect(value('agreement_payment_days')).toBe('45'));
    type('agreement_term_end', '31.12.2026');
    await click('target-generate');
    expect(await screen.findByText('Enter a valid term start and end first')).toBeInTheDocument();
    expect(document.getElementById('target-0-label')).toBeNull();
  });

  it('checks amounts before saving, shows server field errors next to their fields and under the tables, then creates the draft', async () => {
    handlers.agreement_create = vi
      .fn()
      .mockRejectedValueOnce({
        kind: 'validation',
        fields: [
          { field: 'discount_pct', code: 'pct_range', detail: '120' },
          { field: 'targets', code: 'target_overlap', detail: '2' },
          { field: 'territories', code: 'territory_incomplete', detail: '1' },
        ],
      })
      .mockResolvedValueOnce(detailOf(draft));
    renderNew();
    await waitFor(() => expect(value('agreement_payment_days')).toBe('45'));
    type('territory-0-city', '福州市');
    type('agreement_term_start', '2026-01-01');
    type('agreement_term_end', '2026-12-31');
    await choose('agreement_payment_method', 'payment-method-acceptance');
    type('agreement_credit_limit', '1.234');
    type('agreement_discount_pct', '120');
    await choose('target-generate-kind', 'target-kind-annual');
    await click('target-generate');
    await waitFor(() => expect(value('target-0-label')).toBe('2026'));
    type('target-0-amount', '1,200,000');
    await click('agreement_exclusive');

    // A bad amount is caught before the server is asked.
    await click('agreement-save');
    await waitFor(() =>
      expect(byId('agreement_credit_limit_help')).toHaveTextContent('At most two decimals'),
    );
    expect(calls('agreement_create')).toHaveLength(0);

    type('agreement_credit_limit', '100,000');
    await click('agreement-save');
    await waitFor(() => expect(calls('agreement_create')).toHaveLength(1));
    await waitFor(() =>
      expect(byId('agreement_discount_pct_help')).toHaveTextContent('Percentage out of range: 120'),
    );
    // The message sits in the discount's own form item.
    const item = byId('agreement_discount_pct').closest('.ant-form-item') as HTMLElement;
    expect(within(item).getByText('Percentage out of range: 120')).toBeInTheDocument();
    expect(byId('agreement-targets-error')).toHaveTextContent('Row 2: the period overlaps another target');
    expect(byId('agreement-territories-error')).toHaveTextContent(
      'Row 1: a province is needed (and a city before a county)',
    );

    const sent = calls('agreement_create')[0] as AgreementInput;
    expect(sent).toEqual({
      distributor_id: 7,
      territories: [{ province: '', city: '福州市', county: '', region: '' }],
      exclusive: true,
      term_start: '2026-01-01',
      term_end: '2026-12-31',
      payment_days: 45,
      payment_method: 'acceptance',
      credit_limit: '100000',
      discount_pct: '120',
      buyback_pct: '',
      targets: [{ label: '2026', from: '2026-01-01', to: '2026-12-31', amount: '1200000' }],
      ladder: [
        { threshold_pct: '80', rebate_pct: '1' },
        { threshold_pct: '100', rebate_pct: '3' },
        { threshold_pct: '120', rebate_pct: '5' },
      ],
      special_clauses: '',
    });

    type('territory-0-province', '福建省');
    type('agreement_discount_pct', '2.5');
    await click('agreement-save');
    // Created: the page of the new draft, with its number.
    await waitFor(() => expect(byId('agreement-number')).toHaveTextContent('HT-2026-0001'));
    expect(byId('agreement-status')).toHaveTextContent('Draft');
    expect(calls('agreement_create')).toHaveLength(2);
    expect((calls('agreement_create')[1] as AgreementInput).territories[0].province).toBe('福建省');
    expect(calls('agreement_get')).toContain(42);
  });

  it('saves unsaved changes of a draft before submitting it for signature', async () => {
    let current = detailOf(draft, { allowed: ['awaiting_signature'] });
    handlers.agreement_get = () => current;
    handlers.agreement_update = vi.fn((req) => {
      const u = req as AgreementUpdate;
      current = detailOf(
        { ...draft, special_clauses: u.input.special_clauses, updated_at: '2026-01-06T02:00:00+00:00' },
        { allowed: ['awaiting_signature'] },
      );
      return current;
    });
    handlers.agreement_submit = vi.fn(() => {
      current = detailOf(
        { ...current.agreement, status: 'awaiting_signature' },
        { allowed: ['draft', 'signed'] },
      );
      return current;
    });
    renderAt('/agreements/42', [{ path: '/agreements/:id', element: <AgreementPage /> }]);
    await waitFor(() => expect(byId('agreement_special_clauses')).toBeInTheDocument());
    type('agreement_special_clauses', '首批进货不少于 50 万元');
    await click('agreement-submit');
    await waitFor(() => expect(byId('agreement-status')).toHaveTextContent('Awaiting signature'));
    expect((calls('agreement_update')[0] as AgreementUpdate).input.special_clauses).toBe(
      '首批进货不少于 50 万元',
    );
    expect(calls('agreement_submit')).toEqual([42]);
    const order = invokeMock.mock.calls.map((c) => c[0]).filter((c) => c !== 'agreement_get');
    expect(order.indexOf('agreement_update')).toBeLessThan(order.indexOf('agreement_submit'));
    // Awaiting signature: the terms are shown, not edited.
    expect(document.getElementById('agreement-save')).toBeNull();
    expect(byId('agreement-view')).toBeInTheDocument();
  });
});
