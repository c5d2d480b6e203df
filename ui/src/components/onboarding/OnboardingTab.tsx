import { CheckOutlined, EditOutlined, PlayCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Progress,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Checklist } from '../../bindings/Checklist';
import type { Distributor } from '../../bindings/Distributor';
import type { OnboardingStep } from '../../bindings/OnboardingStep';
import { toAppError } from '../../ipc';
import { onboardingKeys, useChecklist, useStartOnboarding, useUpdateStep } from '../../ipc/onboarding';
import { today } from '../../lib/dates';
import { appErrorMessage, fieldErrorText } from '../../lib/errors';
import { checkDate } from '../../lib/ledger';
import { QueryError } from '../QueryError';
import { useLabel } from './labels';
import { StepModal } from './StepModal';
import { Needs } from '../Needs';

/** Before onboarding starts: the start date (due dates count from it) and the start button. */
function StartOnboarding({ distributor }: { distributor: Distributor }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const start = useStartOnboarding();
  const [date, setDate] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    const local = checkDate(date);
    if (local) {
      setProblem(fieldErrorText(t, local.code, local.detail, 'start_date'));
      return;
    }
    try {
      await start.mutateAsync({ distributor_id: distributor.id, start_date: date.trim() });
      message.success(t('onboarding.started', { name: distributor.name }));
    } catch (e) {
      const err = toAppError(e);
      if (err.kind === 'conflict') {
        // Started meanwhile (elsewhere): show the checklist there is.
        message.info(t('onboarding.alreadyStarted'));
        void qc.invalidateQueries({ queryKey: onboardingKeys.checklist(distributor.id) });
        return;
      }
      const onDate = err.kind === 'validation' ? err.fields.find((f) => f.field === 'start_date') : undefined;
      if (onDate) setProblem(fieldErrorText(t, onDate.code, onDate.detail, 'start_date'));
      else message.error(appErrorMessage(err, t));
    }
  };

  return (
    <div id="onboarding-not-started">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Space orientation="vertical" size={4}>
            <Typography.Text strong>{t('onboarding.notStarted')}</Typography.Text>
            <Typography.Text type="secondary">{t('onboarding.notStartedHint')}</Typography.Text>
          </Space>
        }
      >
        <Flex justify="center" align="start" gap={8} wrap>
          <Form.Item
            label={t('fields.start_date')}
            validateStatus={problem ? 'error' : undefined}
            help={problem ?? undefined}
            style={{ marginBottom: 0 }}
          >
            <Input
              id="onboarding-start-date"
              value={date}
              autoComplete="off"
              placeholder={t('common.datePlaceholder')}
              style={{ width: 140 }}
              onChange={(e) => {
                setDate(e.target.value);
                setProblem(null);
              }}
              onPressEnter={() => void submit()}
            />
          </Form.Item>
          <Needs right="channel">
            <Button
              id="onboarding-start"
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={start.isPending}
              onClick={() => void submit()}
            >
              {t('onboarding.start')}
            </Button>
          </Needs>
        </Flex>
      </Empty>
    </div>
  );
}

/** "done/total" with a bar, and how many steps are overdue. */
function ChecklistProgress({ list }: { list: Checklist }) {
  const { t } = useTranslation();
  const overdue = list.steps.filter((s) => s.overdue).length;
  const percent = list.total > 0 ? Math.round((list.done / list.total) * 100) : 0;
  return (
    <Flex id="onboarding-progress" align="center" gap={16} wrap style={{ marginBottom: 12 }}>
      <Progress
        percent={percent}
        showInfo={false}
        status={list.done === list.total ? 'success' : overdue > 0 ? 'exception' : 'active'}
        style={{ width: 240, margin: 0 }}
      />
      <Typography.Text strong id="onboarding-progress-text">
        {t('onboarding.progress', { done: list.done, total: list.total })}
      </Typography.Text>
      {list.done === list.total ? (
        <Tag color="success" id="onboarding-complete">
          {t('onboarding.complete')}
        </Tag>
      ) : null}
      {overdue > 0 ? (
        <Typography.Text type="danger" id="onboarding-overdue-count">
          {t('onboarding.overdueCount', { overdue })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The "done on" cell: the date, and for a date the system saw, the "auto" tag saying where from. */
function DoneCell({ step }: { step: OnboardingStep }) {
  const { t } = useTranslation();
  if (!step.done_date) return <span className="muted">{t('common.none')}</span>;
  return (
    <Space size={6}>
      <span>{step.done_date}</span>
      {step.auto_done ? (
        <Tooltip
          title={
            <>
              {t(`onboarding.autoSeen.${step.auto}`)}
              <br />
              {t('onboarding.autoNoUndo')}
            </>
          }
        >
          <Tag color="blue" className="onboarding-auto-tag" icon={<ThunderboltOutlined />}>
            {t('onboarding.auto')}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

function StepTable({ list }: { list: Checklist }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const update = useUpdateStep();
  const [editing, setEditing] = useState<OnboardingStep | null>(null);

  const markDone = async (s: OnboardingStep) => {
    try {
      await update.mutateAsync({
        id: s.id,
        owner: s.owner,
        due_date: s.due_date ?? '',
        done_date: today(),
        note: s.note,
      });
      message.success(t('onboarding.markedDone', { step: label(s) }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <>
      <Table<OnboardingStep>
        id="onboarding-steps"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.steps}
        scroll={{ x: 1040 }}
        rowClassName={(s) =>
          [
            `onboarding-step-${s.key}`,
            s.done_date ? 'onboarding-step-done' : '',
            s.overdue ? 'onboarding-step-overdue' : '',
          ]
            .filter(Boolean)
            .join(' ')
        }
        columns={[
          {
            key: 'position',
            title: '#',
            width: 44,
            render: (_: unknown, _s, i) => i + 1,
          },
          {
            key: 'step',
            title: t('onboarding.step'),
            width: 240,
            render: (_: unknown, s) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong={!s.done_date} className="onboarding-step-label">
                  {label(s)}
                </Typography.Text>
                {s.auto !== 'manual' ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <ThunderboltOutlined /> {t(`onboarding.autoCheck.${s.auto}`)}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'owner',
            dataIndex: 'owner',
            title: t('fields.owner'),
            width: 110,
            render: (o: string) => o || <span className="muted">{t('common.none')}</span>,
          },
          {
            key: 'due_date',
            title: t('fields.due_date'),
            width: 170,
            render: (_: unknown, s) =>
              s.due_date ? (
                s.overdue ? (
                  <Space size={6} className="onboarding-due-overdue">
                    <Typography.Text type="danger">{s.due_date}</Typography.Text>
                    <Tag color="red" className="onboarding-overdue-tag">
                      {t('onboarding.overdue')}
                    </Tag>
                  </Space>
                ) : (
                  s.due_date
                )
              ) : (
                <span className="muted">{t('common.none')}</span>
              ),
          },
          {
            key: 'done_date',
            title: t('fields.done_date'),
            width: 170,
            render: (_: unknown, s) => <DoneCell step={s} />,
          },
          {
            key: 'done_by',
            dataIndex: 'done_by',
            title: t('onboarding.doneBy'),
            width: 100,
            render: (by: string, s) =>
              by || (s.auto_done ? <span className="muted">{t('onboarding.system')}</span> : null),
          },
          {
            key: 'note',
            dataIndex: 'note',
            title: t('fields.note'),
            ellipsis: { showTitle: true },
          },
          {
            key: 'actions',
            title: t('onboarding.actions'),
            width: 150,
            fixed: 'right',
            render: (_: unknown, s) => (
              <Space size={4}>
                {s.done_date ? null : (
                  <Button
                    id={`step-${s.key}-done`}
                    size="small"
                    type="link"
                    icon={<CheckOutlined />}
                    loading={update.isPending && update.variables?.id === s.id}
                    onClick={() => void markDone(s)}
                  >
                    {t('onboarding.markDone')}
                  </Button>
                )}
                <Button
                  id={`step-${s.key}-edit`}
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(s)}
                >
                  {t('common.edit')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? <StepModal key={editing.id} step={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

/** The distributor's onboarding checklist; before it starts, a way to start it. */
export function OnboardingTab({ distributor }: { distributor: Distributor }) {
  const list = useChecklist(distributor.id);
  if (list.error && !list.data) {
    return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (!list.data) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (!list.data.started) return <StartOnboarding distributor={distributor} />;
  return (
    <div id="onboarding-checklist">
      <ChecklistProgress list={list.data} />
      <StepTable list={list.data} />
    </div>
  );
}
