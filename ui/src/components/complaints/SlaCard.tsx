import { Card, Col, Flex, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Clock } from '../../bindings/Clock';
import type { Complaint } from '../../bindings/Complaint';
import {
  CLOCK_COLOR,
  CLOCK_STROKE,
  clockStateText,
  escalationColor,
  formatDuration,
  shortTime,
  timeLeftText,
  usedPercent,
} from '../../lib/complaints';

function ClockView({ id, title, clock }: { id: string; title: string; clock: Clock }) {
  const { t } = useTranslation();
  const left = timeLeftText(t, clock);
  const status =
    clock.state === 'breached' || clock.state === 'missed'
      ? 'exception'
      : clock.state === 'met'
        ? 'success'
        : 'normal';
  return (
    <div id={id} className="sla-clock" data-state={clock.state} data-paused={clock.paused ? '1' : '0'}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{title}</Typography.Text>
        <Tag id={`${id}-state`} color={CLOCK_COLOR[clock.state]} data-state={clock.state}>
          {clockStateText(t, clock)}
        </Tag>
      </Flex>
      <Progress
        percent={usedPercent(clock)}
        strokeColor={CLOCK_STROKE[clock.state]}
        status={status}
        format={(p) => t('sla.used', { pct: p ?? 0 })}
      />
      <div className="detail-meta">
        <div id={`${id}-left`}>
          {left ?? (clock.state === 'met' ? t('sla.stoppedInTime') : t('sla.stoppedLate'))}
        </div>
        <div id={`${id}-due`}>
          {clock.due_at
            ? t('sla.due', { at: shortTime(clock.due_at) })
            : clock.paused
              ? t('sla.dueNone')
              : t('common.none')}
        </div>
        <div>{t('sla.allowance', { duration: formatDuration(t, clock.allowance_secs) })}</div>
      </div>
    </div>
  );
}

/** The first response and resolution clocks and who the complaint is escalated to. */
export function SlaCard({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { sla } = complaint;
  const level = sla.escalation_level;
  return (
    <Card title={t('sla.title')} size="small" id="sla-card">
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12}>
          <ClockView id="sla-first-response" title={t('sla.first_response')} clock={sla.first_response} />
        </Col>
        <Col xs={24} md={12}>
          <ClockView id="sla-resolution" title={t('sla.resolution')} clock={sla.resolution} />
        </Col>
        <Col span={24}>
          <Flex gap={8} align="center" id="sla-escalation" data-level={level} wrap>
            <Typography.Text strong>{t('sla.escalation')}</Typography.Text>
            {level > 0 ? (
              <>
                <Tag color={escalationColor(level)} id="sla-escalation-level">
                  {t('sla.escalationTag', { level })}
                </Tag>
                <span id="sla-escalation-to">
                  {complaint.escalate_to
                    ? t('sla.escalationTo', { person: complaint.escalate_to })
                    : t('sla.escalationNobody')}
                </span>
              </>
            ) : (
              <span id="sla-escalation-level" className="muted">
                {t('sla.escalationNone')}
              </span>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sla.workingTimeHint')}
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}
