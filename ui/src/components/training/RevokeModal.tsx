import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AppError } from '../../bindings/AppError';
import type { Certificate } from '../../bindings/Certificate';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useRevokeCertificate } from '../../ipc/certificates';
import { today } from '../../lib/dates';
import { applyAppErrorToForm, appErrorMessage } from '../../lib/errors';
import { checkDate } from '../../lib/ledger';
import { checkRequired, type FieldProblem } from '../../lib/validation';
import { isFutureDate } from '../onboarding/labels';
import { useCertificateCourse } from './CertificateTags';

type Values = { date: string; reason: string };

const FORM_FIELDS = new Set(['date', 'reason']);

/** The server's checks on the revocation date: a real date, not after today. */
function checkRevokeDate(v: string | null | undefined): FieldProblem | null {
  return checkDate(v) ?? (isFutureDate(v as string) ? { code: 'in_future' } : null);
}

/** A message for errors that belong to no field (e.g. revoked meanwhile elsewhere). */
function revokeErrorMessage(err: AppError, t: ReturnType<typeof useTranslation>['t']): string {
  if (err.kind === 'illegal_transition') return t('certificates.revoke.already');
  return appErrorMessage(err, t);
}

/**
 * Revokes a certificate from a date with a reason. The modal is `#revoke-modal`,
 * the fields `#revoke_date` and `#revoke_reason`, the button `#revoke-ok`.
 */
export function RevokeModal({ cert, onClose }: { cert: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const course = useCertificateCourse();
  const [form] = Form.useForm<Values>();
  const revoke = useRevokeCertificate();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      await revoke.mutateAsync({ id: cert.id, date: (v.date ?? '').trim(), reason: (v.reason ?? '').trim() });
      message.success(t('certificates.revoke.done', { number: cert.number }));
      onClose();
    } catch (e) {
      const err = toAppError(e);
      const msg =
        err.kind === 'validation'
          ? applyAppErrorToForm(form, err, t, {
              hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
            })
          : revokeErrorMessage(err, t);
      if (msg) {
        setError(msg);
        message.error(msg);
      }
    }
  };

  return (
    <Modal
      open
      title={t('certificates.revoke.title', { number: cert.number })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('certificates.revoke.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'revoke-ok', danger: true, loading: revoke.isPending }}
      cancelButtonProps={{ id: 'revoke-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="revoke-modal">{node}</div>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('certificates.revoke.hint', { person: cert.person_name, course: course(cert) })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="revoke"
        layout="vertical"
        initialValues={{ date: today(), reason: '' }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item
          name="date"
          label={t('certificates.revoke.date')}
          required
          rules={[ruleFrom<string>(t, checkRevokeDate)]}
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
            placeholder={t('certificates.revoke.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      {error ? <Alert id="revoke-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
