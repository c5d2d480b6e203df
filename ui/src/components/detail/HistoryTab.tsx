import { Card, Col, Empty, Row, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { StatusChange } from '../../bindings/StatusChange';
import type { TierChange } from '../../bindings/TierChange';
import { useTierLabel } from '../../hooks/useTierLabel';
import { formatDate, formatDateTime } from '../../lib/dates';

type Props = { statusHistory: StatusChange[]; tierHistory: TierChange[] };

export function HistoryTab({ statusHistory, tierHistory }: Props) {
  const { t } = useTranslation();
  const tierLabel = useTierLabel();
  const statuses = [...statusHistory].sort((a, b) => a.id - b.id);
  const tiers = [...tierHistory].sort((a, b) => a.id - b.id);
  const firstId = statuses[0]?.id;

  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card title={t('history.status')} size="small" id="status-history">
          {statuses.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.emptyStatus')} />
          ) : (
            <Timeline
              items={statuses.map((s) => {
                const created = s.from === null || s.id === firstId || s.from === s.to;
                return {
                  key: s.id,
                  color: created ? 'gray' : 'blue',
                  content: (
                    <div>
                      <Typography.Text strong>
                        {created
                          ? t('history.created', { status: t(`status.${s.to}`) })
                          : t('history.changed', {
                              from: t(`status.${s.from ?? ''}`),
                              to: t(`status.${s.to}`),
                            })}
                      </Typography.Text>
                      <div className="detail-meta">
                        {formatDate(s.date)} · {t('history.by', { operator: s.operator })}
                      </div>
                      {s.reason ? <div>{s.reason}</div> : null}
                    </div>
                  ),
                };
              })}
            />
          )}
        </Card>
      </Col>
      <Col span={12}>
        <Card title={t('history.tier')} size="small" id="tier-history">
          {tiers.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.emptyTier')} />
          ) : (
            <Timeline
              items={tiers.map((c) => ({
                key: c.id,
                color: c.from === null ? 'gray' : 'gold',
                content: (
                  <div>
                    <Typography.Text strong>
                      {c.from === null
                        ? `${t('history.initialTier')}：${tierLabel(c.to)}`
                        : t('history.changed', { from: tierLabel(c.from), to: tierLabel(c.to) })}
                    </Typography.Text>
                    <div className="detail-meta">
                      {formatDateTime(c.recorded_at)} · {t('history.by', { operator: c.operator })}
                    </div>
                    {c.reason ? <div>{c.reason}</div> : null}
                  </div>
                ),
              }))}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
