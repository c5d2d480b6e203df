import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { RowError } from '../../bindings/RowError';
import { fieldErrorText, fieldLabel } from '../../lib/errors';

/** The rows a refused ledger import found wrong: row, field, translated problem and its detail. */
export function ImportErrorsModal({
  path,
  errors,
  onClose,
}: {
  path: string;
  errors: RowError[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={820}
      title={t('ledger.importErrorsTitle')}
      onCancel={onClose}
      modalRender={(node) => <div id="ledger-import-errors-modal">{node}</div>}
      footer={[
        <Button key="close" id="ledger-import-errors-close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ tooltip: path }}>
        {t('import.file', { path })}
      </Typography.Paragraph>
      <Alert type="error" showIcon title={t('ledger.importErrorsHint')} style={{ marginBottom: 12 }} />
      <Table<RowError>
        id="ledger-import-errors"
        size="small"
        rowKey={(e) => `${e.row}-${e.field}-${e.code}-${e.detail ?? ''}`}
        dataSource={errors}
        pagination={errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
        columns={[
          { key: 'row', dataIndex: 'row', title: t('import.row'), width: 80 },
          {
            key: 'field',
            dataIndex: 'field',
            title: t('import.field'),
            width: 180,
            render: (f: string) => fieldLabel(t, f),
          },
          {
            key: 'message',
            title: t('import.message'),
            // A missing column names itself in `field`; its message expects the name as detail.
            render: (_: unknown, e) =>
              fieldErrorText(t, e.code, e.detail ?? (e.code === 'header_missing' ? e.field : null)),
          },
          {
            key: 'detail',
            dataIndex: 'detail',
            title: t('import.detail'),
            width: 180,
            render: (d: string | null) => d ?? '',
          },
        ]}
      />
    </Modal>
  );
}
