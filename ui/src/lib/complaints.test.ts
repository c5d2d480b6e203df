import { describe, expect, it } from 'vitest';

import type { Clock } from '../bindings/Clock';
import type { Sla } from '../bindings/Sla';
import i18n from '../i18n';
import {
  CLOCK_COLOR,
  PRIORITY_COLOR,
  activeClock,
  attachmentName,
  checkCalendarRows,
  checkClockTime,
  checkOptionalDateTime,
  choiceLabel,
  clockStateText,
  formatDuration,
  isReopen,
  thisMonth,
  timeLeftText,
  transitionAction,
  transitionNeeds,
  usedPercent,
} from './complaints';
import { describeAppError, fieldErrorText } from './errors';
import dayjs from 'dayjs';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

function clock(c: Partial<Clock> = {}): Clock {
  return {
    allowance_secs: 8 * 3600,
    elapsed_secs: 3600,
    remaining_secs: 7 * 3600,
    due_at: '2026-11-23 17:00:00',
    state: 'on_track',
    running: true,
    paused: false,
    ...c,
  };
}

describe('time left', () => {
  it('formats working durations in hours and minutes', () => {
    expect(formatDuration(en, 2 * 3600 + 15 * 60)).toBe('2 h 15 min');
    expect(formatDuration(en, 3 * 3600)).toBe('3 h');
    expect(formatDuration(en, 45 * 60 + 59)).toBe('45 min');
    expect(formatDuration(en, 30)).toBe('< 1 min');
    expect(formatDuration(en, -(1 * 3600 + 30 * 60))).toBe('1 h 30 min');
    expect(formatDuration(zh, 2 * 3600 + 15 * 60)).toBe('2 小时 15 分');
  });

  it('says how long is left, how long overdue, or that the clock is paused', () => {
    expect(timeLeftText(en, clock({ remaining_secs: 2 * 3600 + 15 * 60 }))).toBe('2 h 15 min left');
    expect(timeLeftText(en, clock({ remaining_secs: -(3600 + 1800), state: 'breached' }))).toBe(
      'overdue 1 h 30 min',
    );
    expect(timeLeftText(en, clock({ paused: true, running: false, due_at: null }))).toBe('Paused');
    expect(timeLeftText(zh, clock({ remaining_secs: -600, state: 'breached' }))).toBe('已超时 10 分钟');
    expect(timeLeftText(zh, clock({ remaining_secs: 600 }))).toBe('剩余 10 分钟');
    // A stopped clock has no time left.
    expect(timeLeftText(en, clock({ state: 'met', running: false, due_at: null }))).toBeNull();
  });

  it('shows the used share of the allowance, capped at 100', () => {
    expect(usedPercent(clock({ elapsed_secs: 2 * 3600 }))).toBe(25);
    expect(usedPercent(clock({ elapsed_secs: 20 * 3600 }))).toBe(100);
    expect(usedPercent({ allowance_secs: 0, elapsed_secs: 0 })).toBe(0);
  });
});

describe('clock states', () => {
  it('labels each state in both languages, and adds paused', () => {
    expect(clockStateText(zh, clock())).toBe('正常');
    expect(clockStateText(zh, clock({ state: 'at_risk' }))).toBe('临近超时');
    expect(clockStateText(zh, clock({ state: 'breached' }))).toBe('已超时');
    expect(clockStateText(zh, clock({ state: 'met' }))).toBe('已达成');
    expect(clockStateText(zh, clock({ state: 'missed' }))).toBe('未达成');
    expect(clockStateText(en, clock({ state: 'at_risk' }))).toBe('At risk');
    expect(clockStateText(en, clock({ paused: true }))).toBe('On track · Paused');
    expect(clockStateText(zh, clock({ paused: true }))).toBe('正常 · 已暂停');
  });

  it('colours on track green, at risk orange, breached red; priorities P1 red to P4 grey', () => {
    expect(CLOCK_COLOR.on_track).toBe('green');
    expect(CLOCK_COLOR.at_risk).toBe('orange');
    expect(CLOCK_COLOR.breached).toBe('red');
    expect(PRIORITY_COLOR.p1).toBe('red');
    expect(PRIORITY_COLOR.p4).toBe('default');
  });

  it('follows the first response clock until it stops, then the resolution clock', () => {
    const sla: Sla = {
      first_response: clock({ state: 'at_risk' }),
      resolution: clock({ allowance_secs: 40 * 3600 }),
      escalation_level: 1,
    };
    expect(activeClock(sla)).toBe(sla.first_response);
    const responded = { ...sla, first_response: clock({ state: 'met', running: false }) };
    expect(activeClock(responded)).toBe(responded.resolution);
  });
});

describe('transitions', () => {
  it('names each move, with start, resume and reopen told apart', () => {
    expect(transitionAction('received', 'classified')).toBe('classify');
    expect(transitionAction('classified', 'responded')).toBe('respond');
    expect(transitionAction('responded', 'in_progress')).toBe('start');
    expect(transitionAction('responded', 'waiting_on_distributor')).toBe('wait');
    expect(transitionAction('waiting_on_distributor', 'in_progress')).toBe('resume');
    expect(transitionAction('waiting_on_distributor', 'responded')).toBe('resume');
    expect(transitionAction('in_progress', 'resolved')).toBe('resolve');
    expect(transitionAction('resolved', 'verified')).toBe('verify');
    expect(transitionAction('verified', 'closed')).toBe('close');
    expect(transitionAction('resolved', 'in_progress')).toBe('reopen');
    expect(transitionAction('closed', 'in_progress')).toBe('reopen');
    expect(isReopen('in_progress', 'waiting_on_distributor')).toBe(false);
  });

  it('asks each move for what the server requires', () => {
    expect(transitionNeeds('received', 'classified')).toMatchObject({
      category: true,
      priority: true,
      note: null,
    });
    expect(transitionNeeds('in_progress', 'resolved')).toMatchObject({
      resolution: true,
      rootCause: true,
      satisfaction: false,
    });
    expect(transitionNeeds('resolved', 'verified')).toMatchObject({
      confirmation: true,
      satisfaction: true,
      resolution: false,
    });
    expect(transitionNeeds('in_progress', 'waiting_on_distributor').note).toBe('required');
    expect(transitionNeeds('closed', 'in_progress').note).toBe('reopen_reason_required');
    expect(transitionNeeds('verified', 'closed')).toEqual({
      category: false,
      priority: false,
      resolution: false,
      rootCause: false,
      confirmation: false,
      satisfaction: false,
      note: null,
    });
  });
});

describe('inputs', () => {
  it('checks optional local times and HH:MM times', () => {
    expect(checkOptionalDateTime('')).toBeNull();
    expect(checkOptionalDateTime('2026-11-23 09:30')).toBeNull();
    expect(checkOptionalDateTime('2026-11-23 09:30:15')).toBeNull();
    expect(checkOptionalDateTime('2026-02-30 09:30')).toEqual({
      code: 'datetime_format',
      detail: '2026-02-30 09:30',
    });
    expect(checkOptionalDateTime('23.11.2026')?.code).toBe('datetime_format');
    expect(checkClockTime('09:00')).toBeNull();
    expect(checkClockTime('24:00')).toBeNull();
    expect(checkClockTime('9.00')?.code).toBe('time_format');
    expect(checkClockTime('')?.code).toBe('required');
  });

  it('finds calendar dates that are malformed or entered twice', () => {
    expect(
      checkCalendarRows([
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-1', kind: 'holiday', name: '' },
        { date: '2026-13-01', kind: 'workday', name: '' },
      ]),
    ).toEqual([
      { row: 2, field: 'date', code: 'duplicate', detail: '2026-10-1' },
      { row: 3, field: 'date', code: 'date_format', detail: '2026-13-01' },
    ]);
  });

  it('labels settings choices in the UI language', () => {
    const choices = [{ key: 'quality', label_zh: '产品质量', label_en: 'Quality' }];
    expect(choiceLabel(choices, 'quality', 'zh-CN')).toBe('产品质量');
    expect(choiceLabel(choices, 'quality', 'en')).toBe('Quality');
    expect(choiceLabel(choices, 'gone', 'en')).toBe('gone');
    expect(choiceLabel([{ key: 'x', label_zh: '仅中文', label_en: '' }], 'x', 'en')).toBe('仅中文');
  });

  it('defaults the report to this month', () => {
    expect(thisMonth(dayjs('2026-02-14'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});

describe('complaint errors', () => {
  it('translates an illegal complaint transition with complaint status names', () => {
    expect(describeAppError({ kind: 'illegal_transition', from: 'closed', to: 'resolved' }, zh).message).toBe(
      '不允许从「已关闭」变更为「已解决」',
    );
  });

  it('uses a field-specific wording where the general one would mislead', () => {
    expect(fieldErrorText(en, 'score_range', null, 'satisfaction')).toBe(
      'Satisfaction is a score from 1 to 5',
    );
    expect(fieldErrorText(zh, 'before_last_entry', '2026-11-23 10:00:00', 'at')).toBe(
      '不能早于上一条记录（2026-11-23 10:00:00）',
    );
    expect(fieldErrorText(zh, 'period_order', null, 'working_periods.1')).toBe(
      '结束时间必须晚于开始时间，且时段按先后顺序不重叠',
    );
    // Without a field-specific wording the general one stays.
    expect(fieldErrorText(en, 'required', null, 'description')).toBe('Required');
  });
});

describe('complaint translations', () => {
  it('has a message for every complaint error code and a label for every field, in both languages', () => {
    const codes = [
      'required',
      'invalid_choice',
      'too_long',
      'datetime_format',
      'in_future',
      'before_last_entry',
      'score_range',
      'reopen_reason_required',
      'sla_order',
      'period_order',
      'time_format',
      'duplicate_or_empty',
      'out_of_range',
      'date_format',
      'header_missing',
      'duplicate',
      'file_type',
    ];
    const fields = [
      'channel',
      'priority',
      'description',
      'category',
      'product',
      'batch_no',
      'assignee',
      'received_at',
      'at',
      'to',
      'resolution',
      'root_cause',
      'confirmation',
      'satisfaction',
      'note',
      'text',
      'from',
      'path',
      'distributor_id',
      'working_periods',
      'working_weekdays',
      'utc_offset_minutes',
      'categories',
      'root_causes',
    ];
    for (const lng of ['zh-CN', 'en']) {
      for (const c of codes) expect(i18n.exists(`errors.${c}`, { lng }), `${lng} errors.${c}`).toBe(true);
      for (const f of fields) expect(i18n.exists(`fields.${f}`, { lng }), `${lng} fields.${f}`).toBe(true);
    }
  });
});

describe('attachmentName', () => {
  it('drops the time-stamp prefix of a stored attachment', () => {
    expect(attachmentName('20261102093000123-破损照片 1.jpg')).toBe('破损照片 1.jpg');
    expect(attachmentName('plain.pdf')).toBe('plain.pdf');
  });
});
