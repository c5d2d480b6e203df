import { DeleteOutlined, ExportOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Attachment } from '../../bindings/Attachment';
import type { AttachmentKind } from '../../bindings/AttachmentKind';
import { toAppError } from '../../ipc';
import { useAttachments, useOpenAttachment, useRemoveAttachment } from '../../ipc/queries';
import { formatDateTime } from '../../lib/dates';
import { appErrorMessage } from '../../lib/errors';
import { formatFileSize } from '../../lib/files';
import { QueryError } from '../QueryError';
import { AttachmentModal } from './AttachmentModal';
import { Needs } from '../Needs';

function RowActions({ a }: { a: Attachment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = useOpenAttachment();
  const remove = useRemoveAttachment();

  const fail = (e: unknown) => message.error(appErrorMessage(toAppError(e), t));

  return (
    <Space size={0}>
      <Button
        id={`attachment-open-${a.id}`}
        className="attachment-open"
        type="link"
        size="small"
        icon={<ExportOutlined />}
        loading={open.isPending}
        onClick={() => void open.mutateAsync(a.id).catch(fail)}
      >
        {t('attachments.open')}
      </Button>
      <Popconfirm
        title={t('attachments.removeConfirm', { name: a.file_name })}
        okText={t('common.remove')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, id: 'attachment-remove-confirm', loading: remove.isPending }}
        onConfirm={() =>
          remove
            .mutateAsync(a.id)
            .then(() => void message.success(t('attachments.removed', { name: a.file_name })))
            .catch(fail)
        }
      >
        <Button
          id={`attachment-remove-${a.id}`}
          className="attachment-remove"
          type="link"
          size="small"
          danger
          icon={<DeleteOutlined />}
        >
          {t('common.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

export function AttachmentsTab({ distributorId }: { distributorId: number }) {
  const { t } = useTranslation();
  const attachments = useAttachments(distributorId);
  const [adding, setAdding] = useState(false);

  if (attachments.error) {
    return <QueryError error={attachments.error} onRetry={() => void attachments.refetch()} />;
  }

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Needs right="channel">
          <Button
            id="attachment-add"
            type="primary"
            icon={<PaperClipOutlined />}
            onClick={() => setAdding(true)}
          >
            {t('attachments.add')}
          </Button>
        </Needs>
      </Flex>
      <Table<Attachment>
        id="attachment-table"
        rowKey="id"
        size="middle"
        loading={attachments.isLoading}
        dataSource={attachments.data ?? []}
        pagination={(attachments.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />,
        }}
        columns={[
          {
            key: 'kind',
            dataIndex: 'kind',
            title: t('fields.kind'),
            width: 130,
            render: (k: AttachmentKind) => t(`attachments.kind.${k}`, { defaultValue: k }),
          },
          {
            key: 'file_name',
            dataIndex: 'file_name',
            title: t('attachments.fileName'),
            ellipsis: true,
          },
          {
            key: 'size',
            dataIndex: 'size_bytes',
            title: t('attachments.size'),
            width: 100,
            align: 'right',
            render: (n: number) => formatFileSize(n),
          },
          { key: 'operator', dataIndex: 'operator', title: t('attachments.addedBy'), width: 110 },
          {
            key: 'added_at',
            dataIndex: 'added_at',
            title: t('attachments.addedAt'),
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            key: 'actions',
            title: t('attachments.actions'),
            width: 170,
            render: (_: unknown, a) => <RowActions a={a} />,
          },
        ]}
      />
      {adding ? <AttachmentModal distributorId={distributorId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
