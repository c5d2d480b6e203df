import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MailSettings } from '../../bindings/MailSettings';
import type { MailSettingsView } from '../../bindings/MailSettingsView';
import type { Security } from '../../bindings/Security';
import { toAppError } from '../../ipc';
import { useMailSettings, useMailTest, useSaveMailSettings } from '../../ipc/collections';
import { appErrorMessage, applyAppErrorToForm } from '../../lib/errors';
import { QueryError } from '../QueryError';

type Values = MailSettings & { password: string };

const SECURITY: Security[] = ['starttls', 'tls', 'none'];

function MailForm({ view }: { view: MailSettingsView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveMailSettings();
  const test = useMailTest();
  const [testTo, setTestTo] = useState('');
  const [saved, setSaved] = useState(view.password_saved);
  const user = Form.useWatch('user', form) ?? view.settings.user;

  const submit = async (v: Values) => {
    const { password, ...settings } = v;
    try {
      const r = await save.mutateAsync({ settings, password: password ? password : null });
      form.setFieldsValue({ ...r.settings, password: '' });
      setSaved(r.password_saved);
      message.success(t('mail.saved'));
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };

  const sendTest = async () => {
    try {
      await test.mutateAsync(testTo.trim());
      message.success(t('mail.testSent', { to: testTo.trim() }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <Form<Values>
      form={form}
      name="mail"
      layout="vertical"
      initialValues={{ ...view.settings, password: '' }}
      onFinish={(v) => void submit(v)}
      id="mail-settings"
    >
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="host" label={t('fields.host')} required>
            <Input placeholder="smtp.example.com" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="port" label={t('fields.port')}>
            <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={10}>
          <Form.Item name="security" label={t('fields.security')}>
            <Select<Security>
              virtual={false}
              options={SECURITY.map((s) => ({ value: s, label: t(`mail.security.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="user" label={t('fields.user')} extra={t('mail.userHint')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="password" label={t('fields.password')}>
            <Input.Password
              autoComplete="new-password"
              disabled={!user?.trim()}
              placeholder={saved ? t('mail.passwordKept') : ''}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sender" label={t('fields.sender')} required>
            <Input placeholder="finance@example.com" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sender_name" label={t('fields.sender_name')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subject_zh" label={t('fields.subject_zh')} required>
            <Input />
          </Form.Item>
          <Form.Item name="body_zh" label={t('fields.body_zh')}>
            <Input.TextArea rows={6} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subject_en" label={t('fields.subject_en')} required>
            <Input />
          </Form.Item>
          <Form.Item name="body_en" label={t('fields.body_en')}>
            <Input.TextArea rows={6} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('mail.placeholders')}</Typography.Paragraph>
      <Flex justify="space-between" wrap gap={8}>
        <Space.Compact>
          <Input
            id="mail-test-to"
            style={{ width: 240 }}
            placeholder={t('mail.testTo')}
            value={testTo}
            onChange={(e) => setTestTo(e.target.value)}
          />
          <Button
            id="mail-test"
            loading={test.isPending}
            disabled={!testTo.trim()}
            onClick={() => void sendTest()}
          >
            {t('mail.test')}
          </Button>
        </Space.Compact>
        <Button type="primary" htmlType="submit" loading={save.isPending} id="mail-settings-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The outgoing mail server statements are e-mailed through, and the e-mail's wording. */
export function MailSettingsCard() {
  const { t } = useTranslation();
  const settings = useMailSettings();
  return (
    <Card title={t('mail.title')} size="small" style={{ marginBottom: 16 }} id="mail-settings-card">
      {settings.error ? <QueryError error={settings.error} /> : null}
      {settings.data ? <MailForm view={settings.data} /> : <Skeleton active />}
    </Card>
  );
}
