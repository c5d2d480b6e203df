import { DeleteOutlined, PlusOutlined, SaveOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useImperativeHandle, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

import type { AgreementDetail } from '../../bindings/AgreementDetail';
import type { PaymentMethod } from '../../bindings/PaymentMethod';
import type { TargetInput } from '../../bindings/TargetInput';
import { ruleFrom, ruleObjectFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useCreateAgreement, useUpdateAgreement } from '../../ipc/agreements';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkDate, isIsoDate } from '../../lib/ledger';
import { formatMoney } from '../../lib/money';
import { checkMoney } from '../../lib/validation';
import {
  EDITOR_FIELDS,
  PAYMENT_METHODS,
  PERIOD_KINDS,
  agreementErrorMessage,
  emptyTerritory,
  generatePeriods,
  paymentMethodLabel,
  sumMoney,
  type PeriodKind,
} from './agreementLib';

import { toInput, trimmed as s, type EditorHandle, type EditorValues } from './editorValues';
import { offerReload } from '../../lib/conflict';

export * from './editorValues';

function Heads({ cols, action = true }: { cols: { span: number; label: ReactNode }[]; action?: boolean }) {
  return (
    <Row gutter={8} className="muted" style={{ marginBottom: 4 }}>
      {cols.map((c, i) => (
        <Col key={i} span={c.span}>
          {c.label}
        </Col>
      ))}
      {action ? <Col span={2} /> : null}
    </Row>
  );
}

/** The list's own errors (the server names the row in each message). */
function ListErrors({ id, errors }: { id: string; errors: ReactNode[] }) {
  return errors.length > 0 ? (
    <div id={id} className="agreement-list-errors" role="alert" style={{ marginTop: 4 }}>
      {errors.map((e, i) => (
        <div key={i}>
          <Typography.Text type="danger">{e}</Typography.Text>
        </div>
      ))}
    </div>
  ) : null;
}

type Props = {
  distributorId: number;
  /** null: a new agreement (created on save). */
  agreementId: number | null;
  initial: EditorValues;
  ref?: Ref<EditorHandle>;
  onSaved: (detail: AgreementDetail, created: boolean) => void;
  /** The draft's `updated_at` as loaded: a save over someone else's newer one is refused. */
  version?: string;
  /** Reads the draft again into a new editor (after someone else saved it). */
  onReload?: () => void;
};

/**
 * The terms of a draft agreement. Field ids are `agreement_<field>`; the rows of
 * the territory, target and ladder tables are `territory-<i>-<col>`,
 * `target-<i>-<col>` and `ladder-<i>-threshold|rebate`.
 */
export function AgreementEditor({
  distributorId,
  agreementId,
  initial,
  ref,
  onSaved,
  version,
  onReload,
}: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  // The version edited; this editor's own saves move it on.
  const [base, setBase] = useState(version ?? null);
  const [form] = Form.useForm<EditorValues>();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const [error, setError] = useState<string | null>(null);
  const [periodKind, setPeriodKind] = useState<PeriodKind>('quarterly');
  const targets = Form.useWatch('targets', form) as TargetInput[] | undefined;
  const busy = create.isPending || update.isPending;

  const isDirty = () =>
    JSON.stringify(toInput(distributorId, form.getFieldsValue(true) as EditorValues)) !==
    JSON.stringify(toInput(distributorId, initial));

  const save = async (): Promise<AgreementDetail | null> => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      message.error(t('form.fixErrors'));
      return null;
    }
    const input = toInput(distributorId, form.getFieldsValue(true) as EditorValues);
    try {
      const detail =
        agreementId === null
          ? await create.mutateAsync(input)
          : await update.mutateAsync({ id: agreementId, input, base });
      setBase(detail.agreement.updated_at);
      message.success(
        agreementId === null
          ? t('agreement.editor.created', { number: detail.agreement.number })
          : t('agreement.editor.saved'),
      );
      onSaved(detail, agreementId === null);
      return detail;
    } catch (e) {
      if (offerReload(e, modal, t, () => onReload?.())) return null;
      const err = toAppError(e);
      const msg =
        err.kind === 'validation'
          ? applyAppErrorToForm(form, err, t, {
              hasField: (p) => p.length === 1 && typeof p[0] === 'string' && EDITOR_FIELDS.has(p[0]),
            })
          : agreementErrorMessage(err, t);
      if (msg) {
        setError(msg);
        message.error(msg);
      }
      return null;
    }
  };

  useImperativeHandle(ref, () => ({ save, isDirty }));

  const generate = () => {
    const start = s(form.getFieldValue('term_start') as string);
    const end = s(form.getFieldValue('term_end') as string);
    const rows = generatePeriods(periodKind, start, end);
    if (!rows) {
      void form.validateFields(['term_start', 'term_end']).catch(() => undefined);
      message.warning(t('agreement.editor.generateNeedsTerm'));
      return;
    }
    // Amounts already typed for a period of the same name are kept.
    const old = (form.getFieldValue('targets') as TargetInput[] | undefined) ?? [];
    const amounts = new Map(old.map((r) => [s(r?.label), s(r?.amount)]));
    form.setFieldValue(
      'targets',
      rows.map((r) => ({ ...r, amount: amounts.get(r.label) ?? '' })),
    );
    form.setFields([{ name: 'targets', errors: [] }]);
  };

  const termEndRule = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) =>
    ruleObjectFrom<string>(t, (v) => {
      const start = s(getFieldValue('term_start') as string);
      const end = s(v);
      if (!isIsoDate(start) || !isIsoDate(end)) return null;
      const key = (d: string) =>
        d
          .split('-')
          .map((p, i) => (i === 0 ? p : p.padStart(2, '0')))
          .join('-');
      return key(end) <= key(start) ? { code: 'term_order' } : null;
    });

  const pctInput = (id: string) => (
    <Input id={id} suffix="%" autoComplete="off" placeholder="0" style={{ width: '100%' }} />
  );

  return (
    <Form<EditorValues>
      form={form}
      name="agreement"
      layout="vertical"
      initialValues={initial}
      onFinish={() => void save()}
      onValuesChange={(changed: Partial<EditorValues>) => {
        setError(null);
        // A list's server message goes once the list is edited.
        const lists = (['territories', 'targets', 'ladder'] as const).filter((k) => k in changed);
        if (lists.length > 0) form.setFields(lists.map((name) => ({ name, errors: [] })));
      }}
      className="agreement-editor"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('agreement.sections.territory')}>
          <Form.List name="territories">
            {(fields, { add, remove }, { errors }) => (
              <>
                <Heads
                  cols={[
                    { span: 5, label: t('fields.province') },
                    { span: 5, label: t('fields.city') },
                    { span: 5, label: t('fields.county') },
                    { span: 7, label: t('agreement.editor.regionOr') },
                  ]}
                />
                {fields.map((field, i) => (
                  <Row gutter={8} key={field.key} style={{ marginBottom: 8 }} className="territory-row">
                    {(['province', 'city', 'county', 'region'] as const).map((col) => (
                      <Col span={col === 'region' ? 7 : 5} key={col}>
                        <Form.Item name={[field.name, col]} noStyle>
                          <Input
                            id={`territory-${i}-${col}`}
                            autoComplete="off"
                            placeholder={
                              col === 'city' || col === 'county' ? t('agreement.editor.allOfIt') : undefined
                            }
                          />
                        </Form.Item>
                      </Col>
                    ))}
                    <Col span={2}>
                      <Button
                        id={`territory-${i}-remove`}
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <ListErrors id="agreement-territories-error" errors={errors} />
                <Button
                  id="territory-add"
                  icon={<PlusOutlined />}
                  style={{ marginTop: 8 }}
                  onClick={() => add(emptyTerritory())}
                >
                  {t('agreement.editor.addTerritory')}
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
            {t('agreement.editor.territoryHint')}
          </Typography.Paragraph>
          <Space>
            <Form.Item name="exclusive" valuePropName="checked" noStyle>
              <Switch />
            </Form.Item>
            <label htmlFor="agreement_exclusive">{t('agreement.editor.exclusive')}</label>
          </Space>
        </Card>

        <Card size="small" title={t('agreement.sections.terms')}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item
                name="term_start"
                label={t('fields.term_start')}
                required
                rules={[ruleFrom<string>(t, checkDate)]}
              >
                <Input placeholder={t('common.datePlaceholder')} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="term_end"
                label={t('fields.term_end')}
                required
                dependencies={['term_start']}
                rules={[ruleFrom<string>(t, checkDate), termEndRule]}
              >
                <Input placeholder={t('common.datePlaceholder')} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="payment_days"
                label={t('fields.payment_days')}
                required
                rules={[
                  ruleFrom<number | null>(t, (v) =>
                    v === null || v === undefined
                      ? { code: 'required' }
                      : Number.isInteger(v) && v >= 0 && v <= 365
                        ? null
                        : { code: 'payment_days_range' },
                  ),
                ]}
              >
                <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="payment_method"
                label={t('fields.payment_method')}
                required
                rules={[ruleFrom<PaymentMethod | null>(t, (v) => (v ? null : { code: 'required' }))]}
              >
                <Select<PaymentMethod>
                  virtual={false}
                  options={PAYMENT_METHODS.map((m) => ({
                    value: m,
                    label: paymentMethodLabel(t, m),
                    className: `payment-method-${m}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="credit_limit"
                label={t('fields.credit_limit')}
                rules={[ruleFrom<string>(t, checkMoney)]}
              >
                <Input placeholder="0.00" autoComplete="off" className="money-input" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="discount_pct" label={t('fields.discount_pct')}>
                {pctInput('agreement_discount_pct')}
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="buyback_pct" label={t('fields.buyback_pct')}>
                {pctInput('agreement_buyback_pct')}
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          size="small"
          title={t('fields.targets')}
          extra={
            <Space wrap>
              <Select<PeriodKind>
                id="target-generate-kind"
                virtual={false}
                size="small"
                style={{ width: 120 }}
                value={periodKind}
                onChange={setPeriodKind}
                options={PERIOD_KINDS.map((k) => ({
                  value: k,
                  label: t(`agreement.periodKind.${k}`),
                  className: `target-kind-${k}`,
                }))}
              />
              <Button id="target-generate" size="small" icon={<ThunderboltOutlined />} onClick={generate}>
                {t('agreement.editor.generate')}
              </Button>
            </Space>
          }
        >
          <Form.List name="targets">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.length > 0 ? (
                  <Heads
                    cols={[
                      { span: 5, label: t('agreement.editor.period') },
                      { span: 5, label: t('fields.from') },
                      { span: 5, label: t('fields.to') },
                      { span: 7, label: t('agreement.editor.targetAmount') },
                    ]}
                  />
                ) : (
                  <Typography.Paragraph type="secondary">
                    {t('agreement.editor.noTargets')}
                  </Typography.Paragraph>
                )}
                {fields.map((field, i) => (
                  <Row gutter={8} key={field.key} style={{ marginBottom: 8 }} className="target-row">
                    {(['label', 'from', 'to', 'amount'] as const).map((col) => (
                      <Col span={col === 'amount' ? 7 : 5} key={col}>
                        <Form.Item name={[field.name, col]} noStyle>
                          <Input
                            id={`target-${i}-${col}`}
                            autoComplete="off"
                            className={col === 'amount' ? 'money-input' : undefined}
                            placeholder={
                              col === 'from' || col === 'to'
                                ? t('common.datePlaceholder')
                                : col === 'amount'
                                  ? '0.00'
                                  : t('agreement.editor.periodPlaceholder')
                            }
                          />
                        </Form.Item>
                      </Col>
                    ))}
                    <Col span={2}>
                      <Button
                        id={`target-${i}-remove`}
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <ListErrors id="agreement-targets-error" errors={errors} />
                <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
                  <Button
                    id="target-add"
                    icon={<PlusOutlined />}
                    onClick={() => add({ label: '', from: '', to: '', amount: '' })}
                  >
                    {t('agreement.editor.addTarget')}
                  </Button>
                  <Typography.Text>
                    {t('agreement.editor.targetTotal')}{' '}
                    <Typography.Text strong id="target-total" className="money">
                      {formatMoney(sumMoney((targets ?? []).map((r) => r?.amount)))}
                    </Typography.Text>
                  </Typography.Text>
                </Flex>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={t('fields.ladder')}>
          <Form.List name="ladder">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.length > 0 ? (
                  <Heads
                    cols={[
                      { span: 8, label: t('agreement.editor.threshold') },
                      { span: 8, label: t('agreement.editor.rebatePct') },
                    ]}
                  />
                ) : (
                  <Typography.Paragraph type="secondary">
                    {t('agreement.editor.noLadder')}
                  </Typography.Paragraph>
                )}
                {fields.map((field, i) => (
                  <Row gutter={8} key={field.key} style={{ marginBottom: 8 }} className="ladder-row">
                    <Col span={8}>
                      <Form.Item name={[field.name, 'threshold_pct']} noStyle>
                        <Input id={`ladder-${i}-threshold`} suffix="%" autoComplete="off" placeholder="100" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'rebate_pct']} noStyle>
                        <Input id={`ladder-${i}-rebate`} suffix="%" autoComplete="off" placeholder="3" />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button
                        id={`ladder-${i}-remove`}
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <ListErrors id="agreement-ladder-error" errors={errors} />
                <Button
                  id="ladder-add"
                  icon={<PlusOutlined />}
                  style={{ marginTop: 8 }}
                  onClick={() => add({ threshold_pct: '', rebate_pct: '' })}
                >
                  {t('agreement.editor.addStep')}
                </Button>
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t('agreement.editor.ladderHint')}
                </Typography.Paragraph>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={t('fields.special_clauses')}>
          <Form.Item name="special_clauses" style={{ marginBottom: 0 }}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 12 }}
              maxLength={10000}
              placeholder={t('agreement.editor.specialPlaceholder')}
            />
          </Form.Item>
        </Card>

        {error ? <Alert id="agreement-save-error" type="error" showIcon title={error} /> : null}
        <Flex justify="end">
          <Button id="agreement-save" type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            {agreementId === null ? t('agreement.editor.create') : t('common.save')}
          </Button>
        </Flex>
      </Space>
    </Form>
  );
}
