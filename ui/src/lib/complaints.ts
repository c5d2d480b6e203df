// Complaint (客诉) helpers: the lifecycle's labels, what each move asks for
// (a mirror of core/src/complaint/mod.rs), SLA clock texts and colours.
import { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';

import type { Channel } from '../bindings/Channel';
import type { Choice } from '../bindings/Choice';
import type { Clock } from '../bindings/Clock';
import type { ClockState } from '../bindings/ClockState';
import type { ComplaintStatus } from '../bindings/ComplaintStatus';
import type { Priority } from '../bindings/Priority';
import type { RowError } from '../bindings/RowError';
import type { CalendarDay } from '../bindings/CalendarDay';
import type { Sla } from '../bindings/Sla';
import { isIsoDate } from './ledger';
import type { FieldProblem } from './validation';
import { officeNow } from './dates';

export const COMPLAINT_STATUSES: ComplaintStatus[] = [
  'received',
  'classified',
  'responded',
  'in_progress',
  'waiting_on_distributor',
  'resolved',
  'verified',
  'closed',
];

export const PRIORITIES: Priority[] = ['p1', 'p2', 'p3', 'p4'];

export const CHANNELS: Channel[] = ['phone', 'visit', 'email', 'wechat', 'other'];

/** Statuses after which the complaint counts as done (the knowledge base). */
export const FINISHED_STATUSES: ComplaintStatus[] = ['resolved', 'verified', 'closed'];

/** P1 red … P4 grey. */
export const PRIORITY_COLOR: Record<Priority, string> = {
  p1: 'red',
  p2: 'orange',
  p3: 'blue',
  p4: 'default',
};

export const STATUS_COLOR: Record<ComplaintStatus, string> = {
  received: 'default',
  classified: 'geekblue',
  responded: 'cyan',
  in_progress: 'processing',
  waiting_on_distributor: 'warning',
  resolved: 'success',
  verified: 'green',
  closed: 'default',
};

/** On track green, at risk orange, breached red; a stopped clock is met (cyan) or missed (volcano). */
export const CLOCK_COLOR: Record<ClockState, string> = {
  on_track: 'green',
  at_risk: 'orange',
  breached: 'red',
  met: 'cyan',
  missed: 'volcano',
};

/** The colour of the used-time bar. */
export const CLOCK_STROKE: Record<ClockState, string> = {
  on_track: '#52c41a',
  at_risk: '#fa8c16',
  breached: '#f5222d',
  met: '#13c2c2',
  missed: '#fa541c',
};

/** Colour of the escalation level tag, 1 to 3. */
export function escalationColor(level: number): string {
  return level >= 3 ? 'magenta' : level === 2 ? 'red' : 'orange';
}

export function complaintStatusLabel(t: TFunction, s: string): string {
  return t(`complaintStatus.${s}`, { defaultValue: s });
}

export function priorityLabel(p: string): string {
  return p.toUpperCase();
}

export function channelLabel(t: TFunction, c: string): string {
  return t(`channel.${c}`, { defaultValue: c });
}

export function isFinishedClock(c: Pick<Clock, 'state'>): boolean {
  return c.state === 'met' || c.state === 'missed';
}

/**
 * The clock that matters now: the first response clock until it stops, then
 * the resolution clock (which is also the one shown once both have stopped).
 */
export function activeClock(sla: Sla): Clock {
  return isFinishedClock(sla.first_response) ? sla.resolution : sla.first_response;
}

/** `2 h 15 min`, `45 min`, `3 h`; under a minute `< 1 min`. Sign is ignored. */
export function formatDuration(t: TFunction, secs: number): string {
  const minutes = Math.floor(Math.abs(secs) / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h > 0 && m > 0) return t('duration.hm', { h, m });
  if (h > 0) return t('duration.h', { h });
  if (m > 0) return t('duration.m', { m });
  return t('duration.lt1m');
}

/** "2 h 15 min left", "overdue 1 h 30 min", "Paused"; null for a clock that has stopped. */
export function timeLeftText(t: TFunction, c: Clock): string | null {
  if (c.paused) return t('sla.paused');
  if (isFinishedClock(c)) return null;
  return c.remaining_secs >= 0
    ? t('sla.left', { duration: formatDuration(t, c.remaining_secs) })
    : t('sla.overdue', { duration: formatDuration(t, c.remaining_secs) });
}

export function clockStateLabel(t: TFunction, s: ClockState): string {
  return t(`sla.state.${s}`);
}

/** The clock's state, and "Paused" after it while paused: "正常 · 已暂停". */
export function clockStateText(t: TFunction, c: Clock): string {
  const state = clockStateLabel(t, c.state);
  return c.paused ? t('sla.statePaused', { state }) : state;
}

/** Share of the allowance used, 0–100 (an overdue clock shows 100). */
export function usedPercent(c: Pick<Clock, 'allowance_secs' | 'elapsed_secs'>): number {
  if (c.allowance_secs <= 0) return c.elapsed_secs > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((c.elapsed_secs / c.allowance_secs) * 100)));
}

// ---- transitions ----

export type TransitionAction =
  'classify' | 'respond' | 'wait' | 'start' | 'resume' | 'reopen' | 'resolve' | 'verify' | 'close';

/** A move back to work from a finished complaint reopens it. */
export function isReopen(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return (to === 'in_progress' || to === 'waiting_on_distributor') && FINISHED_STATUSES.includes(from);
}

/** The name of the button that moves `from` → `to`. */
export function transitionAction(from: ComplaintStatus, to: ComplaintStatus): TransitionAction {
  if (isReopen(from, to)) return 'reopen';
  if (from === 'waiting_on_distributor' && to !== 'resolved') return 'resume';
  switch (to) {
    case 'classified':
      return 'classify';
    case 'responded':
      return 'respond';
    case 'waiting_on_distributor':
      return 'wait';
    case 'in_progress':
      return 'start';
    case 'resolved':
      return 'resolve';
    case 'verified':
      return 'verify';
    case 'closed':
      return 'close';
    case 'received':
      return 'reopen';
  }
}

export type TransitionNeeds = {
  /** Classifying: category (required, current one by default) and priority. */
  category: boolean;
  priority: boolean;
  /** Resolving: resolution and root cause (required) and a root cause note (optional). */
  resolution: boolean;
  rootCause: boolean;
  /** Verifying: the distributor's confirmation and a 1–5 score (both required). */
  confirmation: boolean;
  satisfaction: boolean;
  /** Whether the note is required, and the error code the server gives without one. */
  note: 'required' | 'reopen_reason_required' | null;
};

/** The fields a move asks for (the same rules as the server's `transition`). */
export function transitionNeeds(from: ComplaintStatus, to: ComplaintStatus): TransitionNeeds {
  const none: TransitionNeeds = {
    category: false,
    priority: false,
    resolution: false,
    rootCause: false,
    confirmation: false,
    satisfaction: false,
    note: null,
  };
  if (isReopen(from, to)) return { ...none, note: 'reopen_reason_required' };
  switch (to) {
    case 'classified':
      return { ...none, category: true, priority: true };
    case 'resolved':
      return { ...none, resolution: true, rootCause: true };
    case 'verified':
      return { ...none, confirmation: true, satisfaction: true };
    case 'waiting_on_distributor':
      return { ...none, note: 'required' };
    default:
      return none;
  }
}

// ---- settings choices ----

/** A category or root cause in the UI language (the other language if this one is blank; else the key). */
export function choiceLabel(choices: Choice[] | undefined, key: string, language: string): string {
  if (!key) return '';
  const c = choices?.find((x) => x.key === key);
  if (!c) return key;
  const zh = language.toLowerCase().startsWith('zh');
  const [first, second] = zh ? [c.label_zh, c.label_en] : [c.label_en, c.label_zh];
  return first.trim() || second.trim() || c.key;
}

export function choiceOptions(
  choices: Choice[] | undefined,
  language: string,
  prefix: string,
): { value: string; label: string; className: string }[] {
  return (choices ?? []).map((c) => ({
    value: c.key,
    label: choiceLabel(choices, c.key, language),
    className: `${prefix}-option-${c.key}`,
  }));
}

// ---- times ----

const DATETIME_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** A local `YYYY-MM-DD HH:MM` (seconds allowed) that names a real minute. */
export function isLocalDateTime(v: string): boolean {
  const m = DATETIME_RE.exec(v.trim());
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** An optional time: empty means now. */
export function checkOptionalDateTime(v: string | null | undefined): FieldProblem | null {
  if (v === undefined || v === null || v.trim() === '') return null;
  return isLocalDateTime(v) ? null : { code: 'datetime_format', detail: v.trim() };
}

/** `HH:MM` from 00:00 to 24:00. */
export function isClockTime(v: string): boolean {
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m) return false;
  const [h, mi] = [Number(m[1]), Number(m[2])];
  return (h < 24 && mi < 60) || (h === 24 && mi === 0);
}

export function checkClockTime(v: string | null | undefined): FieldProblem | null {
  if (v === undefined || v === null || v.trim() === '') return { code: 'required' };
  return isClockTime(v) ? null : { code: 'time_format', detail: v.trim() };
}

/** Minutes since midnight of a valid `HH:MM`. */
export function clockMinutes(v: string): number {
  const [h, m] = v.trim().split(':').map(Number);
  return h * 60 + m;
}

/** `YYYY-MM-DD HH:MM:SS` → `YYYY-MM-DD HH:MM`. */
export function shortTime(s: string | null | undefined): string {
  if (!s) return '';
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) ? s.slice(0, 16) : s;
}

/** This month, first to last day. */
export function thisMonth(now: Dayjs = officeNow()): { from: string; to: string } {
  return {
    from: now.startOf('month').format('YYYY-MM-DD'),
    to: now.endOf('month').format('YYYY-MM-DD'),
  };
}

/** Hours with at most one decimal, or the none mark. */
export function formatHours(v: number | null | undefined, none: string): string {
  return v === null || v === undefined ? none : String(Math.round(v * 10) / 10);
}

export function formatPct(v: number | null | undefined, none: string): string {
  return v === null || v === undefined ? none : `${Math.round(v * 10) / 10}%`;
}

// ---- business calendar ----

/** Rows the server would refuse: dates that are not dates, and dates entered twice. */
export function checkCalendarRows(rows: CalendarDay[]): RowError[] {
  const errors: RowError[] = [];
  const seen = new Set<string>();
  rows.forEach((d, i) => {
    const date = d.date.trim();
    if (!isIsoDate(date)) {
      errors.push({
        row: i + 1,
        field: 'date',
        code: date ? 'date_format' : 'required',
        detail: date || null,
      });
      return;
    }
    const [y, m, day] = date.split('-').map(Number);
    const key = `${y}-${m}-${day}`;
    if (seen.has(key)) errors.push({ row: i + 1, field: 'date', code: 'duplicate', detail: date });
    seen.add(key);
  });
  return errors;
}

/** The file name a person gave an attachment: the stored name without its time-stamp prefix. */
export function attachmentName(stored: string): string {
  const m = /^\d{17}-(.+)$/.exec(stored);
  return m ? m[1] : stored;
}
