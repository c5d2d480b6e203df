import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';

import { lastEndedQuarter, previousQuarter, quarterOf, recentQuarters } from './quarters';

describe('quarters', () => {
  it('names the quarter of a date and steps back across years', () => {
    expect(quarterOf(dayjs('2026-03-31'))).toBe('2026Q1');
    expect(quarterOf(dayjs('2026-04-01'))).toBe('2026Q2');
    expect(previousQuarter('2026Q1')).toBe('2025Q4');
    expect(lastEndedQuarter(dayjs('2026-12-02'))).toBe('2026Q3');
    expect(recentQuarters(6, dayjs('2026-02-10'))).toEqual([
      '2026Q1',
      '2025Q4',
      '2025Q3',
      '2025Q2',
      '2025Q1',
      '2024Q4',
    ]);
  });
});
