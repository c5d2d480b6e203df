import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ViolationSettings } from '../../bindings/ViolationSettings';
import { toAppError } from '../../ipc';
import { useSaveViolationSettings, useViolationSettings } from '../../ipc/scorecards';
import { applyAppErrorToForm } from '../../lib/errors';
import { QueryError } from '../QueryError';

function KindsForm({ initial }: { initial: ViolationSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ViolationSettings>();
  const save = useSaveViolationSettings();
  const submit = async (v: ViolationSettings) => {
    try {
      const saved = await save.mutateAsync({
        kinds: (v.kinds ?? []).map((k) => ({
          key: (k.key ?? '').trim(),
          label_zh: (k.label_zh ?? '').trim(),
          label_en: (k.label_en ?? '').trim(),
          points: k.points ?? 0,
        })),
      });
      form.setFieldsValue(saved);
      message.success(t('violation.kindsSaved'));
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Form form={form} initialValues={initial} onFinish={(v) => void submit(v)} id="violation-kinds">
      <Form.List name="kinds">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline">
                <Form.Item name={[f.name, 'key']} style={{ width: 160 }}>
                  <Input placeholder={t('violation.kindKey')} />
                </Form.Item>
                <Form.Item name={[f.name, 'label_zh']} style={{ width: 200 }}>
                  <Input placeholder={t('violation.kindZh')} />
                </Form.Item>
                <Form.Item name={[f.name, 'label_en']} style={{ width: 240 }}>
                  <Input placeholder={t('violation.kindEn')} />
                </Form.Item>
                <Form.Item name={[f.name, 'points']}>
                  <InputNumber min={0} max={100} precision={0} addonAfter={t('violation.pointsUnit')} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('common.remove')}
                />
              </Flex>
            ))}
            <Flex gap={8}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ key: '', label_zh: '', label_en: '', points: 5 })}
              >
                {t('violation.addKind')}
              </Button>
              <Button htmlType="submit" loading={save.isPending} id="violation-kinds-save">
                {t('common.save')}
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** The kinds of violation and the points each takes off by default. */
export function ViolationKindsCard() {
  const { t } = useTranslation();
  const settings = useViolationSettings();
  return (
    <Card
      title={t('violation.kindsTitle')}
      size="small"
      style={{ marginBottom: 16 }}
      id="violation-kinds-card"
    >
      {settings.error ? <QueryError error={settings.error} /> : null}
      {settings.data ? <KindsForm initial={settings.data} /> : <Skeleton active />}
    </Card>
  );
}
