import { App, Col, Form, Input, Modal, Radio, Row, Select, Typography, type RefSelectProps } from 'antd';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import type { Channel } from '../../bindings/Channel';
import type { Priority } from '../../bindings/Priority';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useComplaintSettings, useRecordComplaint } from '../../ipc/queries';
import {
  CHANNELS,
  PRIORITIES,
  channelLabel,
  checkOptionalDateTime,
  choiceOptions,
  priorityLabel,
} from '../../lib/complaints';
import { applyAppErrorToForm, appErrorMessage } from '../../lib/errors';
import { checkMaxLength, checkRequired } from '../../lib/validation';
import { DistributorSelect, type DistributorRef } from './DistributorSelect';

type Values = {
  distributor_id: number | null;
  channel: Channel;
  priority: Priority;
  category: string | null;
  product: string;
  batch_no: string;
  description: string;
  assignee: string;
  received_at: string;
};

const FORM_FIELDS = new Set([
  'distributor_id',
  'channel',
  'priority',
  'category',
  'product',
  'batch_no',
  'description',
  'assignee',
  'received_at',
]);

type Props = {
  /** The distributor to start with (from its detail page). */
  distributor?: DistributorRef | null;
  onClose: () => void;
};

/**
 * Records a complaint while the distributor is still on the phone: the
 * distributor search has the focus, everything else has a default, and
 * Ctrl+Enter saves. Field ids are `complaint_<field>`.
 */
export function IntakeModal({ distributor, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const record = useRecordComplaint();
  const settings = useComplaintSettings();
  const selectRef = useRef<RefSelectProps>(null);
  const language = i18n.resolvedLanguage ?? i18n.language;

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await record.mutateAsync({
        distributor_id: v.distributor_id ?? 0,
        channel: v.channel ?? null,
        product: (v.product ?? '').trim(),
        batch_no: (v.batch_no ?? '').trim(),
        category: (v.category ?? '').trim(),
        priority: v.priority ?? null,
        description: (v.description ?? '').trim(),
        assignee: (v.assignee ?? '').trim(),
        received_at: (v.received_at ?? '').trim(),
      });
      message.success(t('intake.saved', { number: saved.number }));
      onClose();
      void navigate(`/complaints/${saved.id}`);
    } catch (e) {
      const err = toAppError(e);
      if (err.kind === 'not_found') {
        form.setFields([{ name: 'distributor_id', errors: [appErrorMessage(err, t)] }]);
        return;
      }
      const msg = applyAppErrorToForm(form, err, t, {
        hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      if (msg) message.error(msg);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit().catch(() => undefined);
    }
  };

  const max = (n: number) => ruleFrom<string>(t, (v) => checkMaxLength(v, n));

  return (
    <Modal
      open
      width={720}
      title={t('intake.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      okButtonProps={{ id: 'complaint-save', loading: record.isPending }}
      cancelButtonProps={{ id: 'complaint-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="complaint-intake-modal">{node}</div>}
      afterOpenChange={(open) => {
        if (open) selectRef.current?.focus();
      }}
      destroyOnHidden
    >
      <div onKeyDown={onKeyDown}>
        <Form<Values>
          form={form}
          name="complaint"
          layout="vertical"
          initialValues={{
            distributor_id: distributor?.id ?? null,
            channel: 'phone',
            priority: 'p3',
            category: null,
            product: '',
            batch_no: '',
            description: '',
            assignee: '',
            received_at: '',
          }}
        >
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item
                name="distributor_id"
                label={t('fields.distributor_id')}
                required
                rules={[ruleFrom<number | null>(t, (v) => (v ? null : { code: 'required' }))]}
              >
                <DistributorSelect initial={distributor ?? null} autoFocus selectRef={selectRef} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="channel" label={t('fields.channel')} required>
                <Radio.Group optionType="button" buttonStyle="solid">
                  {CHANNELS.map((c) => (
                    <Radio.Button key={c} value={c} className={`channel-${c}`}>
                      {channelLabel(t, c)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="priority" label={t('fields.priority')} required>
                <Radio.Group optionType="button" buttonStyle="solid">
                  {PRIORITIES.map((p) => (
                    <Radio.Button key={p} value={p} className={`priority-${p}`} title={t(`priority.${p}`)}>
                      {priorityLabel(p)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="category" label={t('fields.category')}>
                <Select<string>
                  allowClear
                  virtual={false}
                  placeholder={t('intake.categoryPlaceholder')}
                  options={choiceOptions(settings.data?.categories, language, 'category')}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="product" label={t('fields.product')} rules={[max(100)]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="batch_no" label={t('fields.batch_no')} rules={[max(60)]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="description"
                label={t('complaint.description')}
                required
                rules={[ruleFrom<string>(t, checkRequired), max(4000)]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  placeholder={t('intake.descriptionPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="assignee" label={t('fields.assignee')} rules={[max(60)]}>
                <Input autoComplete="off" placeholder={t('intake.assigneePlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="received_at"
                label={t('fields.received_at')}
                rules={[ruleFrom<string>(t, checkOptionalDateTime)]}
              >
                <Input autoComplete="off" placeholder={t('common.dateTimeNowPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Typography.Text type="secondary">{t('intake.saveHint')}</Typography.Text>
      </div>
    </Modal>
  );
}
