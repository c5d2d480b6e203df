import { describe, expect, it } from 'vitest';
import { centiText, recommendTier, weightedTotalCenti } from './assessment';

const sc = (weight: number, score: number) => ({ weight, score });

describe('weighted total', () => {
  it('matches the server rounding', () => {
    expect(weightedTotalCenti([sc(25, 90), sc(75, 80)])).toBe(8250);
    expect(weightedTotalCenti([sc(1, 100), sc(2, 0)])).toBe(3333);
    expect(weightedTotalCenti([sc(1, 100), sc(1, 100), sc(1, 0)])).toBe(6667);
    expect(weightedTotalCenti([])).toBe(0);
  });
  it('formats hundredths', () => {
    expect(centiText(8250)).toBe('82.50');
    expect(centiText(5)).toBe('0.05');
    expect(centiText(10000)).toBe('100.00');
  });
  it('recommends a tier from the thresholds', () => {
    const t = { strategic_min: 85, core_min: 70 };
    expect(recommendTier(8500, t)).toBe('strategic');
    expect(recommendTier(8499, t)).toBe('core');
    expect(recommendTier(7000, t)).toBe('core');
    expect(recommendTier(6999, t)).toBe('basic');
  });
});
