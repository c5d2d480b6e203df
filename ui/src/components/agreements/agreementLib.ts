// Pure helpers of the agreement and rebate screens: labels, target periods,
// default periods and money sums (decimal strings, never floats).
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';

import type { AgreementKind } from '../../bindings/AgreementKind';
import type { AgreementStatus } from '../../bindings/AgreementStatus';
import type { AppError } from '../../bindings/AppError';
import type { PaymentMethod } from '../../bindings/PaymentMethod';
import type { TargetInput } from '../../bindings/TargetInput';
import type { Territory } from '../../bindings/Territory';
import { appErrorMessage } from '../../lib/errors';
import { isIsoDate } from '../../lib/ledger';
import { officeNow } from '../../lib/dates';

export const AGREEMENT_STATUSES: AgreementStatus[] = [
  'draft',
  'awaiting_signature',
  'signed',
  'active',
  'expired',
  'terminated',
  'superseded',
];

export const PAYMENT_METHODS: PaymentMethod[] = ['bank_transfer', 'acceptance', 'prepayment', 'other'];

export const AGREEMENT_STATUS_COLOR: Record<AgreementStatus, string> = {
  draft: 'default',
  awaiting_signature: 'processing',
  signed: 'cyan',
  active: 'success',
  expired: 'warning',
  terminated: 'error',
  superseded: 'default',
};

/** Days before the end of the term from which the list highlights an agreement. */
export const EXPIRY_WARNING_DAYS = 60;

export function agreementStatusLabel(t: TFunction, s: string): string {
  return t(`agreement.status.${s}`, { defaultValue: s });
}

export function agreementKindLabel(t: TFunction, k: AgreementKind | string): string {
  return t(`agreement.kind.${k}`, { defaultValue: k });
}

export function paymentMethodLabel(t: TFunction, m: PaymentMethod | string): string {
  return t(`agreement.paymentMethod.${m}`, { defaultValue: m });
}

/** A sales region, or "province city county" (an empty city or county means all of it). */
export function territoryLabel(tr: Territory): string {
  if (tr.region.trim()) return tr.region.trim();
  return [tr.province, tr.city, tr.county]
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' ');
}

export const emptyTerritory = (): Territory => ({ province: '', city: '', county: '', region: '' });

export type PeriodKind = 'annual' | 'quarterly' | 'monthly';
export const PERIOD_KINDS: PeriodKind[] = ['annual', 'quarterly', 'monthly'];

const FMT = 'YYYY-MM-DD';

/** `YYYY-M-D` → a day, or null. */
function day(v: string): Dayjs | null {
  if (!isIsoDate(v)) return null;
  const [y, m, d] = v.trim().split('-').map(Number);
  return dayjs(new Date(y, m - 1, d));
}

/**
 * One target row per calendar year, quarter or month that the term touches,
 * clipped to the term; labels `2026`, `2026-Q1`, `2026-03`. Amounts are left
 * empty. Null when the term is not two dates in order.
 */
export function generatePeriods(kind: PeriodKind, termStart: string, termEnd: string): TargetInput[] | null {
  const start = day(termStart);
  const end = day(termEnd);
  if (!start || !end || end.isBefore(start)) return null;
  const months = kind === 'annual' ? 12 : kind === 'quarterly' ? 3 : 1;
  // The calendar period that contains the start.
  const firstMonth = Math.floor(start.month() / months) * months;
  let cursor = dayjs(new Date(start.year(), firstMonth, 1));
  const rows: TargetInput[] = [];
  while (!cursor.isAfter(end)) {
    const next = cursor.add(months, 'month');
    const periodEnd = next.subtract(1, 'day');
    const from = cursor.isBefore(start) ? start : cursor;
    const to = periodEnd.isAfter(end) ? end : periodEnd;
    const label =
      kind === 'annual'
        ? cursor.format('YYYY')
        : kind === 'quarterly'
          ? `${cursor.year()}-Q${Math.floor(cursor.month() / 3) + 1}`
          : cursor.format('YYYY-MM');
    rows.push({ label, from: from.format(FMT), to: to.format(FMT), amount: '' });
    cursor = next;
  }
  return rows;
}

/** The last calendar quarter that has ended before `now`. */
export function lastFullQuarter(now: Dayjs = officeNow()): { from: string; to: string } {
  const thisQuarterStart = dayjs(new Date(now.year(), Math.floor(now.month() / 3) * 3, 1));
  const from = thisQuarterStart.subtract(3, 'month');
  return { from: from.format(FMT), to: thisQuarterStart.subtract(1, 'day').format(FMT) };
}

const MONEY_RE = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A money string in fen, or null when it is not a plain decimal with at most two decimals. */
export function moneyToFen(s: string): bigint | null {
  const m = MONEY_RE.exec(s.trim().replace(/,/g, ''));
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const [, sign, int, frac = ''] = m;
  const significant = frac.replace(/0+$/, '');
  if (significant.length > 2) return null;
  const fen = BigInt(int || '0') * 100n + BigInt(significant.padEnd(2, '0') || '0');
  return sign === '-' ? -fen : fen;
}

export function fenToMoney(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const int = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** The sum of money strings; blank or unreadable ones count as zero. */
export function sumMoney(values: readonly (string | null | undefined)[]): string {
  let total = 0n;
  for (const v of values) {
    if (!v) continue;
    total += moneyToFen(v) ?? 0n;
  }
  return fenToMoney(total);
}

/** The suggested PDF name: `<number>-v<version>-<lang>.pdf`. */
export function agreementPdfName(number: string, version: number, lang: string): string {
  const safe = number.trim().replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${safe}-v${version}-${lang}.pdf`;
}

/** Server field names the agreement editor shows next to a field or under a table. */
export const EDITOR_FIELDS = new Set([
  'territories',
  'exclusive',
  'term_start',
  'term_end',
  'payment_days',
  'payment_method',
  'credit_limit',
  'discount_pct',
  'buyback_pct',
  'targets',
  'ladder',
  'special_clauses',
]);

/**
 * An error of an agreement command as text: status moves and missing records
 * name the agreement's own statuses and entities.
 */
export function agreementErrorMessage(err: AppError, t: TFunction): string {
  if (err.kind === 'illegal_transition') {
    return t('agreement.errors.illegalTransition', {
      from: agreementStatusLabel(t, err.from),
      to: t(`agreement.errors.move.${err.to}`, { defaultValue: agreementStatusLabel(t, err.to) }),
    });
  }
  if (err.kind === 'not_found' && (err.entity === 'agreement' || err.entity === 'scan')) {
    return t(`agreement.errors.notFound.${err.entity}`, { id: err.id });
  }
  return appErrorMessage(err, t);
}
