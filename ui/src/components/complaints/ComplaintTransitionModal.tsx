import { Alert, App, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Complaint } from '../../bindings/Complaint';
import type { ComplaintStatus } from '../../bindings/ComplaintStatus';
import type { Priority } from '../../bindings/Priority';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useComplaintSettings, useComplaintTransition } from '../../ipc/queries';
import {
  PRIORITIES,
  checkOptionalDateTime,
  choiceOptions,
  complaintStatusLabel,
  priorityLabel,
  transitionAction,
  transitionNeeds,
} from '../../lib/complaints';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkMaxLength, checkRequired } from '../../lib/validation';
import { ComplaintStatusTag } from './ComplaintTags';

type Values = {
  note: string;
  at: string;
  category: string | null;
  priority: Priority;
  resolution: string;
  root_cause: string | null;
  root_cause_note: string;
  confirmation: string;
  satisfaction: number | null;
};

const FORM_FIELDS = new Set([
  'note',
  'at',
  'category',
  'priority',
  'resolution',
  'root_cause',
  'root_cause_note',
  'confirmation',
  'satisfaction',
]);

const SCORES = [1, 2, 3, 4, 5];

type Props = { complaint: Complaint; to: ComplaintStatus; onClose: () => void };

/**
 * One move of a complaint, with the fields that move asks for. Field ids are
 * `transition_<field>`; the satisfaction buttons carry `satisfaction-<n>`.
 */
export function ComplaintTransitionModal({ complaint, to, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const transition = useComplaintTransition();
  const settings = useComplaintSettings();
  const [error, setError] = useState<string | null>(null);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const from = complaint.status;
  const needs = transitionNeeds(from, to);
  const action = transitionAction(from, to);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      const saved = await transition.mutateAsync({
        id: complaint.id,
        to,
        at: (v.at ?? '').trim(),
        note: (v.note ?? '').trim(),
        category: needs.category ? (v.category ?? '').trim() : '',
        priority: needs.priority ? (v.priority ?? null) : null,
        resolution: needs.resolution ? (v.resolution ?? '').trim() : '',
        root_cause: needs.rootCause ? (v.root_cause ?? '').trim() : '',
        root_cause_note: needs.rootCause ? (v.root_cause_note ?? '').trim() : '',
        confirmation: needs.confirmation ? (v.confirmation ?? '').trim() : '',
        satisfaction: needs.satisfaction ? (v.satisfaction ?? null) : null,
      });
      message.success(
        t('complaint.transitionDone', { status: complaintStatusLabel(t, saved.complaint.status) }),
      );
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      if (msg) setError(msg);
    }
  };

  const required = ruleFrom<string | null>(t, checkRequired);
  const max = (n: number) => ruleFrom<string>(t, (v) => checkMaxLength(v, n));
  const noteRule = needs.note
    ? ruleFrom<string>(t, (v) => (checkRequired(v) ? { code: needs.note ?? 'required' } : null))
    : null;

  return (
    <Modal
      open
      width={620}
      title={t('complaint.transitionTitle', { action: t(`complaint.actions.${action}`) })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t(`complaint.actions.${action}`)}
      okButtonProps={{ id: 'transition-confirm', loading: transition.isPending }}
      cancelButtonProps={{ id: 'transition-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="complaint-transition-modal">{node}</div>}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>
          <ComplaintStatusTag status={from} /> → <ComplaintStatusTag status={to} />
        </Typography.Text>
        <Form<Values>
          form={form}
          name="transition"
          layout="vertical"
          initialValues={{
            note: '',
            at: '',
            category: complaint.category || null,
            priority: complaint.priority,
            resolution: complaint.resolution,
            root_cause: complaint.root_cause || null,
            root_cause_note: complaint.root_cause_note,
            confirmation: '',
            satisfaction: null,
          }}
          onValuesChange={() => setError(null)}
        >
          {needs.category ? (
            <Form.Item name="category" label={t('fields.category')} required rules={[required]}>
              <Select<string>
                virtual={false}
                placeholder={t('complaint.categoryPlaceholder')}
                options={choiceOptions(settings.data?.categories, language, 'category')}
              />
            </Form.Item>
          ) : null}
          {needs.priority ? (
            <Form.Item name="priority" label={t('fields.priority')} required>
              <Radio.Group optionType="button" buttonStyle="solid">
                {PRIORITIES.map((p) => (
                  <Radio.Button key={p} value={p} className={`priority-${p}`} title={t(`priority.${p}`)}>
                    {priorityLabel(p)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          ) : null}
          {needs.resolution ? (
            <Form.Item
              name="resolution"
              label={t('fields.resolution')}
              required
              rules={[required, max(4000)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                placeholder={t('complaint.resolutionPlaceholder')}
              />
            </Form.Item>
          ) : null}
          {needs.rootCause ? (
            <>
              <Form.Item name="root_cause" label={t('fields.root_cause')} required rules={[required]}>
                <Select<string>
                  virtual={false}
                  placeholder={t('complaint.rootCausePlaceholder')}
                  options={choiceOptions(settings.data?.root_causes, language, 'root-cause')}
                />
              </Form.Item>
              <Form.Item name="root_cause_note" label={t('fields.root_cause_note')} rules={[max(4000)]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </>
          ) : null}
          {needs.confirmation ? (
            <Form.Item
              name="confirmation"
              label={t('fields.confirmation')}
              required
              rules={[required, max(4000)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder={t('complaint.confirmationPlaceholder')}
              />
            </Form.Item>
          ) : null}
          {needs.satisfaction ? (
            <Form.Item
              name="satisfaction"
              label={t('fields.satisfaction')}
              required
              extra={<span className="muted">{t('complaint.satisfactionHint')}</span>}
              rules={[ruleFrom<number | null>(t, (v) => (v ? null : { code: 'required' }))]}
            >
              <Radio.Group optionType="button" buttonStyle="solid">
                {SCORES.map((n) => (
                  <Radio.Button key={n} value={n} className={`satisfaction-${n}`}>
                    {n}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          ) : null}
          <Form.Item
            name="note"
            label={needs.note === 'reopen_reason_required' ? t('complaint.reopenReason') : t('fields.note')}
            required={needs.note !== null}
            rules={noteRule ? [noteRule, max(4000)] : [max(4000)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={
                needs.note ? t('complaint.noteRequiredPlaceholder') : t('complaint.notePlaceholder')
              }
            />
          </Form.Item>
          <Form.Item
            name="at"
            label={t('fields.at')}
            extra={<span className="muted">{t('complaint.atHint')}</span>}
            rules={[ruleFrom<string>(t, checkOptionalDateTime)]}
          >
            <Input autoComplete="off" placeholder={t('common.dateTimeNowPlaceholder')} />
          </Form.Item>
        </Form>
        {error ? <Alert id="transition-error" type="error" showIcon title={error} /> : null}
      </Space>
    </Modal>
  );
}
