import { UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { User } from '../bindings/User';
import { type AppError, isAppError } from '../ipc';
import { useLogout, usePasswordChange } from '../ipc/login';
import { applyAppErrorToForm } from '../lib/errors';
import { sameAs } from '../lib/passwords';

type Values = { current: string; new: string; again: string };

/** The logged-in user in the header: their roles, changing their password, logging out. */
export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  const roles = user.roles.map((r) => t(`users.roles.${r}`)).join(' / ');
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'roles', disabled: true, label: <span id="user-roles">{roles}</span> },
            { type: 'divider' },
            { key: 'password', label: <span id="user-password">{t('login.changePassword')}</span> },
            { key: 'logout', label: <span id="user-logout">{t('login.logout')}</span> },
          ],
          onClick: ({ key }) => (key === 'logout' ? logout.mutate(undefined) : setChanging(true)),
        }}
      >
        <Button id="user-menu" type="text" size="small" icon={<UserOutlined />}>
          <span id="operator-name">{user.display_name}</span>
        </Button>
      </Dropdown>
      {changing ? <PasswordModal onClose={() => setChanging(false)} /> : null}
    </>
  );
}

function PasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = usePasswordChange();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await change.mutateAsync({ current: v.current, new: v.new });
      message.success(t('login.changed'));
      onClose();
    } catch (e) {
      if (!isAppError(e)) throw e;
      const msg = applyAppErrorToForm(form, e as AppError, t, {
        alias: (f) => (f === 'password' ? 'new' : f),
      });
      if (msg) message.error(msg);
    }
  };
  const required = [{ required: true, message: t('login.passwordRequired') }];
  return (
    <Modal
      open
      title={t('login.changePassword')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={change.isPending}
      okButtonProps={{ id: 'password-save' }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="current" label={t('login.current')} rules={required}>
          <Input.Password id="password-current" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="new" label={t('login.newPassword')} extra={t('login.passwordRule')} rules={required}>
          <Input.Password id="password-new" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label={t('login.again')}
          dependencies={['new']}
          rules={[...required, sameAs('new', t)]}
        >
          <Input.Password id="password-again" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
