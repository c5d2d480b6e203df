import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Role } from '../../bindings/Role';
import type { Scope } from '../../bindings/Scope';
import type { User } from '../../bindings/User';
import { toAppError } from '../../ipc';
import { useLoginState, usePasswordReset, useUserAdd, useUserUpdate, useUsers } from '../../ipc/login';
import { applyAppErrorToForm } from '../../lib/errors';
import { sameAs } from '../../lib/passwords';
import { FirstOwnerForm } from '../LoginGate';
import { QueryError } from '../QueryError';

const ROLES: Role[] = ['owner', 'channel_manager', 'finance', 'service', 'trainer', 'viewer', 'export'];

type ScopeKind = Scope['kind'];

type UserValues = {
  login: string;
  display_name: string;
  password: string;
  again: string;
  roles: Role[];
  scope_kind: ScopeKind;
  region: string;
  disabled: boolean;
};

function scopeOf(v: UserValues): Scope {
  return v.scope_kind === 'region'
    ? { kind: 'region', region: (v.region ?? '').trim() }
    : { kind: v.scope_kind };
}

/** Settings → Users: who may log in, with what roles and what they see. */
export function UsersCard() {
  const { t } = useTranslation();
  const state = useLoginState();
  const owner = state.data?.user?.roles.includes('owner') ?? false;
  const users = useUsers(owner);
  if (!state.data) return <Skeleton active />;
  if (!state.data.required) {
    // An office without users: whoever is here may set up the owner (themselves).
    return (
      <Card title={t('users.title')} id="users-card">
        <Typography.Paragraph id="users-none">{t('users.none')}</Typography.Paragraph>
        <div style={{ maxWidth: 400 }}>
          <FirstOwnerForm />
        </div>
      </Card>
    );
  }
  if (!owner) return <Typography.Paragraph>{t('users.ownerOnly')}</Typography.Paragraph>;
  return (
    <Card title={t('users.title')} id="users-card">
      {users.error ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <UsersTable users={users.data} loading={users.isPending} me={state.data.user?.login ?? ''} />
      )}
    </Card>
  );
}

function UsersTable({ users, loading, me }: { users: User[] | undefined; loading: boolean; me: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const scopeText = (s: Scope) =>
    s.kind === 'region' ? t('users.scope.regionOf', { region: s.region }) : t(`users.scope.${s.kind}`);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('users.hint')}</Typography.Paragraph>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button id="user-add" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('users.add')}
        </Button>
      </Flex>
      <Table<User>
        id="users-table"
        rowKey="login"
        size="small"
        loading={loading}
        dataSource={users ?? []}
        pagination={false}
        columns={[
          { title: t('login.login'), dataIndex: 'login' },
          { title: t('users.name'), dataIndex: 'display_name' },
          {
            title: t('users.rolesLabel'),
            render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`users.roles.${r}`)}</Tag>),
          },
          { title: t('users.scopeLabel'), render: (_, u) => scopeText(u.scope) },
          {
            title: t('users.state'),
            render: (_, u) =>
              u.disabled ? (
                <Tag color="default">{t('users.disabled')}</Tag>
              ) : u.locked_until && new Date(u.locked_until) > new Date() ? (
                <Tag color="orange">{t('users.locked')}</Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              ),
          },
          {
            title: '',
            render: (_, u) => (
              <Flex gap={8}>
                <Button size="small" id={`user-edit-${u.login}`} onClick={() => setEditing(u)}>
                  {t('users.edit')}
                </Button>
                <Button size="small" id={`user-reset-${u.login}`} onClick={() => setResetting(u)}>
                  {t('users.reset')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {editing ? (
        <UserModal user={editing === 'new' ? null : editing} me={me} onClose={() => setEditing(null)} />
      ) : null}
      {resetting ? <ResetModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </>
  );
}

function UserModal({ user, me, onClose }: { user: User | null; me: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserValues>();
  const add = useUserAdd();
  const update = useUserUpdate();
  const kind = Form.useWatch('scope_kind', form);
  const required = (key: string) => [{ required: true, message: t(key) }];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (user) {
        await update.mutateAsync({
          login: user.login,
          display_name: v.display_name.trim(),
          roles: v.roles,
          scope: scopeOf(v),
          disabled: v.disabled,
        });
      } else {
        await add.mutateAsync({
          login: v.login.trim(),
          display_name: v.display_name.trim(),
          password: v.password,
          roles: v.roles,
          scope: scopeOf(v),
        });
      }
      message.success(t('users.saved'));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        alias: (f) => (f === 'scope' ? 'region' : f),
      });
      if (msg) message.error(msg);
    }
  };
  const initial: Partial<UserValues> = user
    ? {
        login: user.login,
        display_name: user.display_name,
        roles: user.roles,
        scope_kind: user.scope.kind,
        region: user.scope.kind === 'region' ? user.scope.region : '',
        disabled: user.disabled,
      }
    : { roles: [], scope_kind: 'all', region: '', disabled: false };
  return (
    <Modal
      open
      title={user ? t('users.editTitle', { login: user.login }) : t('users.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={add.isPending || update.isPending}
      okButtonProps={{ id: 'user-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false}>
        <Form.Item name="login" label={t('login.login')} rules={required('login.loginRequired')}>
          <Input id="user-login" disabled={user !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="display_name"
          label={t('login.displayName')}
          rules={required('login.displayNameRequired')}
        >
          <Input id="user-name" />
        </Form.Item>
        {user ? null : (
          <>
            <Form.Item
              name="password"
              label={t('login.newPassword')}
              extra={t('login.passwordRule')}
              rules={required('login.passwordRequired')}
            >
              <Input.Password id="user-password-new" autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="again"
              label={t('login.again')}
              dependencies={['password']}
              rules={[...required('login.passwordRequired'), sameAs('password', t)]}
            >
              <Input.Password id="user-password-again" autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item name="roles" label={t('users.rolesLabel')} rules={required('users.rolesRequired')}>
          <Select
            id="user-roles-select"
            mode="multiple"
            options={ROLES.map((r) => ({
              value: r,
              label: <span className={`role-option-${r}`}>{t(`users.roles.${r}`)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item name="scope_kind" label={t('users.scopeLabel')} extra={t('users.scopeHint')}>
          <Select
            id="user-scope"
            options={(['all', 'region', 'own'] as const).map((k) => ({
              value: k,
              label: <span className={`scope-option-${k}`}>{t(`users.scope.${k}`)}</span>,
            }))}
          />
        </Form.Item>
        {kind === 'region' ? (
          <Form.Item name="region" label={t('users.region')} rules={required('users.regionRequired')}>
            <Input id="user-region" />
          </Form.Item>
        ) : null}
        {user ? (
          <Form.Item name="disabled" label={t('users.disabledLabel')} valuePropName="checked">
            <Switch id="user-disabled" disabled={user.login === me} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function ResetModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; again: string }>();
  const reset = usePasswordReset();
  const required = [{ required: true, message: t('login.passwordRequired') }];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await reset.mutateAsync({ login: user.login, password: v.password });
      message.success(t('users.resetDone', { login: user.login }));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Modal
      open
      title={t('users.resetTitle', { login: user.login })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={reset.isPending}
      okButtonProps={{ id: 'user-reset-save' }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label={t('login.newPassword')}
          extra={t('login.passwordRule')}
          rules={required}
        >
          <Input.Password id="user-reset-new" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label={t('login.again')}
          dependencies={['password']}
          rules={[...required, sameAs('password', t)]}
        >
          <Input.Password id="user-reset-again" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
