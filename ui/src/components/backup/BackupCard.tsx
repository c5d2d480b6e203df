import { CloudDownloadOutlined, FolderOpenOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { BackupInfo } from '../../bindings/BackupInfo';
import type { BackupListed } from '../../bindings/BackupListed';
import type { BackupSettings } from '../../bindings/BackupSettings';
import { dialogs, toAppError } from '../../ipc';
import {
  inspectBackup,
  useBackupNow,
  useBackupOverview,
  useRestoreBackup,
  useSaveBackupSettings,
} from '../../ipc/backups';
import { appErrorMessage, applyAppErrorToForm } from '../../lib/errors';
import { QueryError } from '../QueryError';

/** `2026-12-02T09:15:30.123+08:00` → `2026-12-02 09:15:30`. */
export function shownTime(rfc3339: string): string {
  return rfc3339.length >= 19 ? rfc3339.slice(0, 19).replace('T', ' ') : rfc3339;
}

function shownSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** What a backup holds, as the confirmation shows it. */
function Holds({ info }: { info: BackupInfo }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'file',
          label: t('backup.file'),
          children: <Typography.Text code>{info.file_name}</Typography.Text>,
        },
        { key: 'created', label: t('backup.created'), children: shownTime(info.created_at) },
        { key: 'version', label: t('backup.version'), children: info.app_version || '—' },
        { key: 'distributors', label: t('backup.distributors'), children: info.counts.distributor ?? 0 },
        { key: 'ledger', label: t('backup.ledger'), children: info.counts.ledger_entry ?? 0 },
        { key: 'agreements', label: t('backup.agreements'), children: info.counts.agreement ?? 0 },
        { key: 'complaints', label: t('backup.complaints'), children: info.counts.complaint ?? 0 },
        { key: 'attachments', label: t('backup.attachments'), children: info.attachments },
      ]}
    />
  );
}

/** Checks `path`, shows what it holds, and restores it once confirmed. */
export function useRestoreFlow() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const restore = useRestoreBackup();
  return async (path: string) => {
    let info: BackupInfo;
    try {
      info = await inspectBackup(path);
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
      return;
    }
    modal.confirm({
      title: t('backup.confirmTitle'),
      width: 560,
      okText: t('backup.restore'),
      okButtonProps: { danger: true, id: 'backup-restore-ok' },
      content: (
        <>
          <Typography.Paragraph>{t('backup.confirmBody')}</Typography.Paragraph>
          <Holds info={info} />
        </>
      ),
      onOk: async () => {
        try {
          const done = await restore.mutateAsync(path);
          message.success(
            done.safety_copy ? t('backup.restoredKept', { path: done.safety_copy }) : t('backup.restored'),
            8,
          );
        } catch (e) {
          message.error(appErrorMessage(toAppError(e), t), 8);
        }
      },
    });
  };
}

function SettingsForm({ initial, folder }: { initial: BackupSettings; folder: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BackupSettings>();
  const save = useSaveBackupSettings();
  const submit = async (v: BackupSettings) => {
    try {
      const saved = await save.mutateAsync({
        folder: (v.folder ?? '').trim(),
        keep_daily: v.keep_daily ?? 0,
        keep_weekly: v.keep_weekly ?? 0,
        keep_monthly: v.keep_monthly ?? 0,
      });
      form.setFieldsValue(saved);
      message.success(t('backup.settingsSaved'));
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
      id="backup-settings"
    >
      <Form.Item name="folder" label={t('backup.folder')} extra={t('backup.folderHint', { folder })}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="folder" noStyle>
            <Input id="backup-folder" placeholder={folder} />
          </Form.Item>
          <Button
            icon={<FolderOpenOutlined />}
            onClick={() =>
              void dialogs.pickFolder(t('backup.folder')).then((p) => {
                if (p) form.setFieldValue('folder', p);
              })
            }
          />
        </Space.Compact>
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="keep_daily" label={t('backup.keepDaily')}>
          <InputNumber id="backup-keep-daily" min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="keep_weekly" label={t('backup.keepWeekly')}>
          <InputNumber id="backup-keep-weekly" min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="keep_monthly" label={t('backup.keepMonthly')}>
          <InputNumber id="backup-keep-monthly" min={0} max={1000} precision={0} />
        </Form.Item>
      </Flex>
      <Button htmlType="submit" loading={save.isPending} id="backup-settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** Backup now, restore, the list of backups and the rotation settings. */
export function BackupCard({ titled = true }: { titled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const overview = useBackupOverview();
  const now = useBackupNow();
  const restore = useRestoreFlow();
  const [picking, setPicking] = useState(false);

  const backupNow = async () => {
    try {
      const info = await now.mutateAsync();
      message.success(t('backup.written', { file: info.file_name }));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t), 8);
    }
  };
  const restoreFromFile = async () => {
    setPicking(true);
    try {
      const p = await dialogs.pickBackupFile(t('backup.restoreFile'));
      if (p) await restore(p);
    } finally {
      setPicking(false);
    }
  };

  const columns: ColumnsType<BackupListed> = [
    {
      key: 'created',
      title: t('backup.created'),
      render: (_, b) => (b.problem ? b.info.file_name : shownTime(b.info.created_at)),
    },
    {
      key: 'kind',
      title: t('backup.kind'),
      render: (_, b) =>
        b.problem ? (
          <Tag color="red" title={b.problem}>
            {t('backup.unreadable')}
          </Tag>
        ) : (
          <Tag>{t(`backup.kinds.${b.info.kind}`)}</Tag>
        ),
    },
    { key: 'size', title: t('backup.size'), align: 'right', render: (_, b) => shownSize(b.info.size) },
    {
      key: 'distributors',
      title: t('backup.distributors'),
      align: 'right',
      render: (_, b) => b.info.counts.distributor ?? '—',
    },
    {
      key: 'ledger',
      title: t('backup.ledger'),
      align: 'right',
      render: (_, b) => b.info.counts.ledger_entry ?? '—',
    },
    {
      key: 'attachments',
      title: t('backup.attachments'),
      align: 'right',
      render: (_, b) => b.info.attachments,
    },
    {
      key: 'actions',
      title: '',
      render: (_, b) => (
        <Button
          size="small"
          icon={<HistoryOutlined />}
          disabled={!!b.problem}
          onClick={() => void restore(b.info.path)}
        >
          {t('backup.restore')}
        </Button>
      ),
    },
  ];

  const data = overview.data;
  const attempt = data?.last_attempt;
  return (
    <Card
      title={titled ? t('backup.title') : undefined}
      size="small"
      style={{ marginBottom: 16 }}
      id="backup-card"
    >
      {overview.error ? <QueryError error={overview.error} /> : null}
      <Flex gap={8} style={{ marginBottom: 12 }} wrap>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={now.isPending}
          onClick={() => void backupNow()}
          id="backup-now"
        >
          {t('backup.now')}
        </Button>
        <Button
          icon={<CloudDownloadOutlined />}
          loading={picking}
          onClick={() => void restoreFromFile()}
          id="backup-restore-file"
        >
          {t('backup.restoreFile')}
        </Button>
      </Flex>
      {attempt?.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          id="backup-failed"
          title={t('backup.failed', { at: shownTime(attempt.at) })}
          description={appErrorMessage(attempt.error, t)}
        />
      ) : null}
      {data ? (
        <>
          <Typography.Paragraph id="backup-last">
            {data.last_success
              ? t('backup.lastSuccess', { at: shownTime(data.last_success) })
              : t('backup.never')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(b) => b.info.path}
            columns={columns}
            dataSource={data.backups}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            id="backup-list"
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('backup.settings')}
          </Typography.Title>
          <SettingsForm initial={data.settings} folder={data.folder} />
        </>
      ) : null}
    </Card>
  );
}

/** The restore button of a damaged or half-upgraded database's warning. */
export function RestoreButton({ path, label }: { path: string; label: string }) {
  const restore = useRestoreFlow();
  return (
    <Button danger size="small" onClick={() => void restore(path)} id="problem-restore">
      {label}
    </Button>
  );
}
