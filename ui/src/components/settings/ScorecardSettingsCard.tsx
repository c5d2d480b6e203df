import { App, Button, Card, Checkbox, Flex, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { GrowthBand } from '../../bindings/GrowthBand';
import type { ScorecardSettings } from '../../bindings/ScorecardSettings';
import { toAppError } from '../../ipc';
import { useSaveScorecardSettings, useScorecardSettings } from '../../ipc/scorecards';
import { applyAppErrorToForm } from '../../lib/errors';
import { QueryError } from '../QueryError';

const KEYS = ['achievement', 'growth', 'payment', 'training', 'rating'] as const;

type Values = {
  weights: Record<string, number | null>;
  achievement_floor_pct: number | null;
  growth_bands: { min_pct: number | null; score: number | null }[];
  grade_a: number | null;
  grade_b: number | null;
  grade_c: number | null;
  baseline: number | null;
  /** The tier review's own thresholds; off: the admission thresholds. */
  own_thresholds: boolean;
  tier_thresholds: { strategic_min: number | null; core_min: number | null } | null;
};

function toValues(s: ScorecardSettings): Values {
  return {
    ...s,
    own_thresholds: s.tier_thresholds !== null,
    tier_thresholds: s.tier_thresholds ?? { strategic_min: 85, core_min: 70 },
  };
}

function ScorecardSettingsForm({ initial }: { initial: ScorecardSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveScorecardSettings();
  const submit = async (v: Values) => {
    const bands: GrowthBand[] = v.growth_bands.map((b) => ({ min_pct: b.min_pct ?? 0, score: b.score ?? 0 }));
    try {
      const saved = await save.mutateAsync({
        weights: Object.fromEntries(KEYS.map((k) => [k, v.weights[k] ?? 0])),
        achievement_floor_pct: v.achievement_floor_pct ?? 0,
        growth_bands: bands,
        grade_a: v.grade_a ?? 0,
        grade_b: v.grade_b ?? 0,
        grade_c: v.grade_c ?? 0,
        baseline: v.baseline ?? 0,
        tier_thresholds: v.own_thresholds
          ? {
              strategic_min: v.tier_thresholds?.strategic_min ?? 0,
              core_min: v.tier_thresholds?.core_min ?? 0,
            }
          : null,
      });
      form.setFieldsValue(toValues(saved));
      message.success(t('scorecard.settingsSaved'));
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={toValues(initial)}
      onFinish={(v) => void submit(v)}
      id="scorecard-settings"
    >
      <Typography.Text strong>{t('scorecard.weights')}</Typography.Text>
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        {KEYS.map((k) => (
          <Form.Item key={k} name={['weights', k]} label={t(`scorecard.indicators.${k}`)}>
            <InputNumber id={`scorecard-weight-${k}`} min={0} max={100} precision={0} />
          </Form.Item>
        ))}
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="achievement_floor_pct" label={t('scorecard.floor')}>
          <InputNumber min={0} max={100} precision={0} addonAfter="%" />
        </Form.Item>
        <Form.Item name="grade_a" label={t('scorecard.gradeLine', { grade: 'A' })}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="grade_b" label={t('scorecard.gradeLine', { grade: 'B' })}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="grade_c" label={t('scorecard.gradeLine', { grade: 'C' })}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="baseline" label={t('scorecard.baseline')}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
      </Flex>
      <Typography.Text strong>{t('scorecard.bands')}</Typography.Text>
      <Form.List name="growth_bands">
        {(fields) => (
          <Flex gap={16} wrap style={{ marginTop: 8 }}>
            {fields.map((f) => (
              <Flex key={f.key} gap={4} align="baseline">
                <Form.Item name={[f.name, 'min_pct']} label={t('scorecard.bandFrom')}>
                  <InputNumber min={-1000} max={1000} precision={0} addonAfter="%" style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'score']} label={t('scorecard.bandScore')}>
                  <InputNumber min={0} max={100} precision={0} style={{ width: 80 }} />
                </Form.Item>
              </Flex>
            ))}
          </Flex>
        )}
      </Form.List>
      <Typography.Text strong>{t('scorecard.tierThresholds')}</Typography.Text>
      <Form.Item name="own_thresholds" valuePropName="checked" style={{ marginTop: 8, marginBottom: 8 }}>
        <Checkbox id="scorecard-own-thresholds">{t('scorecard.ownThresholds')}</Checkbox>
      </Form.Item>
      <Form.Item noStyle dependencies={['own_thresholds']}>
        {({ getFieldValue }) =>
          getFieldValue('own_thresholds') ? (
            <Flex gap={16} wrap>
              <Form.Item name={['tier_thresholds', 'strategic_min']} label={t('scorecard.strategicMin')}>
                <InputNumber id="scorecard-strategic-min" min={0} max={100} precision={0} />
              </Form.Item>
              <Form.Item name={['tier_thresholds', 'core_min']} label={t('scorecard.coreMin')}>
                <InputNumber id="scorecard-core-min" min={0} max={100} precision={0} />
              </Form.Item>
            </Flex>
          ) : (
            <Typography.Paragraph type="secondary">{t('scorecard.admissionThresholds')}</Typography.Paragraph>
          )
        }
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending} id="scorecard-settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** The scorecard's weights, rules, grade lines and baseline. */
export function ScorecardSettingsCard() {
  const { t } = useTranslation();
  const settings = useScorecardSettings();
  return (
    <Card
      title={t('scorecard.settingsTitle')}
      size="small"
      style={{ marginBottom: 16 }}
      id="scorecard-settings-card"
    >
      {settings.error ? <QueryError error={settings.error} /> : null}
      {settings.data ? <ScorecardSettingsForm initial={settings.data} /> : <Skeleton active />}
    </Card>
  );
}
