import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';

import i18n from '../i18n';
import {
  ENTRY_KINDS,
  agingLabels,
  canReverse,
  checkAgingEdges,
  checkDate,
  checkDueDate,
  checkEntryAmount,
  checkPeriod,
  defaultPeriod,
  isEntryKind,
  isIsoDate,
  isNegativeMoney,
  isZeroMoney,
  kindLabel,
  kindOptions,
  reversalState,
  statementFileName,
} from './ledger';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('kind labels', () => {
  it('translates every kind in both languages', () => {
    expect(ENTRY_KINDS.map((k) => kindLabel(zh, k))).toEqual([
      '期初余额',
      '销售发票',
      '回款',
      '退货折让',
      '返利',
      '调整',
    ]);
    expect(ENTRY_KINDS.map((k) => kindLabel(en, k))).toEqual([
      'Opening balance',
      'Invoice',
      'Payment',
      'Credit note',
      'Rebate',
      'Adjustment',
    ]);
  });

  it('shows an unknown kind as is', () => {
    expect(kindLabel(en, 'barter')).toBe('barter');
  });

  it('builds select options with stable class names', () => {
    expect(kindOptions(en)[1]).toEqual({
      value: 'invoice',
      label: 'Invoice',
      className: 'kind-option-invoice',
    });
  });

  it('recognises kinds', () => {
    expect(isEntryKind('credit_note')).toBe(true);
    expect(isEntryKind('Invoice')).toBe(false);
    expect(isEntryKind(3)).toBe(false);
  });
});

describe('reversals', () => {
  it('tells reversed entries, reversals and plain entries apart', () => {
    expect(reversalState({ reverses_id: null, reversed_by_id: 9 })).toBe('reversed');
    expect(reversalState({ reverses_id: 4, reversed_by_id: null })).toBe('reversal');
    expect(reversalState({ reverses_id: null, reversed_by_id: null })).toBeNull();
    expect(canReverse({ reverses_id: null, reversed_by_id: null })).toBe(true);
    expect(canReverse({ reverses_id: null, reversed_by_id: 9 })).toBe(false);
    expect(canReverse({ reverses_id: 4, reversed_by_id: null })).toBe(false);
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-2-3')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026/01/01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('gives the server codes', () => {
    expect(checkDate('')).toEqual({ code: 'required' });
    expect(checkDate('31.12.2026')).toEqual({ code: 'date_format', detail: '31.12.2026' });
    expect(checkDate(' 2026-12-31 ')).toBeNull();
  });

  it('keeps the due date on or after the date', () => {
    expect(checkDueDate('', '2026-11-01')).toBeNull();
    expect(checkDueDate('2026-11-01', '2026-11-01')).toBeNull();
    expect(checkDueDate('2026-10-31', '2026-11-01')).toEqual({ code: 'due_before_date' });
    expect(checkDueDate('2026-11-1', '2026-10-31')).toBeNull();
    expect(checkDueDate('soon', '2026-11-01')).toEqual({ code: 'date_format', detail: 'soon' });
  });

  it('orders periods', () => {
    expect(checkPeriod('2026-01-01', '2026-12-31')).toBeNull();
    expect(checkPeriod('2026-12-31', '2026-01-01')).toEqual({ code: 'period_order' });
    expect(checkPeriod('x', '2026-01-01')).toBeNull();
  });

  it('defaults to this year up to today', () => {
    expect(defaultPeriod(dayjs('2026-11-22T10:00:00'))).toEqual({ from: '2026-01-01', to: '2026-11-22' });
  });
});

describe('checkEntryAmount', () => {
  it('requires a non-zero amount with at most two decimals', () => {
    expect(checkEntryAmount('', 'invoice')).toEqual({ code: 'required' });
    expect(checkEntryAmount('12.5.1', 'invoice')).toEqual({ code: 'money_invalid', detail: '12.5.1' });
    expect(checkEntryAmount('1.234', 'invoice')).toEqual({ code: 'money_too_precise', detail: '1.234' });
    expect(checkEntryAmount('1,5', 'invoice')).toEqual({ code: 'money_grouping', detail: '1,5' });
    expect(checkEntryAmount('1,000.50', 'invoice')).toBeNull();
    expect(checkEntryAmount('0.00', 'payment')).toEqual({ code: 'amount_zero' });
    expect(checkEntryAmount('1,234,567.50', 'invoice')).toBeNull();
    expect(checkEntryAmount('1.230', 'invoice')).toBeNull();
  });

  it('allows a negative amount only for adjustments', () => {
    expect(checkEntryAmount('-10', 'invoice')).toEqual({ code: 'amount_negative', detail: '-10' });
    expect(checkEntryAmount('-10', 'adjustment')).toBeNull();
  });

  it('refuses amounts the server would refuse, without float rounding', () => {
    expect(checkEntryAmount('1000000000000.00', 'invoice')).toBeNull();
    expect(checkEntryAmount('1000000000000.01', 'invoice')).toEqual({
      code: 'money_out_of_range',
      detail: '1000000000000.01',
    });
    expect(checkEntryAmount('0.1', 'invoice')).toBeNull();
  });
});

describe('money text', () => {
  it('reads signs and zero from the text', () => {
    expect(isNegativeMoney('-1,234.50')).toBe(true);
    expect(isNegativeMoney('-0.00')).toBe(false);
    expect(isNegativeMoney('12.00')).toBe(false);
    expect(isZeroMoney('0.00')).toBe(true);
    expect(isZeroMoney('-0')).toBe(true);
    expect(isZeroMoney('0.01')).toBe(false);
  });
});

describe('statements', () => {
  it('names the PDF after the code and period', () => {
    expect(statementFileName('DS00001', '2026-01-01', '2026-11-22')).toBe(
      'DS00001-2026-01-01-2026-11-22.pdf',
    );
    expect(statementFileName('A/B', '2026-01-01', '2026-01-31')).toBe('A_B-2026-01-01-2026-01-31.pdf');
  });

  it('labels aging buckets from the edges used', () => {
    expect(Object.values(agingLabels(zh, [30, 60, 90]))).toEqual([
      '未到期',
      '1–30 天',
      '31–60 天',
      '61–90 天',
      '90 天以上',
    ]);
    expect(agingLabels(en, [15, 45, 120])).toEqual({
      not_due: 'Not due',
      d1_30: '1–15 days',
      d31_60: '16–45 days',
      d61_90: '46–120 days',
      over_90: 'Over 120 days',
    });
  });

  it('checks the aging edges like the server', () => {
    expect(checkAgingEdges([30, 60, 90])).toBeNull();
    expect(checkAgingEdges([0, 60, 90])).toEqual({ code: 'aging_edges_order' });
    expect(checkAgingEdges([30, 30, 90])).toEqual({ code: 'aging_edges_order' });
    expect(checkAgingEdges([30, 60, 4000])).toEqual({ code: 'aging_edges_order' });
    expect(checkAgingEdges([30, null, 90])).toEqual({ code: 'required' });
  });
});
