import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AppError } from '../../bindings/AppError';
import type { AutoCheck } from '../../bindings/AutoCheck';
import type { OnboardingSettings } from '../../bindings/OnboardingSettings';
import type { StepTemplate } from '../../bindings/StepTemplate';
import { toAppError } from '../../ipc';
import { useOnboardingSettings, useSaveOnboardingSettings } from '../../ipc/onboarding';
import { appErrorMessage, fieldErrorText } from '../../lib/errors';
import { AUTO_CHECKS } from '../onboarding/labels';
import { QueryError } from '../QueryError';

type RowValues = {
  key: string;
  label_zh: string;
  label_en: string;
  auto: AutoCheck;
  due_days: number | null;
  owner: string;
};
type Values = { steps: RowValues[] };
type RowError = { name: ['steps', number, keyof RowValues]; errors: string[] };

const KEY_RE = /^[a-z0-9_]{1,40}$/;
const MAX_DUE_DAYS = 365;

/** Column widths of the step rows (the header uses the same). */
const W = { no: 28, key: 150, label: 170, auto: 170, due: 96, owner: 130 } as const;

function toSettings(v: Values): OnboardingSettings {
  return {
    steps: (v.steps ?? []).map((s): StepTemplate => ({
      key: (s?.key ?? '').trim(),
      label_zh: (s?.label_zh ?? '').trim(),
      label_en: (s?.label_en ?? '').trim(),
      auto: s?.auto ?? 'manual',
      due_days: s?.due_days ?? 0,
      owner: (s?.owner ?? '').trim(),
    })),
  };
}

/** The translated text of one server error about the step list (`detail` is the 1-based row). */
function stepErrorText(t: TFunction, code: string, detail: string | null): string {
  return t(`onboardingSettings.errors.${code}`, {
    detail: detail ?? '',
    defaultValue: fieldErrorText(t, code, detail, 'steps'),
  });
}

/**
 * Puts the server's errors next to the row each names (by its 1-based row number)
 * and returns every message, for the summary above the save button.
 */
function applyStepErrors(form: FormInstance<Values>, err: AppError, t: TFunction): string[] {
  if (err.kind !== 'validation') return [appErrorMessage(err, t)];
  const rows = (form.getFieldValue('steps') as RowValues[] | undefined) ?? [];
  const byPath = new Map<string, RowError>();
  const messages: string[] = [];
  for (const f of err.fields) {
    const text =
      f.field === 'steps' ? stepErrorText(t, f.code, f.detail) : fieldErrorText(t, f.code, f.detail, f.field);
    messages.push(text);
    const index = f.detail !== null && /^\d+$/.test(f.detail) ? Number(f.detail) - 1 : -1;
    if (f.field !== 'steps' || index < 0 || index >= rows.length) continue;
    const row = rows[index];
    let column: keyof RowValues | null = null;
    if (f.code === 'step_key' || f.code === 'duplicate') column = 'key';
    else if (f.code === 'due_days_range') column = 'due_days';
    else if (f.code === 'step_label')
      column =
        (row?.label_zh ?? '').trim() === '' || (row?.label_en ?? '').trim() !== '' ? 'label_zh' : 'label_en';
    if (!column) continue;
    const name: RowError['name'] = ['steps', index, column];
    const k = name.join('.');
    const existing = byPath.get(k);
    if (existing) existing.errors.push(text);
    else byPath.set(k, { name, errors: [text] });
  }
  if (byPath.size > 0) form.setFields([...byPath.values()]);
  return messages;
}

function OnboardingStepsForm({ initial }: { initial: OnboardingSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveOnboardingSettings();
  const [problems, setProblems] = useState<string[]>([]);

  const rowRule = (index: number, code: string, ok: (v: unknown) => boolean): FormRule => ({
    validator: (_r, v: unknown) =>
      ok(v) ? Promise.resolve() : Promise.reject(new Error(stepErrorText(t, code, String(index + 1)))),
  });
  const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

  const submit = async (v: Values) => {
    setProblems([]);
    try {
      const saved = await save.mutateAsync(toSettings(v));
      form.setFieldsValue(saved);
      message.success(t('onboardingSettings.saved', { n: saved.steps.length }));
    } catch (e) {
      const msgs = applyStepErrors(form, toAppError(e), t);
      setProblems(msgs);
      message.error(msgs.length === 1 ? msgs[0] : t('errors.kind.validation'));
    }
  };

  const nextDueDays = () => {
    const rows = (form.getFieldValue('steps') as RowValues[] | undefined) ?? [];
    const last = rows.length > 0 ? (rows[rows.length - 1]?.due_days ?? 0) : 0;
    return Math.min(MAX_DUE_DAYS, last + 7);
  };

  const autoOptions = AUTO_CHECKS.map((a) => ({
    value: a,
    label: t(`onboardingSettings.autoOptions.${a}`),
    className: `auto-option-${a}`,
  }));

  return (
    <Form<Values>
      id="onboarding-steps-form"
      name="onboarding"
      form={form}
      initialValues={{ steps: initial.steps }}
      onFinish={(v) => void submit(v)}
      onValuesChange={() => setProblems([])}
    >
      <Typography.Paragraph type="secondary">{t('onboardingSettings.hint')}</Typography.Paragraph>
      <div style={{ overflowX: 'auto' }}>
        <div style={{ minWidth: 980 }}>
          <Flex gap={8} className="muted" style={{ marginBottom: 6 }}>
            <span style={{ width: W.no }}>#</span>
            <span style={{ width: W.key }}>{t('fields.key')}</span>
            <span style={{ width: W.label }}>{t('fields.label_zh')}</span>
            <span style={{ width: W.label }}>{t('fields.label_en')}</span>
            <span style={{ width: W.auto }}>{t('onboardingSettings.auto')}</span>
            <span style={{ width: W.due }}>{t('onboardingSettings.dueDays')}</span>
            <span style={{ width: W.owner }}>{t('onboardingSettings.owner')}</span>
          </Flex>
          <Form.List name="steps">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map(({ key, name: index }) => (
                  <Flex gap={8} key={key} align="start" className={`onboarding-step-row-${index}`}>
                    <span style={{ width: W.no, paddingTop: 5 }} className="muted">
                      {index + 1}
                    </span>
                    <Form.Item
                      name={[index, 'key']}
                      style={{ width: W.key }}
                      rules={[
                        rowRule(index, 'step_key', (v) => typeof v === 'string' && KEY_RE.test(v.trim())),
                      ]}
                    >
                      <Input maxLength={40} placeholder="site_visit" autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      name={[index, 'label_zh']}
                      style={{ width: W.label }}
                      rules={[rowRule(index, 'step_label', filled)]}
                    >
                      <Input maxLength={40} autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      name={[index, 'label_en']}
                      style={{ width: W.label }}
                      rules={[rowRule(index, 'step_label', filled)]}
                    >
                      <Input maxLength={60} autoComplete="off" />
                    </Form.Item>
                    <Form.Item name={[index, 'auto']} style={{ width: W.auto }}>
                      <Select<AutoCheck> virtual={false} options={autoOptions} />
                    </Form.Item>
                    <Form.Item
                      name={[index, 'due_days']}
                      style={{ width: W.due }}
                      rules={[
                        rowRule(
                          index,
                          'due_days_range',
                          (v) => typeof v === 'number' && v >= 0 && v <= MAX_DUE_DAYS,
                        ),
                      ]}
                    >
                      <InputNumber min={0} max={MAX_DUE_DAYS} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[index, 'owner']} style={{ width: W.owner }}>
                      <Input maxLength={50} autoComplete="off" />
                    </Form.Item>
                    <Space size={0}>
                      <Button
                        id={`onboarding-step-up-${index}`}
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('onboardingSettings.moveUp')}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        id={`onboarding-step-down-${index}`}
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('onboardingSettings.moveDown')}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      />
                      <Button
                        id={`onboarding-step-remove-${index}`}
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.remove')}
                        disabled={fields.length <= 1}
                        onClick={() => remove(index)}
                      />
                    </Space>
                  </Flex>
                ))}
                <Button
                  id="onboarding-step-add"
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      key: '',
                      label_zh: '',
                      label_en: '',
                      auto: 'manual',
                      due_days: nextDueDays(),
                      owner: '',
                    })
                  }
                >
                  {t('onboardingSettings.add')}
                </Button>
              </>
            )}
          </Form.List>
        </div>
      </div>
      {problems.length > 0 ? (
        <Alert
          id="onboarding-steps-error"
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={
            problems.length === 1 ? (
              problems[0]
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )
          }
        />
      ) : null}
      <Flex justify="end" style={{ marginTop: 16 }}>
        <Button id="onboarding-steps-save" type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The onboarding step templates: each new checklist is made from them. */
export function OnboardingStepsCard() {
  const { t } = useTranslation();
  const settings = useOnboardingSettings();
  return (
    <Card
      title={t('onboardingSettings.title')}
      size="small"
      style={{ marginTop: 16 }}
      id="onboarding-steps-settings"
    >
      {settings.error ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <OnboardingStepsForm initial={settings.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </Card>
  );
}
