import { App, Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { StatementSettings } from '../../bindings/StatementSettings';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useSaveStatementSettings, useStatementSettings } from '../../ipc/queries';
import { applyAppErrorToForm, type FieldPath } from '../../lib/errors';
import { checkAgingEdges } from '../../lib/ledger';
import { QueryError } from '../QueryError';
import { CompanyFields, CompanyLogoField, trimmedCompany } from './CompanyFields';

type Values = {
  company: StatementSettings['company'];
  aging_edges: (number | null)[];
};

/** Server field names without a form item of their own: the edges' error goes on the first edge. */
function alias(field: string): string {
  return field === 'aging_edges' ? 'aging_edges.0' : field;
}

function hasField(p: FieldPath): boolean {
  if (p[0] === 'company') return p.length === 2;
  return p[0] === 'aging_edges' && p.length === 2;
}

function StatementSettingsForm({ initial }: { initial: StatementSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveStatementSettings();

  // The order error goes on the first edge; an empty edge says so on its own item.
  const edgesRule = ruleFrom<number | null | undefined>(t, (own) => {
    if (own === null || own === undefined) return { code: 'required' };
    const edges = (form.getFieldValue('aging_edges') as (number | null)[] | undefined) ?? [];
    return edges.some((e) => e === null || e === undefined) ? null : checkAgingEdges(edges);
  });

  const submit = async (v: Values) => {
    const [a, b, c] = v.aging_edges;
    try {
      const saved = await save.mutateAsync({
        company: trimmedCompany(v.company),
        aging_edges: [a ?? 0, b ?? 0, c ?? 0],
      });
      form.setFieldsValue(saved);
      message.success(t('settings.statementSaved'));
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, { alias, hasField });
      if (msg) message.error(msg);
    }
  };

  return (
    <Form<Values>
      id="statement-settings-form"
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
    >
      <Typography.Paragraph type="secondary">{t('settings.companyHint')}</Typography.Paragraph>
      <CompanyFields />
      <CompanyLogoField />
      <Typography.Text strong>{t('settings.agingEdges')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('settings.agingHint')}</Typography.Paragraph>
      <Row gutter={16}>
        {[0, 1, 2].map((i) => (
          <Col span={6} key={i}>
            <Form.Item
              name={['aging_edges', i]}
              label={t('settings.agingEdge', { n: i + 1 })}
              htmlFor={`aging_edge_${i}`}
              dependencies={[0, 1, 2].filter((j) => j !== i).map((j) => ['aging_edges', j])}
              rules={i === 0 ? [edgesRule] : [{ required: true, message: t('errors.required') }]}
            >
              <InputNumber
                id={`aging_edge_${i}`}
                min={1}
                max={3650}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Flex justify="end">
        <Button id="statement-settings-save" type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The company profile printed on statements and the aging buckets. */
export function StatementSettingsCard() {
  const { t } = useTranslation();
  const settings = useStatementSettings();
  return (
    <Card title={t('settings.statements')} size="small" style={{ marginTop: 16 }} id="statement-settings">
      {settings.error ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <StatementSettingsForm initial={settings.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 4 }} />
      )}
    </Card>
  );
}
