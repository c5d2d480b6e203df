// Shared data and rendering of the agreement component tests.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';

import type { Agreement } from '../../bindings/Agreement';
import type { AgreementDetail } from '../../bindings/AgreementDetail';
import type { Distributor } from '../../bindings/Distributor';
import type { DistributorDetail } from '../../bindings/DistributorDetail';

export const distributor = {
  id: 7,
  code: 'DS00007',
  name: '福州恒通商贸有限公司',
  payment_terms_days: 45,
  credit_limit: '80000.00',
  status: 'approved',
} as Distributor;

export const distributorDetail = {
  distributor,
  allowed_transitions: [],
  status_history: [],
  tier_history: [],
  assessments: [],
  contacts: [],
} as unknown as DistributorDetail;

export const agreement: Agreement = {
  id: 12,
  number: 'HT-2026-0001',
  version: 1,
  previous_id: null,
  kind: 'original',
  distributor_id: 7,
  distributor_code: 'DS00007',
  distributor_name: '福州恒通商贸有限公司',
  status: 'awaiting_signature',
  territories: [{ province: '福建省', city: '福州市', county: '', region: '' }],
  exclusive: true,
  term_start: '2026-01-01',
  term_end: '2026-12-31',
  payment_days: 60,
  payment_method: 'acceptance',
  credit_limit: '120000.00',
  discount_pct: '2.5',
  buyback_pct: '80',
  targets: [
    { label: '2026-Q1', from: '2026-01-01', to: '2026-03-31', amount: '300000.00' },
    { label: '2026-Q2', from: '2026-04-01', to: '2026-06-30', amount: '350000.00' },
  ],
  ladder: [
    { threshold_pct: '80', rebate_pct: '1' },
    { threshold_pct: '100', rebate_pct: '3' },
  ],
  special_clauses: '',
  signed_date: null,
  scan_name: '',
  terminated_date: null,
  termination_reason: '',
  days_to_end: null,
  conflict: false,
  created_at: '2026-01-05T02:00:00+00:00',
  created_by: '王芳',
  updated_at: '2026-01-05T02:00:00+00:00',
};

export function detailOf(a: Agreement, extra: Partial<AgreementDetail> = {}): AgreementDetail {
  return {
    agreement: a,
    history: [
      {
        at: '2026-01-05T02:00:00+00:00',
        from_status: '',
        to_status: 'draft',
        text: a.number,
        operator: '王芳',
      },
    ],
    versions: [
      {
        id: a.id,
        version: a.version,
        kind: a.kind,
        status: a.status,
        term_start: a.term_start,
        term_end: a.term_end,
      },
    ],
    conflicts: [],
    allowed: [],
    can_new_version: false,
    ...extra,
  };
}

/** The app's providers and a router with stub pages to land on. */
export function renderAt(path: string, routes: { path: string; element: ReactNode }[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
  return client;
}

export function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} not found`);
  return el;
}

export async function click(el: Element | string | null) {
  const target = typeof el === 'string' ? byId(el) : el;
  await act(async () => {
    fireEvent.click(target as HTMLElement);
  });
}

export function type(id: string, value: string) {
  fireEvent.change(byId(id), { target: { value } });
}

/** Opens an antd Select and clicks the option with the class. */
export async function choose(selectId: string, optionClass: string) {
  await act(async () => {
    fireEvent.mouseDown(byId(selectId));
  });
  const option = document.querySelector(`.${optionClass}`);
  if (!option) throw new Error(`.${optionClass} not found`);
  await click(option);
}

/** A command handler table for the mocked `invoke`: each gets the command's `req`. */
export type Handlers = Record<string, (req: unknown) => unknown>;

export function dispatch(handlers: Handlers) {
  return async (cmd: string, args?: Record<string, unknown>) => {
    const h = handlers[cmd];
    if (!h) throw { kind: 'io', message: `unexpected command ${cmd}` };
    return h(args?.req ?? args);
  };
}
