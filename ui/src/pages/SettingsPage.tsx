import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
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
  Skeleton,
  Tabs,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import type { Settings } from '../bindings/Settings';
import type { TierLabel } from '../bindings/TierLabel';
import { AboutDetails } from '../components/AboutDetails';
import { useHelp } from '../components/firstStart/help';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { ScorecardSettingsCard } from '../components/settings/ScorecardSettingsCard';
import { ViolationKindsCard } from '../components/settings/ViolationKindsCard';
import { AgreementTemplatesCard } from '../components/settings/AgreementTemplatesCard';
import { CalendarCard } from '../components/settings/CalendarCard';
import { DatabaseCard } from '../components/settings/DatabaseCard';
import { UsersCard } from '../components/settings/UsersCard';
import { ChangedBy } from '../components/Needs';
import { ComplaintSettingsCard } from '../components/settings/ComplaintSettingsCard';
import { OnboardingStepsCard } from '../components/settings/OnboardingStepsCard';
import { TrainingSettingsCard } from '../components/settings/TrainingSettingsCard';
import { StatementSettingsCard } from '../components/settings/StatementSettingsCard';
import { ReminderSettingsCard } from '../components/settings/ReminderSettingsCard';
import { MailSettingsCard } from '../components/settings/MailSettingsCard';
import { ruleFrom } from '../forms/rules';
import { normaliseLanguage, rememberLanguage } from '../i18n';
import { toAppError } from '../ipc';
import { useLoginState } from '../ipc/login';
import { useAppInfo, useSaveSettings, useSettings } from '../ipc/queries';
import { applyAppErrorToForm } from '../lib/errors';
import { checkRequired } from '../lib/validation';

const TOP_FIELDS = new Set(['operator_name', 'language', 'criteria', 'thresholds', 'tier_labels']);

/** Whether the form has an item for a server field path (`tier_labels` alone has none). */
function hasField(p: (string | number)[]): boolean {
  if (p[0] === 'tier_labels') return p.length === 3;
  return typeof p[0] === 'string' && TOP_FIELDS.has(p[0]);
}

/** Server field names that have no form item of their own. */
function alias(field: string): string {
  if (field === 'thresholds') return 'thresholds.core_min';
  const m = /^criteria\.(\d+)\.label$/.exec(field);
  return m ? `criteria.${m[1]}.label_zh` : field;
}

/** One row per tier: its built-in name, then the company's Chinese and English names. */
function TierLabelsCard({ labels }: { labels: TierLabel[] }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');
  const required = ruleFrom<string>(t, checkRequired);
  return (
    <Card title={t('settings.tierLabels')} size="small" style={{ marginBottom: 16 }} id="tier-labels">
      <Typography.Paragraph type="secondary">{t('settings.tierLabelsHint')}</Typography.Paragraph>
      <Row gutter={12} className="muted" style={{ marginBottom: 6 }}>
        <Col span={4}>{t('fields.tier')}</Col>
        <Col span={9}>{t('fields.label_zh')}</Col>
        <Col span={9}>{t('fields.label_en')}</Col>
      </Row>
      {labels.map((l, i) => (
        <Row gutter={12} key={l.tier} align="top" data-tier={l.tier}>
          <Form.Item name={['tier_labels', i, 'tier']} hidden>
            <Input />
          </Form.Item>
          <Col span={4} style={{ paddingTop: 5 }}>
            {t(`tier.${l.tier}`)}
          </Col>
          <Col span={9}>
            <Form.Item name={['tier_labels', i, 'label_zh']} rules={[required]}>
              <Input maxLength={30} placeholder={zh(`tier.${l.tier}`)} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name={['tier_labels', i, 'label_en']} rules={[required]}>
              <Input maxLength={30} placeholder={en(`tier.${l.tier}`)} />
            </Form.Item>
          </Col>
        </Row>
      ))}
    </Card>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const save = useSaveSettings();
  const criteria = Form.useWatch('criteria', form);
  const uiLanguage = normaliseLanguage(i18n.language);
  // Once users exist, each writes under their own name: no operator to type.
  const withUsers = useLoginState().data?.required ?? false;

  // The header switch changes the language too; keep the field in step with it.
  useEffect(() => {
    if (uiLanguage) form.setFieldValue('language', uiLanguage);
  }, [uiLanguage, form]);
  const totalWeight = (criteria ?? initial.criteria).reduce((s, c) => s + (c?.weight ?? 0), 0);

  const submit = async (v: Settings) => {
    try {
      const saved = await save.mutateAsync({
        ...v,
        operator_name: (v.operator_name ?? '').trim(),
        criteria: v.criteria.map((c) => ({
          key: (c.key ?? '').trim(),
          label_zh: (c.label_zh ?? '').trim(),
          label_en: (c.label_en ?? '').trim(),
          weight: c.weight ?? 0,
        })),
        tier_labels: v.tier_labels.map((l) => ({
          tier: l.tier,
          label_zh: (l.label_zh ?? '').trim(),
          label_en: (l.label_en ?? '').trim(),
        })),
      });
      const lng = normaliseLanguage(saved.language);
      if (lng && lng !== normaliseLanguage(i18n.language)) {
        rememberLanguage(lng);
        await i18n.changeLanguage(lng);
      }
      form.setFieldsValue(saved);
      message.success(t('settings.saved'));
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        alias,
        hasField,
      });
      if (msg) message.error(msg);
    }
  };

  return (
    <Form<Settings>
      id="settings-form"
      name="settings"
      form={form}
      layout="vertical"
      initialValues={{ ...initial, language: normaliseLanguage(i18n.language) ?? initial.language }}
      onFinish={(v) => void submit(v)}
    >
      <Card title={t('settings.general')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {withUsers ? null : (
            <Col span={8}>
              <Form.Item
                name="operator_name"
                label={t('fields.operator_name')}
                required
                rules={[ruleFrom<string>(t, checkRequired)]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item name="language" label={t('fields.language')}>
              <Select
                options={[
                  { value: 'zh-CN', label: t('lang.zh') },
                  { value: 'en', label: t('lang.en') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card
        title={t('settings.criteria')}
        size="small"
        style={{ marginBottom: 16 }}
        extra={<span className="muted">{t('settings.totalWeight', { weight: totalWeight })}</span>}
      >
        <Typography.Paragraph type="secondary">{t('settings.criteriaHint')}</Typography.Paragraph>
        <Form.List name="criteria">
          {(fields, { add, remove }, { errors }) => (
            <>
              <Row gutter={12} className="muted" style={{ marginBottom: 6 }}>
                <Col span={5}>{t('fields.key')}</Col>
                <Col span={7}>{t('fields.label_zh')}</Col>
                <Col span={7}>{t('fields.label_en')}</Col>
                <Col span={3}>{t('fields.weight')}</Col>
              </Row>
              {fields.map(({ key, name }) => (
                <Row gutter={12} key={key} align="top">
                  <Col span={5}>
                    <Form.Item name={[name, 'key']} rules={[ruleFrom<string>(t, checkRequired)]}>
                      <Input placeholder="capital" />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[name, 'label_zh']}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[name, 'label_en']}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item name={[name, 'weight']}>
                      <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(name)}
                    />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                id="criterion-add"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ key: '', label_zh: '', label_en: '', weight: 10 })}
              >
                {t('settings.addCriterion')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t('settings.thresholds')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('settings.thresholdsHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name={['thresholds', 'strategic_min']} label={t('fields.strategic_min')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['thresholds', 'core_min']} label={t('fields.core_min')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <TierLabelsCard labels={initial.tier_labels} />

      <Flex justify="end">
        <Button id="settings-save" type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

function AboutCard() {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <Card title={t('settings.about')} size="small" style={{ marginTop: 16 }}>
      <AboutDetails />
      {info.data?.backup ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('settings.backup')}: <Typography.Text code>{info.data.backup}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** The sections of Settings, in their order; each loads only what it shows. */
const SECTIONS = [
  'general',
  'documents',
  'reminders',
  'complaints',
  'agreements',
  'training',
  'reviews',
  'users',
  'database',
  'about',
] as const;
type Section = (typeof SECTIONS)[number];
const OFFICE = new Set<Section>([
  'general',
  'documents',
  'reminders',
  'complaints',
  'agreements',
  'training',
  'reviews',
]);

function GeneralSection() {
  const { t } = useTranslation();
  const settings = useSettings();
  const help = useHelp();
  return settings.error ? (
    <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
  ) : settings.data ? (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button id="settings-open-guide" onClick={help.openGuide}>
          {t('guide.again')}
        </Button>
      </Flex>
      <SettingsForm initial={settings.data} />
    </>
  ) : (
    <Skeleton active paragraph={{ rows: 10 }} aria-label={t('settings.general')} />
  );
}

function AboutSection() {
  const { t } = useTranslation();
  return (
    <>
      <AboutCard />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('settings.backupsElsewhere')} <Link to="/backup">{t('nav.backup')}</Link>
      </Typography.Paragraph>
    </>
  );
}

const CONTENT: Record<Section, () => ReactNode> = {
  general: () => <GeneralSection />,
  documents: () => (
    <>
      <StatementSettingsCard />
      <MailSettingsCard />
    </>
  ),
  reminders: () => <ReminderSettingsCard />,
  complaints: () => (
    <>
      <ComplaintSettingsCard />
      <CalendarCard />
    </>
  ),
  agreements: () => (
    <>
      <OnboardingStepsCard />
      <AgreementTemplatesCard />
    </>
  ),
  training: () => <TrainingSettingsCard />,
  reviews: () => (
    <>
      <ScorecardSettingsCard />
      <ViolationKindsCard />
    </>
  ),
  users: () => <UsersCard />,
  database: () => <DatabaseCard />,
  about: () => <AboutSection />,
};

export function SettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('section');
  const section: Section = SECTIONS.find((s) => s === asked) ?? 'general';
  return (
    <div style={{ maxWidth: 1180 }}>
      <PageHeader title={t('settings.title')} />
      <Tabs
        id="settings-sections"
        tabPlacement="start"
        activeKey={section}
        onChange={(k) => setParams({ section: k }, { replace: true })}
        destroyOnHidden
        items={SECTIONS.map((k) => ({
          key: k,
          label: <span id={`settings-tab-${k}`}>{t(`settings.sections.${k}`)}</span>,
          // Users, the database this PC uses and About are not the office's settings.
          children: OFFICE.has(k) ? <ChangedBy right="settings">{CONTENT[k]()}</ChangedBy> : CONTENT[k](),
        }))}
      />
    </div>
  );
}
