import { Alert, App, Form, Input, Modal, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ConfirmStatus } from '../../bindings/ConfirmStatus';
import type { StatementRun } from '../../bindings/StatementRun';
import { toAppError } from '../../ipc';
import { useConfirm } from '../../ipc/collections';
import { officeNow } from '../../lib/dates';
import { applyAppErrorToForm } from '../../lib/errors';
import { formatMoney } from '../../lib/money';

type Values = {
  status: ConfirmStatus;
  confirmed_on: string;
  confirmed_by: string;
  claimed_balance: string;
  note: string;
};

const MONEY = /^-?\d+(\.\d{1,2})?$/;

/** Our closing balance minus the one claimed, exactly (in fen), or null while not a number. */
export function difference(closing: string, claimed: string): string | null {
  const c = claimed.trim().replace(/,/g, '');
  if (!MONEY.test(c) || !MONEY.test(closing)) return null;
  const fen = (s: string) => {
    const neg = s.startsWith('-');
    const [i, f = ''] = s.replace('-', '').split('.');
    const v = BigInt(i) * 100n + BigInt(f.padEnd(2, '0'));
    return neg ? -v : v;
  };
  const d = fen(closing) - fen(c);
  const abs = d < 0n ? -d : d;
  const frac = String(abs % 100n).padStart(2, '0');
  return `${d < 0n ? '-' : ''}${abs / 100n}.${frac}`;
}

/** Records the distributor's answer to a statement: confirmed, disputed or no answer. */
export function ConfirmModal({ run, onClose }: { run: StatementRun; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const confirm = useConfirm();
  const status = Form.useWatch('status', form) ?? run.status;
  const claimed = Form.useWatch('claimed_balance', form) ?? '';
  const diff = status === 'disputed' ? difference(run.closing_balance, claimed) : null;
  const initial: Values = {
    status: run.status === 'no_answer' ? 'confirmed' : run.status,
    confirmed_on: run.confirmed_on ?? officeNow().format('YYYY-MM-DD'),
    confirmed_by: run.confirmed_by,
    claimed_balance: run.claimed_balance ?? '',
    note: run.note,
  };
  const submit = async (v: Values) => {
    const s = (x: string | undefined) => (x ?? '').trim();
    try {
      await confirm.mutateAsync({
        run_id: run.id,
        status: v.status,
        confirmed_on: v.status === 'no_answer' ? '' : s(v.confirmed_on),
        confirmed_by: v.status === 'no_answer' ? '' : s(v.confirmed_by),
        claimed_balance: v.status === 'disputed' ? s(v.claimed_balance) : '',
        note: s(v.note),
      });
      message.success(t('runs.confirm.saved'));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Modal
      open
      width={620}
      title={t('runs.confirm.title', { period: `${run.period_from} – ${run.period_to}` })}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ id: 'confirm-save', loading: confirm.isPending }}
      onOk={() => form.submit()}
      modalRender={(node) => <div id="confirm-modal">{node}</div>}
      destroyOnHidden
    >
      <Form
        form={form}
        name="confirm"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="status" label={t('runs.columns.status')}>
          <Segmented<ConfirmStatus>
            id="confirm_status"
            options={(['confirmed', 'disputed', 'no_answer'] as ConfirmStatus[]).map((s) => ({
              value: s,
              label: <span id={`confirm-status-${s}`}>{t(`runs.status.${s}`)}</span>,
            }))}
          />
        </Form.Item>
        {status !== 'no_answer' ? (
          <Space wrap align="start">
            <Form.Item name="confirmed_on" label={t('fields.confirmed_on')} required>
              <Input id="confirm_confirmed_on" placeholder="YYYY-MM-DD" style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="confirmed_by" label={t('fields.confirmed_by')} required>
              <Input id="confirm_confirmed_by" style={{ width: 180 }} />
            </Form.Item>
          </Space>
        ) : null}
        {status === 'disputed' ? (
          <>
            <Space wrap align="start">
              <Form.Item label={t('runs.ourBalance')}>
                <Input value={formatMoney(run.closing_balance)} disabled style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="claimed_balance" label={t('fields.claimed_balance')} required>
                <Input id="confirm_claimed_balance" placeholder="0.00" style={{ width: 160 }} />
              </Form.Item>
            </Space>
            {diff !== null ? (
              <Alert
                id="confirm-difference"
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('runs.differenceText', { amount: formatMoney(diff) })}
              />
            ) : null}
          </>
        ) : null}
        <Form.Item
          name="note"
          label={status === 'disputed' ? t('runs.reason') : t('fields.note')}
          required={status === 'disputed'}
        >
          <Input.TextArea id="confirm_note" rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
