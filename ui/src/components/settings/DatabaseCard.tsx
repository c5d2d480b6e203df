import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Connection } from '../../bindings/Connection';
import type { DatabaseView } from '../../bindings/DatabaseView';
import type { ServerProbe } from '../../bindings/ServerProbe';
import type { ServerSettings } from '../../bindings/ServerSettings';
import { toAppError } from '../../ipc';
import { useDatabase, useDatabaseTest, useRestart, useSaveDatabase } from '../../ipc/setup';
import { applyAppErrorToForm } from '../../lib/errors';
import { QueryError } from '../QueryError';

type Kind = 'file' | 'server';
type Values = { kind: Kind; server: ServerSettings; password: string };

const BLANK: ServerSettings = {
  host: '',
  port: 5432,
  database: 'dealerdesk',
  user: '',
  require_tls: false,
};

function trimmed(s: ServerSettings): ServerSettings {
  return {
    ...s,
    host: s.host.trim(),
    database: s.database.trim(),
    user: s.user.trim(),
    port: Number(s.port) || 0,
  };
}

function settingsOf(c: Connection): ServerSettings {
  if (c.kind !== 'server') return BLANK;
  const { host, port, database, user, require_tls } = c;
  return { host, port, database, user, require_tls };
}

function ProbeResult({ probe }: { probe: ServerProbe }) {
  const { t } = useTranslation();
  const holds = ['empty', 'dealerdesk', 'newer', 'foreign'].includes(probe.holds) ? probe.holds : 'foreign';
  return (
    <Alert
      id="database-probe"
      data-holds={probe.holds}
      type={holds === 'empty' || holds === 'dealerdesk' ? 'success' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      message={t('database.tested', {
        version: probe.version,
        tls: t(probe.tls ? 'database.tls' : 'database.plain'),
      })}
      description={t(`database.holds.${holds}`, { schema: probe.schema_version ?? '' })}
    />
  );
}

function DatabaseForm({ view }: { view: DatabaseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveDatabase();
  const test = useDatabaseTest();
  const restart = useRestart();
  const [probe, setProbe] = useState<ServerProbe | null>(null);
  const [savedOnce, setSavedOnce] = useState(false);
  const kind = Form.useWatch('kind', form) ?? view.saved.kind;

  // A field refused before is checked again on the next try.
  const clearErrors = () =>
    form.setFields(
      (['host', 'port', 'database', 'user'] as const).map((f) => ({
        name: ['server', f],
        errors: [],
      })),
    );

  const fail = (e: unknown) => {
    const msg = applyAppErrorToForm(form, toAppError(e), t);
    if (msg) message.error(msg);
  };

  const runTest = async () => {
    setProbe(null);
    clearErrors();
    const v = form.getFieldsValue();
    try {
      setProbe(
        await test.mutateAsync({
          server: trimmed(v.server),
          password: v.password ? v.password : null,
        }),
      );
    } catch (e) {
      fail(e);
    }
  };

  const submit = async (v: Values) => {
    clearErrors();
    try {
      await save.mutateAsync({
        connection: v.kind === 'server' ? { kind: 'server', ...trimmed(v.server) } : { kind: 'file' },
        password: v.kind === 'server' && v.password ? v.password : null,
      });
      form.setFieldValue('password', '');
      setSavedOnce(true);
      message.success(t('database.saved'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Form<Values>
      form={form}
      id="database-form"
      layout="vertical"
      initialValues={{
        kind: view.saved.kind,
        server: settingsOf(view.saved),
        password: '',
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="kind" label={t('database.choice')}>
        <Radio.Group>
          <Flex vertical gap={4}>
            <Radio value="file">
              <span id="database-kind-file">{t('database.file')}</span>
            </Radio>
            <Typography.Text type="secondary" style={{ marginLeft: 24 }}>
              {t('database.fileHint', { path: view.file })}
            </Typography.Text>
            <Radio value="server">
              <span id="database-kind-server">{t('database.server')}</span>
            </Radio>
            <Typography.Text type="secondary" style={{ marginLeft: 24 }}>
              {t('database.serverHint')}
            </Typography.Text>
          </Flex>
        </Radio.Group>
      </Form.Item>
      {kind === 'server' ? (
        <>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={['server', 'host']} label={t('database.host')} required>
                <Input id="database-host" placeholder="192.168.1.10" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name={['server', 'port']} label={t('database.port')}>
                <InputNumber id="database-port" min={1} max={65535} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={16} md={8}>
              <Form.Item name={['server', 'database']} label={t('database.database')} required>
                <Input id="database-name" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['server', 'user']} label={t('database.user')} required>
                <Input id="database-user" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="password" label={t('database.password')}>
                <Input.Password
                  id="database-password"
                  autoComplete="new-password"
                  placeholder={view.password_saved ? t('database.passwordKept') : ''}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['server', 'require_tls']} valuePropName="checked" extra={t('database.tlsHint')}>
            <Checkbox id="database-require-tls">{t('database.requireTls')}</Checkbox>
          </Form.Item>
          {probe ? <ProbeResult probe={probe} /> : null}
        </>
      ) : null}
      <Flex justify="end" gap={8} wrap>
        {kind === 'server' ? (
          <Button id="database-test" loading={test.isPending} onClick={() => void runTest()}>
            {t('database.test')}
          </Button>
        ) : null}
        {savedOnce ? (
          <Button id="database-restart" loading={restart.isPending} onClick={() => restart.mutate()}>
            {t('database.restart')}
          </Button>
        ) : null}
        <Button id="database-save" type="primary" htmlType="submit" loading={save.isPending}>
          {t('database.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** Settings → Database: this PC's file or the office server, for the next start. */
export function DatabaseCard() {
  const { t } = useTranslation();
  const view = useDatabase();
  return (
    <Card title={t('database.title')} size="small" id="database-card">
      {view.error ? (
        <QueryError error={view.error} onRetry={() => void view.refetch()} />
      ) : view.data ? (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('database.inUse')}>
              <Flex gap={8} wrap align="center">
                <Tag color={view.data.on_server ? 'blue' : 'default'}>
                  {t(view.data.on_server ? 'database.onServer' : 'database.onFile')}
                </Tag>
                <Typography.Text code id="database-current">
                  {view.data.current}
                </Typography.Text>
              </Flex>
            </Descriptions.Item>
          </Descriptions>
          {view.data.fixed_by ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('database.fixedBy', { by: view.data.fixed_by })}
            />
          ) : null}
          <DatabaseForm view={view.data} />
        </>
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </Card>
  );
}
