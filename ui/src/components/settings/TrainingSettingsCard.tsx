import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { TrainingSettings } from '../../bindings/TrainingSettings';
import { ruleFrom } from '../../forms/rules';
import { toAppError } from '../../ipc';
import { useSaveTrainingSettings, useTrainingSettings } from '../../ipc/training';
import { appErrorMessage, fieldErrorText } from '../../lib/errors';
import { checkRequired } from '../../lib/validation';
import { QueryError } from '../QueryError';

type ChoiceValues = { key: string; label_zh: string; label_en: string };
type Values = { categories: ChoiceValues[] };

function trimChoices(list: ChoiceValues[] | undefined) {
  return (list ?? []).map((c) => ({
    key: (c?.key ?? '').trim(),
    label_zh: (c?.label_zh ?? '').trim(),
    label_en: (c?.label_en ?? '').trim(),
  }));
}

function TrainingSettingsForm({ initial }: { initial: TrainingSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveTrainingSettings();

  const submit = async (v: Values) => {
    try {
      const saved = await save.mutateAsync({ categories: trimChoices(v.categories) });
      form.setFieldsValue(saved);
      message.success(t('training.settings.saved'));
    } catch (e) {
      const err = toAppError(e);
      if (err.kind !== 'validation') {
        message.error(appErrorMessage(err, t));
        return;
      }
      // Row errors (detail = 1-based row) go on the row's key; the rest into the message.
      const fields: { name: ['categories', number, 'key']; errors: string[] }[] = [];
      const other: string[] = [];
      for (const f of err.fields) {
        const text = fieldErrorText(t, f.code, f.detail, f.field);
        const row = f.detail !== null && /^\d+$/.test(f.detail) ? Number(f.detail) - 1 : -1;
        if (f.field === 'categories' && row >= 0)
          fields.push({ name: ['categories', row, 'key'], errors: [text] });
        else other.push(f.field === 'categories' ? t('training.settings.categoriesRequired') : text);
      }
      if (fields.length > 0) form.setFields(fields);
      message.error(other.length > 0 ? other.join('；') : t('errors.kind.validation'));
    }
  };

  return (
    <Form<Values>
      id="training-settings-form"
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
    >
      <Typography.Text strong>{t('training.settings.categories')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('training.settings.categoriesHint')}</Typography.Paragraph>
      <Form.List name="categories">
        {(fields, { add, remove }) => (
          <>
            <Row gutter={12} className="muted" style={{ marginBottom: 6 }}>
              <Col span={6}>{t('fields.key')}</Col>
              <Col span={8}>{t('fields.label_zh')}</Col>
              <Col span={8}>{t('fields.label_en')}</Col>
            </Row>
            {fields.map(({ key, name: index }) => (
              <Row gutter={12} key={key} align="top" className={`training-category-row-${index}`}>
                <Col span={6}>
                  <Form.Item name={[index, 'key']} rules={[ruleFrom<string>(t, checkRequired)]}>
                    <Input maxLength={40} placeholder="product" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[index, 'label_zh']} rules={[ruleFrom<string>(t, checkRequired)]}>
                    <Input maxLength={40} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[index, 'label_en']}>
                    <Input maxLength={40} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button
                    id={`training-category-remove-${index}`}
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
              id="training-category-add"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ key: '', label_zh: '', label_en: '' })}
            >
              {t('training.settings.addCategory')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex justify="end" style={{ marginTop: 16 }}>
        <Button id="training-settings-save" type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The course categories of the training catalogue. */
export function TrainingSettingsCard() {
  const { t } = useTranslation();
  const settings = useTrainingSettings();
  return (
    <Card title={t('training.settings.title')} size="small" style={{ marginTop: 16 }} id="training-settings">
      {settings.error ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <TrainingSettingsForm initial={settings.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 4 }} />
      )}
    </Card>
  );
}
