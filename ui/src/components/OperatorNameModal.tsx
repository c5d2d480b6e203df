import { App, Button, ConfigProvider, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useSaveSettings, useSettings } from '../ipc/queries';
import { applyAppErrorToForm } from '../lib/errors';
import { checkRequired } from '../lib/validation';

type Values = { operator_name: string };

/** First start: every write names its operator, so ask once before anything else. */
export function OperatorNameModal() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm<Values>();

  const open = settings.data !== undefined && settings.data.operator_name.trim() === '';

  const submit = async () => {
    const current = settings.data;
    if (!current) return;
    const { operator_name } = await form.validateFields();
    try {
      await save.mutateAsync({ ...current, operator_name: operator_name.trim() });
    } catch (e) {
      const msg = applyAppErrorToForm(form, e as never, t, {
        hasField: (p) => p[0] === 'operator_name',
      });
      if (msg) message.error(msg);
    }
  };

  // No opening animation: on a first start the dialog is the whole page, and a
  // window drawn while a fade runs shows only the dimmed mask.
  return (
    <ConfigProvider theme={{ token: { motion: false } }}>
      <Modal
        open={open}
        title={t('firstRun.title')}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        destroyOnHidden
        footer={
          <Button
            id="operator-name-save"
            type="primary"
            loading={save.isPending}
            onClick={() => void submit().catch(() => undefined)}
          >
            {t('firstRun.save')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('firstRun.intro')}</Typography.Paragraph>
        <Form form={form} name="operator" layout="vertical" onFinish={() => void submit()}>
          <Form.Item
            name="operator_name"
            label={t('firstRun.label')}
            required
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  checkRequired(v) ? Promise.reject(new Error(t('errors.required'))) : Promise.resolve(),
              },
            ]}
          >
            <Input
              id="operator-name-input"
              autoFocus
              maxLength={50}
              placeholder={t('firstRun.placeholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </ConfigProvider>
  );
}
