import { FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AttachmentKind } from '../../bindings/AttachmentKind';
import { ruleFrom } from '../../forms/rules';
import { dialogs, toAppError } from '../../ipc';
import { useAddAttachment } from '../../ipc/queries';
import { ATTACHMENT_KINDS } from '../../lib/domain';
import { appErrorMessage, applyAppErrorToForm } from '../../lib/errors';
import { checkRequired } from '../../lib/validation';

type Values = { kind: AttachmentKind; source_path: string };

const FORM_FIELDS = new Set(['kind', 'source_path']);

/** The chosen path with a button that opens the system file picker. */
function FileInput({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const pick = async () => {
    try {
      const path = await dialogs.pickAttachmentFile(t('attachments.pickTitle'), {
        images: t('attachments.filterImages'),
        pdf: t('attachments.filterPdf'),
        all: t('attachments.filterAll'),
      });
      if (path) onChange?.(path);
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={value}
        placeholder={t('attachments.noFile')}
        onChange={(e) => onChange?.(e.target.value)}
        title={value}
      />
      <Button id="attachment-pick" icon={<FolderOpenOutlined />} onClick={() => void pick()}>
        {t('attachments.pick')}
      </Button>
    </Space.Compact>
  );
}

/**
 * Attaches a file to a distributor; with `visitId`, a photo or file of that
 * visit; with `runId`, the signed confirmation slip of that statement.
 */
export function AttachmentModal({
  distributorId,
  visitId = null,
  runId = null,
  onClose,
}: {
  distributorId: number;
  visitId?: number | null;
  runId?: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddAttachment();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await add.mutateAsync({
        distributor_id: distributorId,
        kind: v.kind,
        source_path: v.source_path.trim(),
        visit_id: visitId,
        statement_run_id: runId,
      });
      message.success(t('attachments.added', { name: saved.file_name }));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      if (msg) message.error(msg);
    }
  };

  return (
    <Modal
      open
      title={t('attachments.add')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      okButtonProps={{ id: 'attachment-save', loading: add.isPending }}
      cancelButtonProps={{ id: 'attachment-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="attachment-modal">{node}</div>}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="attachment"
        layout="vertical"
        initialValues={{
          kind:
            runId !== null ? 'statement_slip' : visitId === null ? 'business_licence' : 'site_visit_photo',
          source_path: '',
        }}
      >
        <Form.Item name="kind" label={t('fields.kind')}>
          <Select<AttachmentKind>
            virtual={false}
            options={ATTACHMENT_KINDS.map((k) => ({
              value: k,
              label: t(`attachments.kind.${k}`),
              className: `attachment-kind-option-${k}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="source_path"
          label={t('attachments.file')}
          required
          rules={[ruleFrom<string>(t, checkRequired)]}
          style={{ marginBottom: 8 }}
        >
          <FileInput />
        </Form.Item>
        <Typography.Text type="secondary">{t('attachments.copyHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
