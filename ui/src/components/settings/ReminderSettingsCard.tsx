import { App, Button, Card, Flex, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ReminderSettings } from '../../bindings/ReminderSettings';
import { toAppError } from '../../ipc';
import { useReminderSettings, useSaveReminderSettings } from '../../ipc/collections';
import { applyAppErrorToForm } from '../../lib/errors';
import { QueryError } from '../QueryError';

const FIELDS: (keyof ReminderSettings)[] = ['confirmation_days', 'overdue_days', 'finalise_days'];

function DaysForm({ initial }: { initial: ReminderSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReminderSettings>();
  const save = useSaveReminderSettings();
  const submit = async (v: ReminderSettings) => {
    try {
      form.setFieldsValue(await save.mutateAsync(v));
      message.success(t('reminderSettings.saved'));
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
      id="reminder-settings"
    >
      <Flex gap={16} wrap>
        {FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={t(`fields.${f}`)}>
            <InputNumber
              id={`reminder_${f}`}
              min={1}
              max={365}
              precision={0}
              addonAfter={t('reminderSettings.days')}
            />
          </Form.Item>
        ))}
      </Flex>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('reminderSettings.hint')}</Typography.Text>
        <Button htmlType="submit" loading={save.isPending} id="reminder-settings-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** When statements unanswered, overdue balances and unfinalised quarters become due. */
export function ReminderSettingsCard() {
  const { t } = useTranslation();
  const settings = useReminderSettings();
  return (
    <Card
      title={t('reminderSettings.title')}
      size="small"
      style={{ marginBottom: 16 }}
      id="reminder-settings-card"
    >
      {settings.error ? <QueryError error={settings.error} /> : null}
      {settings.data ? <DaysForm initial={settings.data} /> : <Skeleton active />}
    </Card>
  );
}
