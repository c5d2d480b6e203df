import { Alert, App, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import type { Status } from '../../bindings/Status';
import { toAppError } from '../../ipc';
import { useTransition } from '../../ipc/queries';
import { STATUSES, needsReason } from '../../lib/domain';
import { applyAppErrorToForm } from '../../lib/errors';
import { StatusTag } from '../Tags';
import { officeNow } from '../../lib/dates';

type Props = {
  distributor: Distributor;
  target: Status;
  allowed: Status[];
  onClose: () => void;
  /** A reason to start from (an exit names the quarters below the baseline). */
  reason?: string;
  /** Shown above the form (an exit shows the agreement's buy-back terms). */
  notice?: ReactNode;
};

type Values = { to: Status; date: Dayjs | null; reason: string };

const FORM_FIELDS = new Set(['to', 'date', 'reason']);

/** Moves a distributor to another status. Targets the lifecycle forbids are still sent, so the server's refusal is shown. */
export function TransitionModal({ distributor, target, allowed, onClose, reason = '', notice }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const transition = useTransition();
  const [error, setError] = useState<string | null>(null);
  const to = Form.useWatch('to', form) ?? target;

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      const saved = await transition.mutateAsync({
        id: distributor.id,
        to: v.to,
        date: (v.date ?? officeNow()).format('YYYY-MM-DD'),
        reason: (v.reason ?? '').trim(),
      });
      message.success(t('transition.done', { status: t(`status.${saved.status}`) }));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
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
      title={t('transition.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.confirm')}
      okButtonProps={{ id: 'transition-confirm', danger: needsReason(to), loading: transition.isPending }}
      cancelButtonProps={{ id: 'transition-cancel' }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text>
          {t('transition.current')}：<StatusTag status={distributor.status} />
        </Typography.Text>
        {notice}
        <Form<Values>
          form={form}
          name="transition"
          layout="vertical"
          initialValues={{ to: target, date: officeNow(), reason }}
          onValuesChange={() => setError(null)}
        >
          <Form.Item
            name="to"
            label={t('transition.to')}
            extra={
              allowed.includes(to) ? undefined : (
                <span className="muted">{t('transition.notAllowedHint')}</span>
              )
            }
          >
            <Select<Status>
              virtual={false}
              options={STATUSES.map((s) => ({
                value: s,
                label: t(`status.${s}`),
                className: `status-option-${s}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('transition.date')}
            rules={[{ required: true, message: t('errors.required') }]}
          >
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('transition.reason')}
            required={needsReason(to)}
            dependencies={['to']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: string | undefined) =>
                  needsReason(getFieldValue('to') as Status) && !(v ?? '').trim()
                    ? Promise.reject(
                        new Error(
                          t('transition.reasonRequired', {
                            status: t(`status.${getFieldValue('to') as Status}`),
                          }),
                        ),
                      )
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('transition.reasonPlaceholder')}
            />
          </Form.Item>
        </Form>
        {error ? <Alert id="transition-error" type="error" showIcon title={error} /> : null}
      </Space>
    </Modal>
  );
}
