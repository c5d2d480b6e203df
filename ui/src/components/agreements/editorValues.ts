// The editor's values and their conversion to and from the server's types.
import type { Agreement } from '../../bindings/Agreement';
import type { AgreementDetail } from '../../bindings/AgreementDetail';
import type { AgreementInput } from '../../bindings/AgreementInput';
import type { Distributor } from '../../bindings/Distributor';
import type { LadderStep } from '../../bindings/LadderStep';
import type { PaymentMethod } from '../../bindings/PaymentMethod';
import type { TargetInput } from '../../bindings/TargetInput';
import type { Territory } from '../../bindings/Territory';
import { today } from '../../lib/dates';
import { emptyTerritory } from './agreementLib';

export type EditorValues = {
  territories: Territory[];
  exclusive: boolean;
  term_start: string;
  term_end: string;
  payment_days: number | null;
  payment_method: PaymentMethod | null;
  credit_limit: string;
  discount_pct: string;
  buyback_pct: string;
  targets: TargetInput[];
  ladder: LadderStep[];
  special_clauses: string;
};

/** What the page can ask of the editor: save the draft, and whether it has unsaved changes. */
export type EditorHandle = {
  save: () => Promise<AgreementDetail | null>;
  isDirty: () => boolean;
};

export const DEFAULT_LADDER: LadderStep[] = [
  { threshold_pct: '80', rebate_pct: '1' },
  { threshold_pct: '100', rebate_pct: '3' },
  { threshold_pct: '120', rebate_pct: '5' },
];

/** The editor's start for a new agreement: the distributor's settlement terms and a default ladder. */
export function newAgreementValues(
  d: Pick<Distributor, 'payment_terms_days' | 'credit_limit'>,
): EditorValues {
  const start = today();
  const [y, m, day] = start.split('-').map(Number);
  const end = new Date(y + 1, m - 1, day - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    territories: [emptyTerritory()],
    exclusive: false,
    term_start: start,
    term_end: `${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}`,
    payment_days: d.payment_terms_days,
    payment_method: 'bank_transfer',
    credit_limit: d.credit_limit,
    discount_pct: '',
    buyback_pct: '',
    targets: [],
    ladder: DEFAULT_LADDER.map((s) => ({ ...s })),
    special_clauses: '',
  };
}

/** The editor's start for a saved draft. */
export function agreementValues(a: Agreement): EditorValues {
  return {
    territories: a.territories.length > 0 ? a.territories.map((x) => ({ ...x })) : [emptyTerritory()],
    exclusive: a.exclusive,
    term_start: a.term_start,
    term_end: a.term_end,
    payment_days: a.payment_days,
    payment_method: a.payment_method,
    credit_limit: a.credit_limit,
    discount_pct: a.discount_pct === '0' ? '' : a.discount_pct,
    buyback_pct: a.buyback_pct === '0' ? '' : a.buyback_pct,
    targets: a.targets.map((x) => ({ ...x })),
    ladder: a.ladder.map((x) => ({ ...x })),
    special_clauses: a.special_clauses,
  };
}

export const trimmed = (v: string | null | undefined) => (v ?? '').trim();
const s = trimmed;

export function toInput(distributorId: number, v: EditorValues): AgreementInput {
  return {
    distributor_id: distributorId,
    territories: (v.territories ?? []).map((x) => ({
      province: s(x?.province),
      city: s(x?.city),
      county: s(x?.county),
      region: s(x?.region),
    })),
    exclusive: !!v.exclusive,
    term_start: s(v.term_start),
    term_end: s(v.term_end),
    payment_days: v.payment_days ?? 0,
    payment_method: v.payment_method ?? null,
    credit_limit: s(v.credit_limit).replace(/,/g, ''),
    discount_pct: s(v.discount_pct).replace(/%$/, ''),
    buyback_pct: s(v.buyback_pct).replace(/%$/, ''),
    targets: (v.targets ?? []).map((x) => ({
      label: s(x?.label),
      from: s(x?.from),
      to: s(x?.to),
      amount: s(x?.amount).replace(/,/g, ''),
    })),
    ladder: (v.ladder ?? []).map((x) => ({
      threshold_pct: s(x?.threshold_pct).replace(/%$/, ''),
      rebate_pct: s(x?.rebate_pct).replace(/%$/, ''),
    })),
    special_clauses: (v.special_clauses ?? '').trim(),
  };
}

/** Column headings of a row list. */
