import dayjs from 'dayjs';

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
  return dayjs().format('YYYY-MM-DD');
}
