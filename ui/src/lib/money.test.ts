import { describe, expect, it } from 'vitest';
import { formatMoney, ungroup } from './money';

describe('formatMoney', () => {
  it('groups thousands', () => {
    expect(formatMoney('1234567.89')).toBe('1,234,567.89');
    expect(formatMoney('1000.00')).toBe('1,000.00');
    expect(formatMoney('999.99')).toBe('999.99');
  });

  it('pads to two decimals', () => {
    expect(formatMoney('12345.6')).toBe('12,345.60');
    expect(formatMoney('5')).toBe('5.00');
    expect(formatMoney('0')).toBe('0.00');
  });

  it('keeps negative amounts and precision beyond float range', () => {
    expect(formatMoney('-1234.50')).toBe('-1,234.50');
    expect(formatMoney('92233720368547758.07')).toBe('92,233,720,368,547,758.07');
    expect(formatMoney('-0.00')).toBe('0.00');
  });

  it('accepts already grouped input and trims', () => {
    expect(formatMoney(' 1,234.5 ')).toBe('1,234.50');
  });

  it('leaves non-numbers alone', () => {
    expect(formatMoney('')).toBe('');
    expect(formatMoney('abc')).toBe('abc');
    expect(formatMoney('1e5')).toBe('1e5');
  });
});

describe('ungroup', () => {
  it('takes commas out only where they group thousands', () => {
    expect(ungroup('1,234.50')).toBe('1234.50');
    expect(ungroup('-12,345,678')).toBe('-12345678');
    expect(ungroup(' 1234.5 ')).toBe('1234.5');
    for (const bad of ['1,5', '12,34', '1,2345', ',123', '1234,567', '1.2,3'])
      expect(ungroup(bad), bad).toBeNull();
  });
});
