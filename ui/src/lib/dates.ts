import dayjs, { type Dayjs } from 'dayjs';

/** The date given with `--today` (from `app_info`), or null: the computer's calendar. */
let fixedToday: string | null = null;

export function setFixedToday(date: string | null | undefined): void {
  // A real calendar date only: 2031-02-30 would roll over into March.
  const real = !!date && /^\d{4}-\d{2}-\d{2}$/.test(date) && dayjs(date).format('YYYY-MM-DD') === date;
  fixedToday = real ? date : null;
}

/** Now on the office's calendar: the current time of day, on the `--today` date when one is given. */
export function officeNow(): Dayjs {
  const now = dayjs();
  if (!fixedToday) return now;
  const d = dayjs(fixedToday);
  return now.year(d.year()).month(d.month()).date(d.date());
}

/** Local date and time for a server timestamp (RFC 3339); unparseable text is shown as is. */
export function formatDateTime(s: string | null | undefined): string {
  if (!s) return '';
  const d = dayjs(s);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : s;
}

export function formatDate(s: string | null | undefined): string {
  if (!s) return '';
  const d = dayjs(s);
  return d.isValid() ? d.format('YYYY-MM-DD') : s;
}

export function today(): string {
  return officeNow().format('YYYY-MM-DD');
}
