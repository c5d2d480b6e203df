import { App, AutoComplete, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { CallChannel } from '../../bindings/CallChannel';
import { toAppError } from '../../ipc';
import { useAddCall } from '../../ipc/collections';
import { officeNow } from '../../lib/dates';
import { applyAppErrorToForm } from '../../lib/errors';

type Values = {
  called_on: string;
  contact: string;
  channel: CallChannel;
  note: string;
  promised_amount: string;
  promised_on: string;
};

export const CHANNELS: CallChannel[] = ['phone', 'wechat', 'visit', 'email', 'letter', 'other'];

/** Logs a collection call, message or visit, with the payment promised if one was made. */
export function CallModal({
  distributorId,
  title,
  people = [],
  onClose,
}: {
  distributorId: number;
  /** The distributor, as the dialog's title names it. */
  title: string;
  /** Names to offer for "who was spoken to". */
  people?: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddCall();
  const initial: Values = {
    called_on: officeNow().format('YYYY-MM-DD'),
    contact: people[0] ?? '',
    channel: 'phone',
    note: '',
    promised_amount: '',
    promised_on: '',
  };
  const submit = async (v: Values) => {
    const s = (x: string | undefined) => (x ?? '').trim();
    try {
      await add.mutateAsync({
        distributor_id: distributorId,
        called_on: s(v.called_on),
        contact: s(v.contact),
        channel: v.channel,
        note: s(v.note),
        promised_amount: s(v.promised_amount),
        promised_on: s(v.promised_on),
      });
      message.success(t('collections.saved'));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Modal
      open
      width={620}
      title={t('collections.modalTitle', { name: title })}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ id: 'call-save', loading: add.isPending }}
      cancelButtonProps={{ id: 'call-cancel' }}
      onOk={() => form.submit()}
      modalRender={(node) => <div id="call-modal">{node}</div>}
      destroyOnHidden
    >
      <Form
        form={form}
        name="call"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
      >
        <Space wrap align="start">
          <Form.Item name="called_on" label={t('fields.called_on')} required>
            <Input id="call_called_on" placeholder="YYYY-MM-DD" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="contact" label={t('collections.spokeTo')} required>
            <AutoComplete
              id="call_contact"
              style={{ width: 180 }}
              options={people.map((p) => ({ value: p }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('collections.channelLabel')}>
            <Select<CallChannel>
              id="call_channel"
              style={{ width: 130 }}
              virtual={false}
              options={CHANNELS.map((c) => ({
                value: c,
                label: t(`collections.channel.${c}`),
                className: `call-channel-${c}`,
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea id="call_note" rows={3} maxLength={2000} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="promised_amount" label={t('fields.promised_amount')}>
            <Input id="call_promised_amount" placeholder="0.00" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="promised_on" label={t('fields.promised_on')}>
            <Input id="call_promised_on" placeholder="YYYY-MM-DD" style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Typography.Text type="secondary">{t('collections.promiseHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
