import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Agreement } from '../../bindings/Agreement';
import { ruleFrom } from '../../forms/rules';
import { dialogs, toAppError } from '../../ipc';
import { useSignAgreement } from '../../ipc/agreements';
import { today } from '../../lib/dates';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkDate } from '../../lib/ledger';
import { formatMoney } from '../../lib/money';
import { agreementErrorMessage, agreementStatusLabel } from './agreementLib';

type Values = { signed_date: string; scan_path: string; apply_terms: boolean };

const FORM_FIELDS = new Set(['signed_date', 'scan_path']);

/**
 * Records the signature: the date, the signed scan (typed or chosen) and whether
 * the distributor's payment days and credit limit become the agreement's.
 * Field ids are `sign_<field>`; the browse button is `#sign_scan_path-browse`.
 */
export function SignModal({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sign = useSignAgreement();
  const [error, setError] = useState<string | null>(null);

  const browse = async () => {
    try {
      const picked = await dialogs.pickAttachmentFile(t('agreement.sign.pickTitle'), {
        images: t('attachments.filterImages'),
        pdf: t('attachments.filterPdf'),
        all: t('attachments.filterAll'),
      });
      if (picked) {
        form.setFieldValue('scan_path', picked);
        form.setFields([{ name: 'scan_path', errors: [] }]);
      }
    } catch (e) {
      message.error(agreementErrorMessage(toAppError(e), t));
    }
  };

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      const detail = await sign.mutateAsync({
        id: agreement.id,
        signed_date: (v.signed_date ?? '').trim(),
        scan_path: (v.scan_path ?? '').trim(),
        apply_terms: !!v.apply_terms,
      });
      message.success(
        t('agreement.sign.done', {
          number: detail.agreement.number,
          status: agreementStatusLabel(t, detail.agreement.status),
        }),
      );
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
      title={t('agreement.sign.title', { number: agreement.number, version: agreement.version })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('agreement.sign.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'sign-ok', loading: sign.isPending }}
      cancelButtonProps={{ id: 'sign-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="agreement-sign-modal">{node}</div>}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="sign"
        layout="vertical"
        initialValues={{ signed_date: today(), scan_path: '', apply_terms: true }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item
          name="signed_date"
          label={t('fields.signed_date')}
          required
          rules={[ruleFrom<string>(t, checkDate)]}
        >
          <Input placeholder={t('common.datePlaceholder')} autoComplete="off" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          label={t('fields.scan_path')}
          extra={t('agreement.sign.scanHint')}
          htmlFor="sign_scan_path"
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="scan_path" noStyle>
              <Input placeholder={t('pathPrompt.placeholder')} autoComplete="off" />
            </Form.Item>
            <Button id="sign_scan_path-browse" icon={<FolderOpenOutlined />} onClick={() => void browse()}>
              {t('pathPrompt.browse')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="apply_terms" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('agreement.sign.applyTerms')}</Checkbox>
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('agreement.sign.applyTermsDetail', {
            days: agreement.payment_days,
            limit: formatMoney(agreement.credit_limit),
          })}
        </Typography.Paragraph>
      </Form>
      {error ? <Alert id="sign-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
