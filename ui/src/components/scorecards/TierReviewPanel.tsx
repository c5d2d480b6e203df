import { App, Button, Empty, Flex, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Direction } from '../../bindings/Direction';
import type { TierReviewRow } from '../../bindings/TierReviewRow';
import { useTierLabel } from '../../hooks/useTierLabel';
import { toAppError } from '../../ipc';
import { useApplyTiers, useTierReview } from '../../ipc/scorecards';
import { officeNow } from '../../lib/dates';
import { appErrorMessage } from '../../lib/errors';
import { QueryError } from '../QueryError';
import { Needs } from '../Needs';

const DIRECTION_COLOR: Record<Direction, string> = { promote: 'green', demote: 'red', keep: 'default' };

/**
 * The annual tier review (年度定级): the average of the year's finalised quarters
 * against the thresholds. Nothing changes a tier until the user applies it.
 */
export function TierReviewPanel() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const tierLabel = useTierLabel();
  const [year, setYear] = useState(() => officeNow().year());
  const review = useTierReview(year);
  const apply = useApplyTiers();
  const rows = review.data?.distributors ?? [];
  const moving = rows.filter((r) => r.direction === 'promote' || r.direction === 'demote');

  const confirm = (ids: number[], count: number) =>
    modal.confirm({
      title: t('tierReview.applyTitle', { year, count }),
      content: t('tierReview.applyText'),
      okText: t('tierReview.apply'),
      okButtonProps: { id: 'tier-apply-confirm' },
      onOk: async () => {
        try {
          const done = await apply.mutateAsync({ year, distributor_ids: ids });
          message.success(t('tierReview.applied', { count: done.length }));
        } catch (e) {
          message.error(appErrorMessage(toAppError(e), t));
        }
      },
    });

  const columns: ColumnsType<TierReviewRow> = [
    {
      key: 'distributor',
      title: t('fields.distributor_id'),
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, r) => (
        <Link to={`/distributors/${r.distributor_id}`}>
          {r.code} {r.name}
        </Link>
      ),
    },
    { key: 'current', title: t('tierReview.current'), width: 110, render: (_, r) => tierLabel(r.current) },
    {
      key: 'quarters',
      title: t('tierReview.quarters'),
      width: 110,
      align: 'right',
      render: (_, r) => r.quarters_rated,
    },
    {
      key: 'score',
      title: t('tierReview.score'),
      width: 110,
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => Number(a.annual_score ?? -1) - Number(b.annual_score ?? -1),
      render: (_, r) =>
        r.annual_score === null ? (
          <span className="muted">{t('scorecard.notRated')}</span>
        ) : (
          <Typography.Text strong>{r.annual_score}</Typography.Text>
        ),
    },
    {
      key: 'recommended',
      title: t('tierReview.recommended'),
      width: 120,
      render: (_, r) => (r.recommended ? tierLabel(r.recommended) : null),
    },
    {
      key: 'direction',
      title: t('tierReview.direction'),
      width: 110,
      filters: (['promote', 'demote', 'keep'] as Direction[]).map((d) => ({
        text: t(`tierReview.directions.${d}`),
        value: d,
      })),
      onFilter: (v, r) => r.direction === v,
      render: (_, r) =>
        r.direction ? (
          <Tag color={DIRECTION_COLOR[r.direction]} className={`tier-direction-${r.direction}`}>
            {t(`tierReview.directions.${r.direction}`)}
          </Tag>
        ) : null,
    },
    {
      key: 'apply',
      title: '',
      width: 100,
      render: (_, r) =>
        r.direction === 'promote' || r.direction === 'demote' ? (
          <Button size="small" className="tier-apply-one" onClick={() => confirm([r.distributor_id], 1)}>
            {t('tierReview.apply')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Space>
          {t('tierReview.year')}
          <InputNumber
            id="tier-review-year"
            min={2000}
            max={2999}
            precision={0}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
        </Space>
        {review.data ? (
          <Typography.Text type="secondary">
            {review.data.quarters.length
              ? t('tierReview.basis', {
                  quarters: review.data.quarters.join('、'),
                  strategic: review.data.thresholds.strategic_min,
                  core: review.data.thresholds.core_min,
                })
              : t('tierReview.noQuarters')}
          </Typography.Text>
        ) : null}
        <Needs right="channel">
          <Button
            id="tier-apply-all"
            type="primary"
            style={{ marginLeft: 'auto' }}
            disabled={moving.length === 0}
            loading={apply.isPending}
            onClick={() => confirm([], moving.length)}
          >
            {t('tierReview.applyAll', { count: moving.length })}
          </Button>
        </Needs>
      </Flex>
      {review.error ? <QueryError error={review.error} /> : null}
      <Table<TierReviewRow>
        id="tier-review-table"
        rowKey="distributor_id"
        size="small"
        loading={review.isFetching}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tierReview.empty')} />,
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('tierReview.note')}
      </Typography.Paragraph>
    </>
  );
}
