// Ledger and statement helpers: kind labels, client-side mirrors of the
// server's entry checks (core/src/ledger/mod.rs), periods and aging labels.
// Amounts stay decimal strings; checks count in fen with BigInt, never floats.
import { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';

import type { EntryKind } from '../bindings/EntryKind';
import type { LedgerEntry } from '../bindings/LedgerEntry';
import type { FieldProblem } from './validation';
import { officeNow } from './dates';
import { ungroup } from './money';

export const ENTRY_KINDS: EntryKind[] = [
  'opening',
  'invoice',
  'payment',
  'credit_note',
  'rebate',
  'adjustment',
];

/** Kinds that raise what the distributor owes (debit); the others lower it, adjustments go either way. */
export const DEBIT_KINDS: EntryKind[] = ['opening', 'invoice'];

export function isEntryKind(v: unknown): v is EntryKind {
  return typeof v === 'string' && (ENTRY_KINDS as string[]).includes(v);
}

/** The translated name of an entry kind; unknown text is shown as is. */
export function kindLabel(t: TFunction, kind: string): string {
  return t(`entryKind.${kind}`, { defaultValue: kind });
}

/** Select options for every kind, in ledger order. */
export function kindOptions(t: TFunction): { value: EntryKind; label: string; className: string }[] {
  return ENTRY_KINDS.map((k) => ({ value: k, label: kindLabel(t, k), className: `kind-option-${k}` }));
}

/** How an entry relates to reversals: reversed by a later entry, itself a reversal, or neither. */
export function reversalState(
  e: Pick<LedgerEntry, 'reverses_id' | 'reversed_by_id'>,
): 'reversal' | 'reversed' | null {
  if (e.reverses_id !== null) return 'reversal';
  if (e.reversed_by_id !== null) return 'reversed';
  return null;
}

/** Only an entry that is neither reversed nor a reversal itself can be reversed. */
export function canReverse(e: Pick<LedgerEntry, 'reverses_id' | 'reversed_by_id'>): boolean {
  return reversalState(e) === null;
}

const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A real calendar date written YYYY-MM-DD (month and day may have one digit, as the server accepts). */
export function isIsoDate(v: string): boolean {
  const m = DATE_RE.exec(v.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** A required date. */
export function checkDate(v: string | null | undefined): FieldProblem | null {
  if (blank(v)) return { code: 'required' };
  return isIsoDate(v as string) ? null : { code: 'date_format', detail: (v as string).trim() };
}

/** An optional date. */
export function checkOptionalDate(v: string | null | undefined): FieldProblem | null {
  return blank(v) ? null : checkDate(v);
}

/** `YYYY-MM-DD` texts compare as dates once padded. */
function dateKey(v: string): string {
  const m = DATE_RE.exec(v.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : v.trim();
}

/** The due date must not fall before the entry date (both optional here; other checks cover format). */
export function checkDueDate(
  due: string | null | undefined,
  date: string | null | undefined,
): FieldProblem | null {
  const problem = checkOptionalDate(due);
  if (problem) return problem;
  if (blank(due) || blank(date) || !isIsoDate(date as string)) return null;
  return dateKey(due as string) < dateKey(date as string) ? { code: 'due_before_date' } : null;
}

/** A period's end must not come before its start. */
export function checkPeriod(from: string, to: string): FieldProblem | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return null;
  return dateKey(to) < dateKey(from) ? { code: 'period_order' } : null;
}

/** Largest amount of one entry the server accepts: 1,000,000,000,000.00 in fen. */
const MAX_ENTRY_FEN = 100_000_000_000_000n;

/**
 * An entry amount: required, at most two decimals, not zero, and negative only
 * for adjustments. Thousands separators are allowed, as on the server.
 */
export function checkEntryAmount(
  v: string | null | undefined,
  kind: EntryKind | null | undefined,
): FieldProblem | null {
  if (blank(v)) return { code: 'required' };
  const raw = (v as string).trim();
  const s = ungroup(raw);
  if (s === null) return { code: 'money_grouping', detail: raw };
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { code: 'money_invalid', detail: raw };
  const [, sign, int, frac = ''] = m;
  const significantFrac = frac.replace(/0+$/, '');
  if (significantFrac.length > 2) return { code: 'money_too_precise', detail: raw };
  const fen = BigInt(int || '0') * 100n + BigInt(significantFrac.padEnd(2, '0'));
  if (fen === 0n) return { code: 'amount_zero' };
  if (sign === '-' && kind && kind !== 'adjustment') return { code: 'amount_negative', detail: raw };
  if (fen > MAX_ENTRY_FEN) return { code: 'money_out_of_range', detail: raw };
  return null;
}

/** Whether a money string is below zero (text only, no arithmetic). */
export function isNegativeMoney(s: string): boolean {
  return /^\s*-\s*[\d,]*\.?\d*\s*$/.test(s) && /[1-9]/.test(s);
}

/** Whether a money string is zero, e.g. "0", "0.00", "-0.0". */
export function isZeroMoney(s: string): boolean {
  return !/[1-9]/.test(s);
}

export type Period = { from: string; to: string };

/** The default statement period: 1 January of this year to today. */
export function defaultPeriod(now: Dayjs = officeNow()): Period {
  return { from: now.startOf('year').format('YYYY-MM-DD'), to: now.format('YYYY-MM-DD') };
}

/** The suggested file name of one statement, `<code>-<from>-<to>.pdf`. */
export function statementFileName(code: string, from: string, to: string): string {
  const safe = (s: string) => s.trim().replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${safe(code)}-${safe(from)}-${safe(to)}.pdf`;
}

export type AgingBucket = 'not_due' | 'd1_30' | 'd31_60' | 'd61_90' | 'over_90';
export const AGING_BUCKETS: AgingBucket[] = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'over_90'];

/**
 * The five aging buckets' labels from the edges actually used, e.g. [30, 60, 90]
 * → Not due, 1–30 days, 31–60 days, 61–90 days, over 90 days. `t` may be fixed
 * to the statement's language.
 */
export function agingLabels(
  t: TFunction,
  edges: readonly [number, number, number],
): Record<AgingBucket, string> {
  const [a, b, c] = edges;
  const range = (from: number, to: number) => t('statement.agingRange', { from, to });
  return {
    not_due: t('statement.agingNotDue'),
    d1_30: range(1, a),
    d31_60: range(a + 1, b),
    d61_90: range(b + 1, c),
    over_90: t('statement.agingOver', { days: c }),
  };
}

/** Edges must rise strictly, from at least 1 day to at most 3650 (same rule as the server). */
export function checkAgingEdges(edges: readonly (number | null | undefined)[]): FieldProblem | null {
  const [a, b, c] = edges;
  if (a == null || b == null || c == null) return { code: 'required' };
  return a >= 1 && a < b && b < c && c <= 3650 ? null : { code: 'aging_edges_order' };
}
