// Calendar quarters as the scorecards name them: `2026Q1`.
import type { Dayjs } from 'dayjs';

import { officeNow } from './dates';

export function quarterOf(d: Dayjs): string {
  return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
}

/** The quarter before `q`. */
export function previousQuarter(q: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(q);
  if (!m) return q;
  const [year, n] = [Number(m[1]), Number(m[2])];
  return n === 1 ? `${year - 1}Q4` : `${year}Q${n - 1}`;
}

/** The current quarter and the `count - 1` before it, newest first. */
export function recentQuarters(count: number, now: Dayjs = officeNow()): string[] {
  const out = [quarterOf(now)];
  while (out.length < count) out.push(previousQuarter(out[out.length - 1]));
  return out;
}

/** The last quarter that has ended: the one a review is usually for. */
export function lastEndedQuarter(now: Dayjs = officeNow()): string {
  return previousQuarter(quarterOf(now));
}
