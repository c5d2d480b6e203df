import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { type AppError, isAppError } from '../ipc';
import { useFirstOwner, useLogin, useLoginState } from '../ipc/login';
import { useAppInfo } from '../ipc/queries';
import { applyAppErrorToForm } from '../lib/errors';
import { sameAs } from '../lib/passwords';
import { LanguageSwitch } from './LanguageSwitch';

type LoginValues = { login: string; password: string };
type OwnerValues = { login: string; display_name: string; password: string; again: string };

/**
 * Once the database has users (and on every server), nothing shows before
 * logging in; a server database without users first sets up its owner.
 * An office without users never sees this.
 */
export function LoginGate({ children }: { children: ReactNode }) {
  const state = useLoginState();
  const info = useAppInfo();
  // A database that cannot be used says so in the window itself (and offers a
  // restore): nothing to log in to, and no waiting for an answer it cannot give.
  if (info.data?.problem) return <>{children}</>;
  if (state.isPending) return <Spin style={{ display: 'block', marginTop: 160 }} />;
  const s = state.data;
  if (!s || !s.required || s.user) return <>{children}</>;
  return (
    <Flex
      id="login-screen"
      justify="center"
      align="flex-start"
      style={{ minHeight: '100vh', paddingTop: 120 }}
    >
      <Card style={{ width: 400 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            DealerDesk
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        {s.first_owner ? <FirstOwnerForm /> : <LoginForm />}
      </Card>
    </Flex>
  );
}

function useFailure() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (form: Parameters<typeof applyAppErrorToForm>[0], e: unknown) => {
    if (!isAppError(e)) {
      message.error(String(e));
      return;
    }
    const msg = applyAppErrorToForm(form, e as AppError, t);
    if (msg) message.error(msg);
  };
}

function LoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const login = useLogin();
  const failed = useFailure();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await login.mutateAsync({ login: v.login.trim(), password: v.password });
    } catch (e) {
      form.setFieldValue('password', '');
      failed(form, e);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('login.hint')}</Typography.Paragraph>
      <Form.Item
        name="login"
        label={t('login.login')}
        rules={[{ required: true, message: t('login.loginRequired') }]}
      >
        <Input id="login-name" prefix={<UserOutlined />} autoFocus autoComplete="username" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password id="login-password" prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button id="login-submit" type="primary" htmlType="submit" block loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}

export function FirstOwnerForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<OwnerValues>();
  const add = useFirstOwner();
  const failed = useFailure();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({
        login: v.login.trim(),
        display_name: v.display_name.trim(),
        password: v.password,
        roles: ['owner'],
        scope: null,
      });
    } catch (e) {
      failed(form, e);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark={false}>
      <Typography.Paragraph id="first-owner-hint">{t('login.firstOwnerHint')}</Typography.Paragraph>
      <Form.Item
        name="login"
        label={t('login.login')}
        rules={[{ required: true, message: t('login.loginRequired') }]}
      >
        <Input id="owner-login" autoFocus autoComplete="username" />
      </Form.Item>
      <Form.Item
        name="display_name"
        label={t('login.displayName')}
        rules={[{ required: true, message: t('login.displayNameRequired') }]}
      >
        <Input id="owner-name" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.newPassword')}
        extra={t('login.passwordRule')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password id="owner-password" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="again"
        label={t('login.again')}
        dependencies={['password']}
        rules={[{ required: true, message: t('login.passwordRequired') }, sameAs('password', t)]}
      >
        <Input.Password id="owner-again" autoComplete="new-password" />
      </Form.Item>
      <Button id="owner-submit" type="primary" htmlType="submit" block loading={add.isPending}>
        {t('login.createOwner')}
      </Button>
    </Form>
  );
}
