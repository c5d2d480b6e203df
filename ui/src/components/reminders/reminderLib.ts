// What the reminders page and its parts share: the record type, where a
// finance reminder's record is, an end window's colour and the certificate test.
import type { CentreItem } from '../../bindings/CentreItem';
import type { ReminderKind } from '../../bindings/ReminderKind';

export type Reminder = CentreItem;

/** Where a finance reminder's record is: the distributor's tab that shows it. */
export const FINANCE_TAB: Partial<Record<ReminderKind, string>> = {
  promise_broken: 'collections',
  confirmation_unanswered: 'statement',
  statement_disputed: 'statement',
  balance_overdue: 'statement',
  over_credit_limit: 'statement',
};

/** The colour of an agreement's end window: the nearer, the louder. */
export function windowColor(window: number): string {
  if (window <= 7) return 'red';
  if (window <= 30) return 'orange';
  return 'blue';
}

/** A certificate reminder carries the course and the person, to plan a session for them. */
export function isCertificate(r: Reminder): boolean {
  return r.kind === 'certificate_expiring' || r.kind === 'certificate_expired';
}
