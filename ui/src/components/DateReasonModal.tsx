import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { AppError } from '../bindings/AppError';
import { ruleFrom } from '../forms/rules';
import { toAppError } from '../ipc';
import { today } from '../lib/dates';
import { applyAppErrorToForm } from '../lib/errors';
import { checkRequired, type FieldProblem } from '../lib/validation';

export type DateReason = { date: string; reason: string };

const FORM_FIELDS = new Set(['date', 'reason']);

type Props = {
  /** Form name and id prefix: fields `<name>_date`, `<name>_reason`; buttons `<name>-ok`, `<name>-cancel`; alert `<name>-error`. */
  name: string;
  /** id of the wrapper around the modal. */
  modalId: string;
  title: string;
  hint: ReactNode;
  dateLabel: string;
  reasonPlaceholder: string;
  okText: string;
  busy: boolean;
  checkDate: (v: string | null | undefined) => FieldProblem | null;
  /** Message for an error that belongs to no field. */
  errorMessage: (err: AppError) => string;
  onSubmit: (v: DateReason) => Promise<void>;
  onClose: () => void;
};

/** A dated, reasoned, irreversible step (terminating an agreement, revoking a certificate). */
export function DateReasonModal(p: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DateReason>();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      await p.onSubmit({ date: (v.date ?? '').trim(), reason: (v.reason ?? '').trim() });
      p.onClose();
    } catch (e) {
      const err = toAppError(e);
      const msg =
        err.kind === 'validation'
          ? applyAppErrorToForm(form, err, t, {
              hasField: (path) => typeof path[0] === 'string' && FORM_FIELDS.has(path[0]),
            })
          : p.errorMessage(err);
      if (msg) {
        setError(msg);
        message.error(msg);
      }
    }
  };

  return (
    <Modal
      open
      title={p.title}
      onCancel={p.onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={p.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: `${p.name}-ok`, danger: true, loading: p.busy }}
      cancelButtonProps={{ id: `${p.name}-cancel` }}
      mask={{ closable: false }}
      modalRender={(node) => <div id={p.modalId}>{node}</div>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{p.hint}</Typography.Paragraph>
      <Form<DateReason>
        form={form}
        name={p.name}
        layout="vertical"
        initialValues={{ date: today(), reason: '' }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item name="date" label={p.dateLabel} required rules={[ruleFrom<string>(t, p.checkDate)]}>
          <Input placeholder={t('common.datePlaceholder')} autoComplete="off" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('fields.reason')}
          required
          rules={[ruleFrom<string>(t, checkRequired)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={p.reasonPlaceholder} />
        </Form.Item>
      </Form>
      {error ? <Alert id={`${p.name}-error`} type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
