import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';

import { officeNow, setFixedToday, today } from './dates';

describe('the office calendar', () => {
  afterEach(() => setFixedToday(null));

  it('is the computer’s calendar unless --today gave a date', () => {
    expect(today()).toBe(dayjs().format('YYYY-MM-DD'));
    setFixedToday('2031-07-09');
    expect(today()).toBe('2031-07-09');
    // The time of day stays the current one.
    expect(officeNow().format('HH')).toBe(dayjs().format('HH'));
  });

  it('ignores a date that is not one', () => {
    setFixedToday('2031-02-30');
    expect(today()).toBe(dayjs().format('YYYY-MM-DD'));
    setFixedToday('');
    expect(today()).toBe(dayjs().format('YYYY-MM-DD'));
  });
});
