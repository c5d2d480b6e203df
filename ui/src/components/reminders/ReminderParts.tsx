// The reminders centre's parts: the when and days cells, the link to a
// reminder's record, and the snooze / handled dialog.
import { App, Form, Input, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { ReminderDecision } from '../../bindings/ReminderDecision';
import { toAppError } from '../../ipc';
import { useDecideReminder } from '../../ipc/onboarding';
import { officeNow } from '../../lib/dates';
import { applyAppErrorToForm } from '../../lib/errors';
import { distributorOnboardingLink } from '../onboarding/labels';
import { FINANCE_TAB, isCertificate, windowColor, type Reminder } from './reminderLib';

export function WhenTag({ r }: { r: Reminder }) {
  const { t } = useTranslation();
  if (r.kind === 'certificate_expired') {
    return (
      <Tag color="red" className="reminder-expired">
        {t('reminders.expiredAgo', { days: Math.max(0, -r.days) })}
      </Tag>
    );
  }
  if (r.window !== null) {
    return (
      <Tag color={windowColor(r.window)} className={`reminder-window reminder-window-${r.window}`}>
        {t('reminders.within', { days: r.window })}
      </Tag>
    );
  }
  if (r.days < 0) {
    return (
      <Tag color="red" className="reminder-overdue">
        {t('reminders.overdueDays', { days: -r.days })}
      </Tag>
    );
  }
  return null;
}

export function DaysText({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days === 0) return <Typography.Text type="warning">{t('reminders.today')}</Typography.Text>;
  return days < 0 ? (
    <Typography.Text type="danger">{t('reminders.daysAgo', { days: -days })}</Typography.Text>
  ) : (
    <span>{t('reminders.daysLeft', { days })}</span>
  );
}

/** Snoozes a reminder to a date or marks it handled with a note. */
export function DecideModal({
  item,
  decision,
  onClose,
}: {
  item: Reminder;
  decision: Exclude<ReminderDecision, 'reopen'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ until: string; note: string }>();
  const decide = useDecideReminder();
  const submit = async (v: { until: string; note: string }) => {
    try {
      await decide.mutateAsync({
        kind: item.kind,
        ref_id: item.ref_id,
        distributor_id: item.distributor_id,
        date: item.date,
        decision,
        until: (v.until ?? '').trim(),
        note: (v.note ?? '').trim(),
      });
      message.success(t(decision === 'snooze' ? 'reminders.snoozed' : 'reminders.handledDone'));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Modal
      open
      title={t(decision === 'snooze' ? 'reminders.snoozeTitle' : 'reminders.handleTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ id: 'reminder-decide-save', loading: decide.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
      modalRender={(node) => <div id="reminder-decide-modal">{node}</div>}
    >
      <Typography.Paragraph>
        {item.distributor_code} {item.distributor_name} · {item.reference} · {item.date}
      </Typography.Paragraph>
      <Form
        form={form}
        name="reminder"
        layout="vertical"
        initialValues={{ until: officeNow().add(7, 'day').format('YYYY-MM-DD'), note: '' }}
        onFinish={(v) => void submit(v)}
      >
        {decision === 'snooze' ? (
          <Form.Item name="until" label={t('fields.until')} required>
            <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('fields.note')} required={decision === 'handle'}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The record a reminder is about, linked. */
export function ReferenceLink({ r }: { r: Reminder }) {
  const { t } = useTranslation();
  if (isCertificate(r)) {
    return (
      <Link to="/training?tab=certificates" className="reminder-reference-link">
        {r.reference}
      </Link>
    );
  }
  if (r.kind === 'agreement_ending') {
    return (
      <Link to={`/agreements/${r.ref_id}`} className="reminder-reference-link">
        {r.reference}
      </Link>
    );
  }
  if (r.kind === 'complaint_at_risk' || r.kind === 'complaint_late') {
    return (
      <Link to={`/complaints/${r.ref_id}`} className="reminder-reference-link">
        {r.reference}
      </Link>
    );
  }
  if (r.kind === 'quarter_not_finalised') {
    return (
      <Link to={`/scorecards?quarter=${r.reference}`} className="reminder-reference-link">
        {r.reference}
      </Link>
    );
  }
  const financeTab = FINANCE_TAB[r.kind];
  if (financeTab) {
    return (
      <Link
        to={`/distributors/${r.distributor_id}`}
        state={{ tab: financeTab }}
        className="reminder-reference-link"
      >
        {r.reference}
      </Link>
    );
  }
  if (r.kind === 'plan_overdue' || r.kind === 'exit_warning' || r.kind === 'visit_action_overdue') {
    return (
      <Link
        to={`/distributors/${r.distributor_id}`}
        state={{ tab: r.kind === 'visit_action_overdue' ? 'visits' : 'performance' }}
        className="reminder-reference-link"
      >
        {r.reference || t(`reminders.kind.${r.kind}`)}
      </Link>
    );
  }
  const link = distributorOnboardingLink(r.distributor_id);
  return (
    <Link to={link.pathname} state={link.state} className="reminder-reference-link">
      {r.reference}
    </Link>
  );
}
