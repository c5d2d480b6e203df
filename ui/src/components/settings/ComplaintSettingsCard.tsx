import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

import type { ComplaintSettings } from '../../bindings/ComplaintSettings';
import type { Priority } from '../../bindings/Priority';
import { ruleFrom, ruleObjectFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useComplaintSettings, useSaveComplaintSettings } from '../../ipc/queries';
import { checkClockTime, clockMinutes, isClockTime, priorityLabel } from '../../lib/complaints';
import { applyAppErrorToForm, fieldErrorText, type FieldPath } from '../../lib/errors';
import { checkRequired } from '../../lib/validation';
import { QueryError } from '../QueryError';

type ChoiceValues = { key: string; label_zh: string; label_en: string };
type Values = {
  categories: ChoiceValues[];
  root_causes: ChoiceValues[];
  sla: { priority: Priority; first_response_hours: number | null; resolution_hours: number | null }[];
  working_periods: { start: string; end: string }[];
  working_weekdays: boolean[];
  utc_offset_minutes: number | null;
  escalation: string[];
};

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Server field names without a form item of their own. */
function alias(field: string): string {
  const label = /^(categories|root_causes)\.(\d+)\.label$/.exec(field);
  if (label) return `${label[1]}.${label[2]}.label_zh`;
  const period = /^working_periods\.(\d+)$/.exec(field);
  if (period) return `working_periods.${period[1]}.end`;
  return field;
}

function hasField(p: FieldPath): boolean {
  switch (p[0]) {
    case 'sla':
    case 'working_periods':
    case 'categories':
    case 'root_causes':
      return p.length === 3;
    case 'escalation':
    case 'working_weekdays':
      return p.length === 2;
    case 'utc_offset_minutes':
      return p.length === 1;
    default:
      return false;
  }
}

function trimChoices(list: ChoiceValues[] | undefined) {
  return (list ?? []).map((c) => ({
    key: (c?.key ?? '').trim(),
    label_zh: (c?.label_zh ?? '').trim(),
    label_en: (c?.label_en ?? '').trim(),
  }));
}

function ChoiceList({ name }: { name: 'categories' | 'root_causes' }) {
  const { t } = useTranslation();
  const prefix = name === 'categories' ? 'category' : 'root-cause';
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <Row gutter={12} className="muted" style={{ marginBottom: 6 }}>
            <Col span={6}>{t('fields.key')}</Col>
            <Col span={8}>{t('fields.label_zh')}</Col>
            <Col span={8}>{t('fields.label_en')}</Col>
          </Row>
          {fields.map(({ key, name: index }) => (
            <Row gutter={12} key={key} align="top">
              <Col span={6}>
                <Form.Item name={[index, 'key']} rules={[ruleFrom<string>(t, checkRequired)]}>
                  <Input maxLength={40} placeholder="quality" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[index, 'label_zh']}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[index, 'label_en']}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button
                  id={`${prefix}-remove-${index}`}
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(index)}
                />
              </Col>
            </Row>
          ))}
          <Button
            id={`${prefix}-add`}
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ key: '', label_zh: '', label_en: '' })}
          >
            {t('complaintSettings.addChoice')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function ComplaintSettingsForm({ initial }: { initial: ComplaintSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveComplaintSettings();

  const submit = async (v: Values) => {
    const e = v.escalation ?? [];
    const d = v.working_weekdays ?? [];
    try {
      const saved = await save.mutateAsync({
        categories: trimChoices(v.categories),
        root_causes: trimChoices(v.root_causes),
        sla: (v.sla ?? []).map((s) => ({
          priority: s.priority,
          first_response_hours: s.first_response_hours ?? 0,
          resolution_hours: s.resolution_hours ?? 0,
        })),
        working_periods: (v.working_periods ?? []).map((p) => ({
          start: (p?.start ?? '').trim(),
          end: (p?.end ?? '').trim(),
        })),
        working_weekdays: [!!d[0], !!d[1], !!d[2], !!d[3], !!d[4], !!d[5], !!d[6]],
        utc_offset_minutes: v.utc_offset_minutes ?? 480,
        escalation: [(e[0] ?? '').trim(), (e[1] ?? '').trim(), (e[2] ?? '').trim()],
      });
      form.setFieldsValue(saved);
      message.success(t('complaintSettings.saved'));
    } catch (err) {
      const msg = applyAppErrorToForm(form, toAppError(err), t, { alias, hasField });
      if (msg) message.error(msg);
    }
  };

  // The end of a working period comes after its start and the previous period's end.
  const endRule = (index: number): RuleObject => ({
    validator: (_r, end: string | undefined) => {
      const problem = checkClockTime(end);
      if (problem) return Promise.reject(new Error(fieldErrorText(t, problem.code, problem.detail)));
      const periods = (form.getFieldValue('working_periods') as Values['working_periods'] | undefined) ?? [];
      const start = periods[index]?.start ?? '';
      const previousEnd = index > 0 ? (periods[index - 1]?.end ?? '') : '';
      const outOfOrder =
        isClockTime(start) &&
        (clockMinutes(end ?? '') <= clockMinutes(start) ||
          (isClockTime(previousEnd) && clockMinutes(start) < clockMinutes(previousEnd)));
      return outOfOrder
        ? Promise.reject(new Error(fieldErrorText(t, 'period_order', null, 'working_periods')))
        : Promise.resolve();
    },
  });

  return (
    <Form<Values>
      id="complaint-settings-form"
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
    >
      <Typography.Text strong>{t('complaintSettings.slaTitle')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('complaintSettings.slaHint')}</Typography.Paragraph>
      <Row gutter={12} className="muted" style={{ marginBottom: 6 }}>
        <Col span={4}>{t('fields.priority')}</Col>
        <Col span={8}>{t('fields.first_response_hours')}</Col>
        <Col span={8}>{t('fields.resolution_hours')}</Col>
      </Row>
      {initial.sla.map((s, i) => (
        <Row gutter={12} key={s.priority} align="top" data-priority={s.priority}>
          <Form.Item name={['sla', i, 'priority']} hidden>
            <Input />
          </Form.Item>
          <Col span={4} style={{ paddingTop: 5 }}>
            {priorityLabel(s.priority)} {t(`priority.${s.priority}`)}
          </Col>
          <Col span={8}>
            <Form.Item
              name={['sla', i, 'first_response_hours']}
              rules={[{ required: true, message: t('errors.required') }]}
            >
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['sla', i, 'resolution_hours']}
              dependencies={[['sla', i, 'first_response_hours']]}
              rules={[
                ({ getFieldValue }) =>
                  ruleObjectFrom<number | null>(t, (v) => {
                    if (v === null || v === undefined) return { code: 'required' };
                    const first = getFieldValue(['sla', i, 'first_response_hours']) as number | null;
                    return first !== null && first !== undefined && v < first ? { code: 'sla_order' } : null;
                  }),
              ]}
            >
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      ))}

      <Divider />
      <Typography.Text strong>{t('complaintSettings.workingTime')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('complaintSettings.workingTimeHint')}</Typography.Paragraph>
      <Form.List name="working_periods">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name: index }) => (
              <Row gutter={12} key={key} align="top">
                <Col span={6}>
                  <Form.Item
                    name={[index, 'start']}
                    label={index === 0 ? t('fields.start') : undefined}
                    rules={[ruleFrom<string>(t, checkClockTime)]}
                  >
                    <Input placeholder="09:00" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    name={[index, 'end']}
                    label={index === 0 ? t('fields.end') : undefined}
                    dependencies={[
                      ['working_periods', index, 'start'],
                      ...(index > 0 ? [['working_periods', index - 1, 'end']] : []),
                    ]}
                    rules={[endRule(index)]}
                  >
                    <Input placeholder="18:00" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                  <Button
                    id={`period-remove-${index}`}
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    disabled={fields.length <= 1}
                    onClick={() => remove(index)}
                  />
                </Col>
              </Row>
            ))}
            <Button
              id="period-add"
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginBottom: 16 }}
              onClick={() => add({ start: '', end: '' })}
            >
              {t('complaintSettings.addPeriod')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item label={t('fields.working_weekdays')} required style={{ marginBottom: 8 }}>
        <Flex gap={16} wrap>
          {WEEKDAYS.map((d, i) => (
            <Form.Item key={d} name={['working_weekdays', i]} valuePropName="checked" noStyle>
              <Checkbox className={`weekday-${d}`}>{t(`weekday.${d}`)}</Checkbox>
            </Form.Item>
          ))}
        </Flex>
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="utc_offset_minutes"
            label={t('fields.utc_offset_minutes')}
            extra={<span className="muted">{t('complaintSettings.utcHint')}</span>}
            rules={[{ required: true, message: t('errors.required') }]}
          >
            <InputNumber min={-720} max={840} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider />
      <Typography.Text strong>{t('fields.escalation')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('complaintSettings.escalationHint')}</Typography.Paragraph>
      <Row gutter={12}>
        {[0, 1, 2].map((i) => (
          <Col span={8} key={i}>
            <Form.Item
              name={['escalation', i]}
              label={t('complaintSettings.escalationLevel', { level: i + 1 })}
            >
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          </Col>
        ))}
      </Row>

      <Divider />
      <Typography.Text strong>{t('fields.categories')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('complaintSettings.choicesHint')}</Typography.Paragraph>
      <ChoiceList name="categories" />

      <Divider />
      <Typography.Text strong>{t('fields.root_causes')}</Typography.Text>
      <div style={{ height: 8 }} />
      <ChoiceList name="root_causes" />

      <Flex justify="end" style={{ marginTop: 16 }}>
        <Button id="complaint-settings-save" type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** SLA allowances, working time, escalation persons and the category and root cause lists. */
export function ComplaintSettingsCard() {
  const { t } = useTranslation();
  const settings = useComplaintSettings();
  return (
    <Card title={t('complaintSettings.title')} size="small" style={{ marginTop: 16 }} id="complaint-settings">
      {settings.error ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <ComplaintSettingsForm initial={settings.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </Card>
  );
}
