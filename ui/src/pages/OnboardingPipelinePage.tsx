import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { PipelineBoard } from '../components/onboarding/PipelineBoard';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { usePipeline } from '../ipc/onboarding';

/** Every distributor still onboarding, by the step it is at; overdue ones stand out. */
export function OnboardingPipelinePage() {
  const { t } = useTranslation();
  const pipeline = usePipeline();
  const [sp, setSp] = useSearchParams();
  const overdueOnly = sp.get('overdue') === '1';

  const all = pipeline.data?.cards ?? [];
  const overdue = all.filter((c) => c.overdue).length;
  const notStarted = all.filter((c) => c.step === 'not_started').length;
  const cards = overdueOnly ? all.filter((c) => c.overdue) : all;

  const setOverdueOnly = (on: boolean) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (on) next.set('overdue', '1');
        else next.delete('overdue');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('pipeline.title')}
        subtitle={
          pipeline.data ? (
            <Space size={8} wrap id="pipeline-counts">
              <span id="pipeline-total">{t('pipeline.total', { total: all.length })}</span>
              <Tag id="pipeline-not-started-count">{t('pipeline.notStartedCount', { n: notStarted })}</Tag>
              <Tag id="pipeline-overdue-count" color={overdue > 0 ? 'red' : 'default'}>
                {t('pipeline.overdueCount', { overdue })}
              </Tag>
            </Space>
          ) : null
        }
        extra={
          <>
            <Flex gap={8} align="center">
              <Switch id="pipeline-overdue-only" checked={overdueOnly} onChange={setOverdueOnly} />
              <Typography.Text>{t('pipeline.overdueOnly')}</Typography.Text>
            </Flex>
            <Button
              id="pipeline-refresh"
              icon={<ReloadOutlined />}
              loading={pipeline.isFetching}
              onClick={() => void pipeline.refetch()}
            >
              {t('pipeline.refresh')}
            </Button>
          </>
        }
      />
      <div className="page-card">
        {pipeline.error && !pipeline.data ? (
          <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />
        ) : !pipeline.data ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <>
            {cards.length === 0 ? (
              <div id="pipeline-empty">
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={overdueOnly ? t('pipeline.emptyOverdue') : t('pipeline.empty')}
                  style={{ marginBottom: 12 }}
                />
              </div>
            ) : null}
            <PipelineBoard columns={pipeline.data.columns} cards={cards} />
          </>
        )}
      </div>
    </>
  );
}
