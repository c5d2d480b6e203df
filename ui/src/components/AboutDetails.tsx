import { FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Descriptions, Modal, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { toAppError } from '../ipc';
import { usePathOpen } from '../ipc/queries';
import { useAbout } from '../ipc/setup';
import { appErrorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/dates';

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** What the program says about itself, its files and its licences. */
export function AboutDetails() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const about = useAbout();
  const open = usePathOpen();
  if (about.error) return <Typography.Text type="danger">{appErrorMessage(about.error, t)}</Typography.Text>;
  const a = about.data;
  if (!a) return <Skeleton active paragraph={{ rows: 6 }} />;
  const folder = (id: string, path: string) => (
    <Space wrap>
      <Typography.Text code copyable id={id}>
        {path}
      </Typography.Text>
      <Button
        id={`${id}-open`}
        size="small"
        icon={<FolderOpenOutlined />}
        onClick={() =>
          void open.mutateAsync(path).catch((e) => message.error(appErrorMessage(toAppError(e), t)))
        }
      >
        {t('about.open')}
      </Button>
    </Space>
  );
  return (
    <div id="about-details">
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 170 } }}
        items={[
          {
            key: 'version',
            label: t('about.version'),
            children: <span id="about-version">{a.version}</span>,
          },
          {
            key: 'schema',
            label: t('about.schema'),
            children: (
              <Space wrap>
                <Typography.Text code id="about-schema">
                  {a.schema_version}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('about.migrations', { applied: a.migrations_applied, known: a.migrations_known })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'db',
            label: t('about.database'),
            children: (
              <Typography.Text id="db-path" copyable code>
                {a.db_path}
              </Typography.Text>
            ),
          },
          { key: 'size', label: t('about.size'), children: <span id="about-size">{bytes(a.db_bytes)}</span> },
          { key: 'data', label: t('about.dataFolder'), children: folder('about-data-folder', a.data_folder) },
          {
            key: 'backups',
            label: t('about.backupFolder'),
            children: folder('about-backup-folder', a.backup_folder),
          },
          {
            key: 'last',
            label: t('about.lastBackup'),
            children: (
              <span id="about-last-backup">
                {a.last_backup
                  ? `${formatDateTime(a.last_backup.created_at)} · ${a.last_backup.file_name}`
                  : t('about.noBackup')}
              </span>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('about.licences')}
      </Typography.Title>
      <Collapse
        size="small"
        items={[
          {
            key: 'app',
            label: t('about.licence'),
            children: <pre className="licence-text">{a.licence}</pre>,
          },
          {
            key: 'font',
            label: t('about.fontLicence'),
            children: <pre className="licence-text">{a.font_licence}</pre>,
          },
        ]}
      />
    </div>
  );
}

export function AboutModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open width={760} title={t('about.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <AboutDetails />
    </Modal>
  );
}
