import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import type { EntryKind } from '../../bindings/EntryKind';
import { ruleFrom, ruleObjectFrom } from '../../forms/rules';
import { call, toAppError } from '../../ipc';
import { usePostEntry } from '../../ipc/queries';
import { today } from '../../lib/dates';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkDate, checkDueDate, checkEntryAmount, kindOptions } from '../../lib/ledger';
import { checkMaxLength, checkRequired } from '../../lib/validation';
import { warnOverLimit } from './creditWarning';

type Values = {
  date: string;
  doc_no: string;
  kind: EntryKind | null;
  amount: string;
  description: string;
  fapiao_no: string;
  due_date: string;
};

const FORM_FIELDS = new Set(['date', 'doc_no', 'kind', 'amount', 'description', 'fapiao_no', 'due_date']);

/** Posts one entry to a distributor's ledger. Field ids are `ledger_<field>`. */
export function PostEntryModal({ distributor, onClose }: { distributor: Distributor; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const post = usePostEntry();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await post.mutateAsync({
        distributor_id: distributor.id,
        date: (v.date ?? '').trim(),
        doc_no: (v.doc_no ?? '').trim(),
        kind: v.kind ?? null,
        amount: (v.amount ?? '').trim(),
        description: (v.description ?? '').trim(),
        fapiao_no: (v.fapiao_no ?? '').trim(),
        due_date: (v.due_date ?? '').trim(),
      });
      message.success(t('ledger.posted', { doc_no: saved.doc_no }));
      onClose();
      if (saved.kind === 'invoice' || saved.kind === 'opening' || saved.kind === 'adjustment') {
        // A warning only: a failed check never undoes or hides the posting.
        void call('credit_check', [distributor.id])
          .then((w) => warnOverLimit(modal, t, w))
          .catch(() => undefined);
      }
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      if (msg) message.error(msg);
    }
  };

  const max = (n: number) => ruleFrom<string>(t, (v) => checkMaxLength(v, n));

  return (
    <Modal
      open
      width={640}
      title={t('ledger.postTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      okButtonProps={{ id: 'ledger-save', loading: post.isPending }}
      cancelButtonProps={{ id: 'ledger-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="ledger-post-modal">{node}</div>}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="ledger"
        layout="vertical"
        initialValues={{
          date: today(),
          doc_no: '',
          kind: 'invoice',
          amount: '',
          description: '',
          fapiao_no: '',
          due_date: '',
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="date" label={t('fields.date')} required rules={[ruleFrom<string>(t, checkDate)]}>
              <Input placeholder={t('common.datePlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="kind"
              label={t('fields.kind')}
              required
              rules={[{ required: true, message: t('errors.required') }]}
            >
              <Select<EntryKind>
                virtual={false}
                placeholder={t('ledger.kindPlaceholder')}
                options={kindOptions(t)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="doc_no"
              label={t('fields.doc_no')}
              required
              rules={[ruleFrom<string>(t, checkRequired), max(40)]}
            >
              <Input placeholder={t('ledger.docNoPlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="amount"
              label={t('fields.amount')}
              required
              dependencies={['kind']}
              extra={<span className="muted">{t('ledger.amountHint')}</span>}
              rules={[
                ({ getFieldValue }) =>
                  ruleObjectFrom<string>(t, (v) =>
                    checkEntryAmount(v, getFieldValue('kind') as EntryKind | null),
                  ),
              ]}
            >
              <Input prefix="¥" placeholder="0.00" autoComplete="off" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('fields.description')} rules={[max(200)]}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fapiao_no" label={t('fields.fapiao_no')} rules={[max(40)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="due_date"
              label={t('fields.due_date')}
              dependencies={['date']}
              extra={
                <span className="muted">
                  {t('ledger.dueDateHint', { days: distributor.payment_terms_days })}
                </span>
              }
              rules={[
                ({ getFieldValue }) =>
                  ruleObjectFrom<string>(t, (v) => checkDueDate(v, getFieldValue('date') as string)),
              ]}
            >
              <Input placeholder={t('common.datePlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
