import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Clock } from '../../bindings/Clock';
import type { ComplaintStatus } from '../../bindings/ComplaintStatus';
import type { Priority } from '../../bindings/Priority';
import {
  CLOCK_COLOR,
  PRIORITY_COLOR,
  STATUS_COLOR,
  clockStateText,
  complaintStatusLabel,
  escalationColor,
  priorityLabel,
  timeLeftText,
} from '../../lib/complaints';

export function PriorityTag({ priority, id }: { priority: Priority; id?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`priority.${priority}`)}>
      <Tag id={id} color={PRIORITY_COLOR[priority]} data-priority={priority} className="priority-tag">
        {priorityLabel(priority)}
      </Tag>
    </Tooltip>
  );
}

export function ComplaintStatusTag({ status, id }: { status: ComplaintStatus; id?: string }) {
  const { t } = useTranslation();
  return (
    <Tag id={id} color={STATUS_COLOR[status]} data-status={status} variant="filled">
      {complaintStatusLabel(t, status)}
    </Tag>
  );
}

/** The state of a clock as a coloured tag: on track, at risk, breached; met or missed once stopped. */
export function SlaBadge({ clock, id }: { clock: Clock; id?: string }) {
  const { t } = useTranslation();
  return (
    <Tag id={id} color={CLOCK_COLOR[clock.state]} data-state={clock.state} className="sla-badge">
      {clockStateText(t, clock)}
    </Tag>
  );
}

/** "2 h 15 min left", "overdue 1 h 30 min" or "Paused"; nothing for a stopped clock. */
export function TimeLeft({ clock, id }: { clock: Clock; id?: string }) {
  const { t } = useTranslation();
  const text = timeLeftText(t, clock);
  if (text === null) return <span id={id} />;
  const type = clock.paused
    ? 'secondary'
    : clock.remaining_secs < 0
      ? 'danger'
      : clock.state === 'at_risk'
        ? 'warning'
        : undefined;
  return (
    <Typography.Text id={id} type={type} className="time-left">
      {text}
    </Typography.Text>
  );
}

/** "L2 · 张经理" when the complaint is escalated; nothing at level 0. */
export function EscalationTag({ level, to, id }: { level: number; to: string | null; id?: string }) {
  const { t } = useTranslation();
  if (level <= 0) return null;
  return (
    <Tag id={id} color={escalationColor(level)} data-level={level} className="escalation-tag">
      {to ? t('sla.escalationTagTo', { level, person: to }) : t('sla.escalationTag', { level })}
    </Tag>
  );
}
