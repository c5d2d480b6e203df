import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';

import {
  agreementPdfName,
  generatePeriods,
  lastFullQuarter,
  moneyToFen,
  sumMoney,
  territoryLabel,
} from './agreementLib';

describe('generatePeriods', () => {
  it('cuts a term into calendar years, clipped to the term', () => {
    expect(generatePeriods('annual', '2026-07-01', '2028-06-30')).toEqual([
      { label: '2026', from: '2026-07-01', to: '2026-12-31', amount: '' },
      { label: '2027', from: '2027-01-01', to: '2027-12-31', amount: '' },
      { label: '2028', from: '2028-01-01', to: '2028-06-30', amount: '' },
    ]);
  });

  it('cuts a term into quarters', () => {
    const rows = generatePeriods('quarterly', '2026-01-01', '2026-12-31');
    expect(rows?.map((r) => [r.label, r.from, r.to])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30'],
      ['2026-Q4', '2026-10-01', '2026-12-31'],
    ]);
  });

  it('cuts a term into months, with the month lengths of a leap year', () => {
    const rows = generatePeriods('monthly', '2028-01-20', '2028-03-5');
    expect(rows?.map((r) => [r.label, r.from, r.to])).toEqual([
      ['2028-01', '2028-01-20', '2028-01-31'],
      ['2028-02', '2028-02-01', '2028-02-29'],
      ['2028-03', '2028-03-01', '2028-03-05'],
    ]);
  });

  it('refuses a term that is not two dates in order', () => {
    expect(generatePeriods('quarterly', '2026-12-31', '2026-01-01')).toBeNull();
    expect(generatePeriods('quarterly', '2026-02-30', '2026-12-31')).toBeNull();
    expect(generatePeriods('annual', '', '2026-12-31')).toBeNull();
  });
});

describe('lastFullQuarter', () => {
  it('is the quarter before the current one', () => {
    expect(lastFullQuarter(dayjs('2026-11-23'))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastFullQuarter(dayjs('2026-01-01'))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(lastFullQuarter(dayjs('2026-04-01'))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});

describe('money sums', () => {
  it('adds decimal strings exactly', () => {
    expect(sumMoney(['0.10', '0.20', '1,000.05', null, ''])).toBe('1000.35');
    expect(sumMoney(['99999999999999.99', '0.01'])).toBe('100000000000000.00');
    expect(sumMoney(['-5.5', '2'])).toBe('-3.50');
    expect(moneyToFen('1.234')).toBeNull();
    expect(moneyToFen('12')).toBe(1200n);
  });
});

describe('labels', () => {
  it('names an area by its region or its administrative parts', () => {
    expect(territoryLabel({ province: '广东省', city: '深圳市', county: '', region: '' })).toBe(
      '广东省 深圳市',
    );
    expect(territoryLabel({ province: '', city: '', county: '', region: '华南大区' })).toBe('华南大区');
  });

  it('suggests the PDF name from number, version and language', () => {
    expect(agreementPdfName('HT-2026-0001', 2, 'en')).toBe('HT-2026-0001-v2-en.pdf');
  });
});
