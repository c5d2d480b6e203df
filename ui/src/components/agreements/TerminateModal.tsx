import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Agreement } from '../../bindings/Agreement';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useTerminateAgreement } from '../../ipc/agreements';
import { today } from '../../lib/dates';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkDate } from '../../lib/ledger';
import { checkRequired } from '../../lib/validation';
import { agreementErrorMessage } from './agreementLib';

type Values = { date: string; reason: string };

const FORM_FIELDS = new Set(['date', 'reason']);

/** Ends an agreement in force early. Field ids are `terminate_date` and `terminate_reason`. */
export function TerminateModal({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const terminate = useTerminateAgreement();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      await terminate.mutateAsync({
        id: agreement.id,
        date: (v.date ?? '').trim(),
        reason: (v.reason ?? '').trim(),
      });
      message.success(t('agreement.terminate.done', { number: agreement.number }));
      onClose();
    } catch (e) {
      const err = toAppError(e);
      const msg =
        err.kind === 'validation'
          ? applyAppErrorToForm(form, err, t, {
              hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
            })
          : agreementErrorMessage(err, t);
      if (msg) {
        setError(msg);
        message.error(msg);
      }
    }
  };

  return (
    <Modal
      open
      title={t('agreement.terminate.title', { number: agreement.number, version: agreement.version })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('agreement.terminate.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'terminate-ok', danger: true, loading: terminate.isPending }}
      cancelButtonProps={{ id: 'terminate-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="agreement-terminate-modal">{node}</div>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('agreement.terminate.hint', { start: agreement.signed_date ?? '', end: agreement.term_end })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="terminate"
        layout="vertical"
        initialValues={{ date: today(), reason: '' }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item
          name="date"
          label={t('agreement.terminate.date')}
          required
          rules={[ruleFrom<string>(t, checkDate)]}
        >
          <Input placeholder={t('common.datePlaceholder')} autoComplete="off" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('fields.reason')}
          required
          rules={[ruleFrom<string>(t, checkRequired)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('agreement.terminate.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      {error ? <Alert id="terminate-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
