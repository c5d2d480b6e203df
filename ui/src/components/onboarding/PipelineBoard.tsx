import { ClockCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Card, Empty, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import type { PipelineCard } from '../../bindings/PipelineCard';
import type { PipelineColumn } from '../../bindings/PipelineColumn';
import { today } from '../../lib/dates';
import { StatusTag } from '../Tags';
import { distributorOnboardingLink, useLabel } from './labels';

const COLUMN_WIDTH = 248;

function BoardCard({ card }: { card: PipelineCard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const link = distributorOnboardingLink(card.distributor_id);
  const open = () => void navigate(link.pathname, { state: link.state });
  const pastDue = card.due_date !== null && card.due_date < today();
  const percent = card.total > 0 ? Math.round((card.done / card.total) * 100) : 0;
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      aria-label={t('pipeline.open', { name: card.name })}
      data-distributor-id={card.distributor_id}
      className={['pipeline-card', `pipeline-card-${card.code}`, card.overdue ? 'pipeline-card-overdue' : '']
        .filter(Boolean)
        .join(' ')}
      style={{
        cursor: 'pointer',
        borderColor: card.overdue ? '#ff4d4f' : undefined,
        borderWidth: card.overdue ? 2 : undefined,
      }}
      styles={{ body: { padding: 10 } }}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
    >
      <Flex justify="space-between" align="center" gap={6}>
        <Typography.Text type="secondary" className="pipeline-card-code" style={{ fontSize: 12 }}>
          {card.code}
        </Typography.Text>
        <StatusTag status={card.status} />
      </Flex>
      <Typography.Text strong ellipsis={{ tooltip: card.name }} style={{ display: 'block', marginTop: 4 }}>
        {card.name}
      </Typography.Text>
      {card.total > 0 ? (
        <Flex align="center" gap={8} className="pipeline-card-progress">
          <Progress
            percent={percent}
            showInfo={false}
            size="small"
            status={card.overdue ? 'exception' : 'active'}
            style={{ flex: 1, margin: 0 }}
          />
          <Typography.Text style={{ fontSize: 12 }}>
            {card.done}/{card.total}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} className="pipeline-card-progress">
          {t('pipeline.notStartedHint')}
        </Typography.Text>
      )}
      {card.total > 0 ? (
        <Flex justify="space-between" gap={8} wrap style={{ fontSize: 12, marginTop: 2 }}>
          <Typography.Text
            type={pastDue ? 'danger' : 'secondary'}
            style={{ fontSize: 12 }}
            className="pipeline-card-due"
          >
            <ClockCircleOutlined />{' '}
            {card.due_date ? t('pipeline.due', { date: card.due_date }) : t('pipeline.noDue')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="pipeline-card-owner">
            <UserOutlined /> {card.owner || t('pipeline.noOwner')}
          </Typography.Text>
        </Flex>
      ) : null}
      {card.overdue ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }} className="pipeline-card-overdue-text">
          {t('pipeline.overdue')}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** One column per step (after "not started"), each distributor at its first open step; scrolls sideways. */
export function PipelineBoard({ columns, cards }: { columns: PipelineColumn[]; cards: PipelineCard[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <div
      id="pipeline-board"
      style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: 8 }}
    >
      {columns.map((col) => {
        const inColumn = cards.filter((c) => c.step === col.key);
        return (
          <div
            key={col.key}
            className={`pipeline-column pipeline-column-${col.key}`}
            data-count={inColumn.length}
            style={{
              flex: `0 0 ${COLUMN_WIDTH}px`,
              width: COLUMN_WIDTH,
              background: '#f5f7fa',
              border: '1px solid #e8ebf0',
              borderRadius: 8,
              padding: 8,
            }}
          >
            <Flex justify="space-between" align="center" style={{ padding: '2px 4px 8px' }}>
              <Typography.Text strong ellipsis={{ tooltip: label(col) }} className="pipeline-column-label">
                {label(col)}
              </Typography.Text>
              <Badge
                className="pipeline-column-count"
                count={inColumn.length}
                showZero
                color={inColumn.length > 0 ? '#1d5fbf' : '#bfc5cf'}
                overflowCount={999}
              />
            </Flex>
            <Flex vertical gap={8}>
              {inColumn.length > 0 ? (
                inColumn.map((c) => <BoardCard key={c.distributor_id} card={c} />)
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('pipeline.emptyColumn')}
                  style={{ margin: '8px 0' }}
                />
              )}
            </Flex>
          </div>
        );
      })}
    </div>
  );
}
