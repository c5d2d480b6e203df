import { Alert, App, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { LedgerEntry } from '../../bindings/LedgerEntry';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useReverseEntry } from '../../ipc/queries';
import { today } from '../../lib/dates';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkDate, kindLabel } from '../../lib/ledger';
import { formatMoney } from '../../lib/money';
import { checkRequired } from '../../lib/validation';

type Values = { date: string; reason: string };

const FORM_FIELDS = new Set(['date', 'reason']);

/** Posts the reversing adjustment of one entry. Field ids are `reverse_date` and `reverse_reason`. */
export function ReverseModal({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reverse = useReverseEntry();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      await reverse.mutateAsync({
        entry_id: entry.id,
        date: (v.date ?? '').trim(),
        reason: (v.reason ?? '').trim(),
      });
      message.success(t('ledger.reverseDone', { doc_no: entry.doc_no }));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      if (msg) {
        setError(msg);
        message.error(msg);
      }
    }
  };

  return (
    <Modal
      open
      title={t('ledger.reverseTitle', { doc_no: entry.doc_no })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('ledger.reverse')}
      okButtonProps={{ id: 'reverse-confirm', danger: true, loading: reverse.isPending }}
      cancelButtonProps={{ id: 'reverse-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="reverse-modal">{node}</div>}
      destroyOnHidden
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'date', label: t('fields.date'), children: entry.date },
            { key: 'kind', label: t('fields.kind'), children: kindLabel(t, entry.kind) },
            { key: 'doc_no', label: t('fields.doc_no'), children: entry.doc_no },
            { key: 'amount', label: t('fields.amount'), children: formatMoney(entry.amount) },
          ]}
        />
        <Alert type="info" showIcon title={t('ledger.reverseHint', { amount: formatMoney(entry.amount) })} />
        <Form<Values>
          form={form}
          name="reverse"
          layout="vertical"
          initialValues={{ date: today(), reason: '' }}
          onValuesChange={() => setError(null)}
        >
          <Form.Item name="date" label={t('fields.date')} required rules={[ruleFrom<string>(t, checkDate)]}>
            <Input placeholder={t('common.datePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('fields.reason')}
            required
            rules={[ruleFrom<string>(t, checkRequired)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('ledger.reasonPlaceholder')}
            />
          </Form.Item>
        </Form>
        {error ? <Alert id="reverse-error" type="error" showIcon title={error} /> : null}
      </Space>
    </Modal>
  );
}
