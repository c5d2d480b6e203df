import { App, Button, Card, Col, Collapse, Flex, Form, Input, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AgreementTemplates } from '../../bindings/AgreementTemplates';
import { toAppError } from '../../ipc';
import { useAgreementTemplates, useSaveAgreementTemplates } from '../../ipc/agreements';
import { agreementErrorMessage } from '../agreements/agreementLib';
import { applyAppErrorToForm } from '../../lib/errors';
import { checkRequired } from '../../lib/validation';
import { ruleFrom } from '../../forms/rules';
import { QueryError } from '../QueryError';

/** Placeholders replaced by text (core/src/agreement/template.rs). */
export const TEXT_PLACEHOLDERS = [
  'agreement.number',
  'agreement.version',
  'company.name',
  'company.address',
  'company.phone',
  'company.tax_no',
  'company.bank',
  'distributor.name',
  'distributor.code',
  'distributor.uscc',
  'distributor.address',
  'distributor.legal_representative',
  'distributor.phone',
  'term.start',
  'term.end',
  'territory',
  'exclusive',
  'payment.days',
  'payment.method',
  'credit_limit',
  'credit_limit.words',
  'discount_pct',
  'buyback_pct',
  'targets.total',
  'targets.total.words',
  'special_clauses',
] as const;

/** Placeholders replaced by a table; each stands alone on its line. */
export const TABLE_PLACEHOLDERS = ['targets_table', 'rebate_table', 'territory_table'] as const;

const LANGS = ['zh', 'en'] as const;

function Placeholders() {
  const { t } = useTranslation();
  const item = (name: string) => (
    <Col xs={24} md={12} xl={8} key={name}>
      <Typography.Text code copyable={{ text: `{{${name}}}` }} className="template-placeholder">
        {`{{${name}}}`}
      </Typography.Text>{' '}
      <Typography.Text type="secondary">
        {t(`agreementTemplates.placeholders.${name.replace(/\./g, '_')}`)}
      </Typography.Text>
    </Col>
  );
  return (
    <div id="agreement-template-help">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('agreementTemplates.textHelp')}
      </Typography.Paragraph>
      <Row gutter={[12, 4]} style={{ marginBottom: 12 }}>
        {TEXT_PLACEHOLDERS.map(item)}
      </Row>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('agreementTemplates.tableHelp')}
      </Typography.Paragraph>
      <Row gutter={[12, 4]} style={{ marginBottom: 12 }}>
        {TABLE_PLACEHOLDERS.map(item)}
      </Row>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('agreementTemplates.clauseHelp')}
      </Typography.Paragraph>
    </div>
  );
}

function TemplatesForm({ initial }: { initial: AgreementTemplates }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgreementTemplates>();
  const save = useSaveAgreementTemplates();

  const submit = async (v: AgreementTemplates) => {
    try {
      const saved = await save.mutateAsync({ zh: v.zh ?? '', en: v.en ?? '' });
      form.setFieldsValue(saved);
      message.success(t('agreementTemplates.saved'));
    } catch (e) {
      const err = toAppError(e);
      if (err.kind === 'validation') {
        applyAppErrorToForm(form, err, t, { hasField: (p) => p[0] === 'zh' || p[0] === 'en' });
        message.error(t('agreementTemplates.invalid'));
      } else {
        message.error(agreementErrorMessage(err, t));
      }
    }
  };

  return (
    <Form<AgreementTemplates>
      id="agreement-templates-form"
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
    >
      <Typography.Paragraph type="secondary">{t('agreementTemplates.hint')}</Typography.Paragraph>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { key: 'help', label: t('agreementTemplates.placeholdersTitle'), children: <Placeholders /> },
        ]}
        defaultActiveKey={['help']}
      />
      <Row gutter={16}>
        {LANGS.map((lang) => (
          <Col xs={24} xl={12} key={lang}>
            <Form.Item
              name={lang}
              label={t(`agreementTemplates.${lang}`)}
              htmlFor={`agreement-template-${lang}`}
              rules={[ruleFrom<string>(t, checkRequired)]}
            >
              <Input.TextArea
                id={`agreement-template-${lang}`}
                rows={16}
                spellCheck={false}
                className="mono"
                style={{ fontSize: 13 }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Flex justify="end">
        <Button id="agreement-templates-save" type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The clause templates the agreement PDF is printed from, one per language. */
export function AgreementTemplatesCard() {
  const { t } = useTranslation();
  const templates = useAgreementTemplates();
  return (
    <Card
      title={t('agreementTemplates.title')}
      size="small"
      style={{ marginTop: 16 }}
      id="agreement-templates"
    >
      {templates.error ? (
        <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data ? (
        <TemplatesForm initial={templates.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </Card>
  );
}
