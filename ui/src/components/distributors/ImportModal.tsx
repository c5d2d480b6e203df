import { Alert, Button, Modal, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ImportPreview } from '../../bindings/ImportPreview';
import type { ImportPreviewRow } from '../../bindings/ImportPreviewRow';
import type { ImportProgress } from '../../bindings/ImportProgress';
import type { RowError } from '../../bindings/RowError';
import { fieldErrorText, fieldLabel } from '../../lib/errors';

type Props = {
  path: string;
  preview: ImportPreview;
  /** Errors the server found on commit (the file changed after the preview). */
  commitErrors: RowError[];
  committing: boolean;
  /** Rows written so far while committing. */
  progress: ImportProgress | null;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ImportModal({
  path,
  preview,
  commitErrors,
  committing,
  progress,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const errors = commitErrors.length > 0 ? commitErrors : preview.errors;
  const blocked = errors.length > 0 || preview.rows.length === 0;

  return (
    <Modal
      open
      width={860}
      title={t('import.title')}
      onCancel={onCancel}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" id="import-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          id="import-confirm"
          type="primary"
          disabled={blocked}
          loading={committing}
          onClick={onConfirm}
        >
          {t('import.confirm')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ tooltip: path }}>
        {t('import.file', { path })}
      </Typography.Paragraph>
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic title={t('import.creates')} value={preview.creates} />
        <Statistic title={t('import.updates')} value={preview.updates} />
        <Statistic title={t('import.unchanged')} value={preview.unchanged} />
        <Statistic
          title={t('import.errorCount')}
          value={errors.length}
          styles={{ content: { color: errors.length > 0 ? '#cf1322' : undefined } }}
        />
      </Space>
      {preview.ignored_columns.length > 0 ? (
        <Alert
          type="info"
          showIcon
          id="import-ignored"
          style={{ marginBottom: 12 }}
          title={t('import.ignored', { columns: preview.ignored_columns.join('、') })}
        />
      ) : null}
      {progress ? (
        <div id="import-progress">
          <Progress
            percent={progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : 100}
            format={() => `${progress.done} / ${progress.total}`}
            style={{ marginBottom: 16 }}
          />
        </div>
      ) : null}

      {errors.length > 0 ? (
        <>
          <Alert type="error" showIcon title={t('import.errorsHint')} style={{ marginBottom: 12 }} />
          <Table<RowError>
            id="import-errors"
            size="small"
            rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
            dataSource={errors}
            pagination={errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { key: 'row', dataIndex: 'row', title: t('import.row'), width: 80 },
              {
                key: 'field',
                dataIndex: 'field',
                title: t('import.field'),
                width: 200,
                render: (f: string) => fieldLabel(t, f),
              },
              {
                key: 'message',
                title: t('import.message'),
                render: (_: unknown, e) => fieldErrorText(t, e.code, e.detail),
              },
            ]}
          />
        </>
      ) : preview.rows.length === 0 ? (
        <Alert type="warning" showIcon title={t('import.nothing')} />
      ) : (
        <>
          <Alert type="success" showIcon title={t('import.readyHint')} style={{ marginBottom: 12 }} />
          <Table<ImportPreviewRow>
            id="import-rows"
            size="small"
            rowKey="row"
            dataSource={preview.rows}
            pagination={preview.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { key: 'row', dataIndex: 'row', title: t('import.row'), width: 80 },
              { key: 'code', dataIndex: 'code', title: t('fields.code'), width: 140 },
              { key: 'name', dataIndex: 'name', title: t('fields.name') },
              {
                key: 'action',
                dataIndex: 'action',
                title: t('import.action'),
                width: 100,
                render: (a: ImportPreviewRow['action']) =>
                  a === 'create' ? (
                    <Tag color="green">{t('import.actionCreate')}</Tag>
                  ) : a === 'update' ? (
                    <Tag color="blue">{t('import.actionUpdate')}</Tag>
                  ) : (
                    <Tag>{t('import.actionUnchanged')}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
