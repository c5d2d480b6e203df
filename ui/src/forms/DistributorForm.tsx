import {
  App,
  AutoComplete,
  Button,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../bindings/Distributor';
import type { DistributorInput } from '../bindings/DistributorInput';
import type { Tier } from '../bindings/Tier';
import { TierTag } from '../components/Tags';
import { useTierLabel } from '../hooks/useTierLabel';
import { toAppError } from '../ipc';
import { DISTRIBUTOR_FIELDS, PROVINCES, TIERS } from '../lib/domain';
import { applyAppErrorToForm } from '../lib/errors';
import {
  MAX_LENGTH,
  checkCode,
  checkEmail,
  checkMaxLength,
  checkMoney,
  checkPaymentDays,
  checkPhone,
  checkRequired,
  checkUscc,
} from '../lib/validation';
import { ruleFrom } from './rules';

export type DistributorFormValues = Omit<DistributorInput, 'payment_terms_days'> & {
  payment_terms_days: number | null;
};

type Props = {
  mode: 'create' | 'edit';
  /** The record being edited. */
  initial?: Distributor;
  /** Shown as the code placeholder on create. */
  nextCode?: string;
  /** Rejects with an AppError when the server refuses. */
  onSubmit: (input: DistributorInput) => Promise<void>;
  onCancel?: () => void;
};

const EMPTY: DistributorFormValues = {
  code: '',
  name: '',
  short_name: '',
  uscc: '',
  legal_representative: '',
  contact_name: '',
  contact_role: '',
  contact_phone: '',
  contact_email: '',
  contact_wechat: '',
  province: '',
  city: '',
  county: '',
  region: '',
  address: '',
  bank_name: '',
  bank_account: '',
  payment_terms_days: 30,
  credit_limit: '',
  tier: 'basic',
  notes: '',
};

function toValues(d: Distributor | undefined): DistributorFormValues {
  if (!d) return EMPTY;
  const values = { ...EMPTY };
  for (const k of DISTRIBUTOR_FIELDS) {
    (values as Record<string, unknown>)[k] = d[k];
  }
  return values;
}

function toInput(v: DistributorFormValues, tier: Tier): DistributorInput {
  const s = (x: string | undefined | null) => (x ?? '').trim();
  return {
    code: s(v.code).toUpperCase(),
    name: s(v.name),
    short_name: s(v.short_name),
    uscc: s(v.uscc).toUpperCase(),
    legal_representative: s(v.legal_representative),
    contact_name: s(v.contact_name),
    contact_role: s(v.contact_role),
    contact_phone: s(v.contact_phone),
    contact_email: s(v.contact_email),
    contact_wechat: s(v.contact_wechat),
    province: s(v.province),
    city: s(v.city),
    county: s(v.county),
    region: s(v.region),
    address: s(v.address),
    bank_name: s(v.bank_name),
    bank_account: s(v.bank_account),
    payment_terms_days: v.payment_terms_days ?? 0,
    credit_limit: s(v.credit_limit),
    tier,
    notes: (v.notes ?? '').trim(),
  };
}

const FIELD_NAMES = new Set<string>(DISTRIBUTOR_FIELDS);

export function DistributorForm({ mode, initial, nextCode, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DistributorFormValues>();
  const [saving, setSaving] = useState(false);
  const tierLabel = useTierLabel();

  const req = ruleFrom<string>(t, checkRequired);
  const max = (n: number) => ruleFrom<string>(t, (v) => checkMaxLength(v, n));

  const finish = async (values: DistributorFormValues) => {
    const tier = mode === 'edit' && initial ? initial.tier : values.tier;
    setSaving(true);
    try {
      await onSubmit(toInput(values, tier));
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => typeof p[0] === 'string' && FIELD_NAMES.has(p[0]),
      });
      if (msg) message.error(msg);
    } finally {
      setSaving(false);
    }
  };

  const item = (name: keyof DistributorFormValues) => ({ name, label: t(`fields.${name}`) });

  return (
    <Form<DistributorFormValues>
      id="distributor-form"
      name="distributor"
      form={form}
      layout="vertical"
      initialValues={toValues(initial)}
      onFinish={(v) => void finish(v)}
      onFinishFailed={() => message.warning(t('form.fixErrors'))}
      scrollToFirstError
      requiredMark
      className="distributor-form"
    >
      <Divider titlePlacement="start" plain>
        <Typography.Text strong>{t('groups.basic')}</Typography.Text>
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item {...item('code')} rules={[ruleFrom<string>(t, checkCode)]}>
            <Input
              placeholder={nextCode ? t('form.codePlaceholder', { code: nextCode }) : t('form.codeAuto')}
              autoComplete="off"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          {mode === 'create' ? (
            <Form.Item {...item('tier')}>
              <Select options={TIERS.map((tier) => ({ value: tier, label: tierLabel(tier) }))} />
            </Form.Item>
          ) : (
            <Form.Item label={t('fields.tier')} extra={t('form.tierEditHint')}>
              {initial ? <TierTag tier={initial.tier} /> : null}
            </Form.Item>
          )}
        </Col>
        <Col span={24}>
          <Form.Item {...item('name')} required rules={[req, max(MAX_LENGTH.name)]}>
            <Input placeholder={t('form.namePlaceholder')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('short_name')} rules={[max(MAX_LENGTH.short_name)]}>
            <Input placeholder={t('form.shortNamePlaceholder')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('legal_representative')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item {...item('uscc')} required rules={[req, ruleFrom<string>(t, checkUscc)]}>
            <Input placeholder={t('form.usccPlaceholder')} autoComplete="off" className="mono" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        <Typography.Text strong>{t('groups.contact')}</Typography.Text>
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item {...item('contact_name')} required rules={[req]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('contact_role')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('contact_phone')} required rules={[req, ruleFrom<string>(t, checkPhone)]}>
            <Input placeholder={t('form.phonePlaceholder')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('contact_email')} rules={[ruleFrom<string>(t, checkEmail)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('contact_wechat')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        <Typography.Text strong>{t('groups.address')}</Typography.Text>
      </Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item {...item('province')} required rules={[req]}>
            <AutoComplete
              options={PROVINCES.map((p) => ({ value: p }))}
              showSearch={{
                filterOption: (input, option) => (option?.value ?? '').toString().includes(input.trim()),
              }}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('city')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('county')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...item('region')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item {...item('address')} rules={[max(MAX_LENGTH.address)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        <Typography.Text strong>{t('groups.settlement')}</Typography.Text>
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item {...item('bank_name')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('bank_account')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('payment_terms_days')} rules={[ruleFrom<number | null>(t, checkPaymentDays)]}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('credit_limit')} rules={[ruleFrom<string>(t, checkMoney)]}>
            <Input
              placeholder={t('form.creditPlaceholder')}
              prefix="¥"
              autoComplete="off"
              inputMode="decimal"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item {...item('notes')} rules={[max(MAX_LENGTH.notes)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Col>
      </Row>

      <Flex justify="end" gap={8} className="form-actions">
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
        <Button id="distributor-save" type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
