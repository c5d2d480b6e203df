import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { OnboardingStep } from '../../bindings/OnboardingStep';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useUpdateStep } from '../../ipc/onboarding';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkOptionalDate } from '../../lib/ledger';
import { checkMaxLength } from '../../lib/validation';
import { checkDoneDate, useLabel } from './labels';

type Values = { owner: string; due_date: string; done_date: string; note: string };

const FORM_FIELDS = new Set(['owner', 'due_date', 'done_date', 'note']);

/**
 * Edits one step's owner, due date, done date and note (field ids `step_owner`,
 * `step_due_date`, `step_done_date`, `step_note`). A date the system saw is not
 * a stored done date: the field stays empty and the seen date is kept.
 */
export function StepModal({ step, onClose }: { step: OnboardingStep; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const update = useUpdateStep();
  const [error, setError] = useState<string | null>(null);
  const name = label(step);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    const s = (x: string | undefined) => (x ?? '').trim();
    try {
      await update.mutateAsync({
        id: step.id,
        owner: s(v.owner),
        due_date: s(v.due_date),
        done_date: s(v.done_date),
        note: s(v.note),
      });
      message.success(t('onboarding.saved', { step: name }));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => p.length === 1 && typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      if (msg) {
        setError(msg);
        message.error(msg);
      }
    }
  };

  return (
    <Modal
      open
      title={t('onboarding.editTitle', { step: name })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'step-save', loading: update.isPending }}
      cancelButtonProps={{ id: 'step-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="onboarding-step-modal">{node}</div>}
      destroyOnHidden
      width={520}
    >
      <Form<Values>
        form={form}
        name="step"
        layout="vertical"
        initialValues={{
          owner: step.owner,
          due_date: step.due_date ?? '',
          done_date: step.auto_done ? '' : (step.done_date ?? ''),
          note: step.note,
        }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item
          name="owner"
          label={t('fields.owner')}
          rules={[ruleFrom<string>(t, (v) => checkMaxLength(v, 50))]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="due_date"
          label={t('fields.due_date')}
          rules={[ruleFrom<string>(t, checkOptionalDate)]}
        >
          <Input autoComplete="off" placeholder={t('common.datePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="done_date"
          label={t('fields.done_date')}
          rules={[ruleFrom<string>(t, checkDoneDate)]}
          extra={
            <span className="muted" id="step-done-date-hint">
              {step.auto_done
                ? t('onboarding.autoDoneHint', {
                    date: step.done_date ?? '',
                    seen: t(`onboarding.autoSeen.${step.auto}`),
                  })
                : t('onboarding.doneDateHint')}
            </span>
          }
        >
          <Input
            autoComplete="off"
            placeholder={step.auto_done ? (step.done_date ?? '') : t('common.datePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('fields.note')}
          rules={[ruleFrom<string>(t, (v) => checkMaxLength(v, 500))]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      </Form>
      {error ? <Alert id="step-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
