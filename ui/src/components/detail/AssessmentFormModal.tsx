import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Slider,
  Statistic,
  Flex,
} from 'antd';
import { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import type { Criterion } from '../../bindings/Criterion';
import type { Decision } from '../../bindings/Decision';
import type { TierThresholds } from '../../bindings/TierThresholds';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useRecordAssessment } from '../../ipc/queries';
import { centiText, recommendTier, weightedTotalCenti } from '../../lib/assessment';
import { DECISIONS } from '../../lib/domain';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkScore } from '../../lib/validation';
import { TierTag } from '../Tags';
import { officeNow } from '../../lib/dates';

type Values = {
  assessed_on: Dayjs | null;
  scores: Record<string, number | null>;
  site_visit_notes: string;
  decision: Decision;
  apply_tier: boolean;
};

type Props = {
  distributorId: number;
  criteria: Criterion[];
  thresholds: TierThresholds;
  onClose: () => void;
};

/** Slider and number box bound to one score. */
function ScoreInput({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  return (
    <Flex gap={16} align="center">
      <Slider style={{ flex: 1 }} min={0} max={100} value={value ?? 0} onChange={(v) => onChange?.(v)} />
      <InputNumber
        id={id}
        min={0}
        max={100}
        precision={0}
        value={value}
        onChange={(v) => onChange?.(v)}
        style={{ width: 88 }}
      />
    </Flex>
  );
}

const FORM_FIELDS = new Set(['assessed_on', 'scores', 'site_visit_notes', 'decision', 'apply_tier']);

export function AssessmentFormModal({ distributorId, criteria, thresholds, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordAssessment();
  const zh = i18n.language.startsWith('zh');

  const scores = Form.useWatch('scores', form);
  const centi = weightedTotalCenti(criteria.map((c) => ({ weight: c.weight, score: scores?.[c.key] ?? 0 })));
  const tier = recommendTier(centi, thresholds);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await record.mutateAsync({
        distributor_id: distributorId,
        assessed_on: (v.assessed_on ?? officeNow()).format('YYYY-MM-DD'),
        scores: criteria.map((c) => ({ key: c.key, score: v.scores[c.key] ?? 0 })),
        site_visit_notes: (v.site_visit_notes ?? '').trim(),
        decision: v.decision,
        apply_tier: v.apply_tier,
      });
      message.success(t('assessment.saved'));
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
      width={720}
      title={t('assessment.new')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      okButtonProps={{ id: 'assessment-save', loading: record.isPending, disabled: criteria.length === 0 }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {criteria.length === 0 ? <Alert type="warning" showIcon title={t('assessment.noCriteria')} /> : null}
      <Form<Values>
        form={form}
        name="assessment"
        layout="vertical"
        initialValues={{
          assessed_on: officeNow(),
          scores: {},
          site_visit_notes: '',
          decision: 'defer',
          apply_tier: false,
        }}
      >
        <Flex className="live-total" gap={48} align="center" id="assessment-live">
          <Statistic title={t('assessment.liveTotal')} value={centiText(centi)} />
          <Statistic
            title={t('assessment.recommended')}
            valueRender={() => <TierTag tier={tier} id="assessment-recommended" />}
          />
          <Form.Item
            name="assessed_on"
            label={t('fields.assessed_on')}
            rules={[{ required: true, message: t('errors.required') }]}
            style={{ marginBottom: 0, marginLeft: 'auto' }}
          >
            <DatePicker allowClear={false} />
          </Form.Item>
        </Flex>
        {criteria.map((c) => (
          <Form.Item
            key={c.key}
            name={['scores', c.key]}
            label={`${zh ? c.label_zh || c.label_en : c.label_en || c.label_zh}（${t('assessment.weight', { weight: c.weight })}）`}
            required
            layout="horizontal"
            labelCol={{ flex: '200px' }}
            labelAlign="left"
            colon={false}
            className="score-item"
            rules={[ruleFrom<number | null>(t, checkScore)]}
          >
            <ScoreInput />
          </Form.Item>
        ))}
        <Form.Item name="decision" label={t('fields.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="site_visit_notes"
          label={t('fields.site_visit_notes')}
          dependencies={['decision']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                getFieldValue('decision') === 'reject' && !(v ?? '').trim()
                  ? Promise.reject(new Error(t('assessment.notesRequiredForReject')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('assessment.notesPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="apply_tier" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('assessment.applyTier')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
