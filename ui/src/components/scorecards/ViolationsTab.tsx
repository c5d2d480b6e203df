import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Distributor } from '../../bindings/Distributor';
import type { Violation } from '../../bindings/Violation';
import { toAppError } from '../../ipc';
import {
  useCancelViolation,
  useRecordViolation,
  useViolationSettings,
  useViolations,
} from '../../ipc/scorecards';
import { appErrorMessage, applyAppErrorToForm } from '../../lib/errors';
import { officeNow } from '../../lib/dates';
import { QueryError } from '../QueryError';
import { Needs } from '../Needs';

type RecordValues = {
  occurred_on: string;
  kind: string;
  description: string;
  points: string;
  withhold_rebate: boolean;
};

/** Records a violation; from a cross-territory complaint, `preset` fills it in and links the complaint. */
export function RecordModal({
  distributorId,
  preset,
  onClose,
}: {
  distributorId: number;
  preset?: Partial<RecordValues> & { complaintId: number };
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const settings = useViolationSettings();
  const record = useRecordViolation();
  const en = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  const kinds = settings.data?.kinds ?? [];
  const submit = async (v: RecordValues) => {
    try {
      await record.mutateAsync({
        distributor_id: distributorId,
        occurred_on: (v.occurred_on ?? '').trim(),
        kind: v.kind ?? '',
        description: (v.description ?? '').trim(),
        points: (v.points ?? '').trim(),
        withhold_rebate: !!v.withhold_rebate,
        complaint_id: preset?.complaintId ?? null,
      });
      message.success(t('violation.recorded'));
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t);
      if (msg) message.error(msg);
    }
  };
  return (
    <Modal
      open
      title={t('violation.record')}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ id: 'violation-save', loading: record.isPending }}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ occurred_on: officeNow().format('YYYY-MM-DD'), withhold_rebate: false, ...preset }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="occurred_on" label={t('violation.occurredOn')}>
          <Input id="violation_occurred_on" placeholder="YYYY-MM-DD" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('violation.kind')}>
          <Select
            id="violation_kind"
            options={kinds.map((k) => ({
              value: k.key,
              className: `violation-kind-option-${k.key}`,
              label: `${en ? k.label_en : k.label_zh}（${t('violation.pointsDefault', { points: k.points })}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('violation.description')}>
          <Input.TextArea id="violation_description" rows={3} />
        </Form.Item>
        <Form.Item name="points" label={t('violation.points')} extra={t('violation.pointsHint')}>
          <Input id="violation_points" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="withhold_rebate" valuePropName="checked">
          <Checkbox id="violation_withhold">{t('violation.withhold')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The distributor's violations: recorded, cancelled with a reason, never deleted. */
export function ViolationsTab({ distributor }: { distributor: Distributor }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const list = useViolations(distributor.id);
  const settings = useViolationSettings();
  const cancel = useCancelViolation();
  const [recording, setRecording] = useState(false);
  const en = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  const kindLabel = (key: string) => {
    const k = settings.data?.kinds.find((x) => x.key === key);
    return k ? (en ? k.label_en : k.label_zh) : key;
  };
  const askCancel = (v: Violation) => {
    let reason = '';
    modal.confirm({
      title: t('violation.cancelTitle'),
      content: (
        <Input
          id="violation-cancel-reason"
          placeholder={t('violation.reason')}
          onChange={(e) => (reason = e.target.value)}
        />
      ),
      okButtonProps: { id: 'violation-cancel-ok' },
      onOk: async () => {
        try {
          await cancel.mutateAsync({ id: v.id, reason });
          message.success(t('violation.cancelled'));
        } catch (e) {
          message.error(appErrorMessage(toAppError(e), t));
          throw e;
        }
      },
    });
  };
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('violation.hint')}</Typography.Text>
        <Needs right="channel">
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} id="violation-new">
            {t('violation.record')}
          </Button>
        </Needs>
      </Flex>
      {list.error ? <QueryError error={list.error} /> : null}
      <Table<Violation>
        id="violation-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { key: 'date', title: t('violation.occurredOn'), width: 110, render: (_, v) => v.occurred_on },
          { key: 'kind', title: t('violation.kind'), width: 160, render: (_, v) => kindLabel(v.kind) },
          { key: 'description', title: t('violation.description'), render: (_, v) => v.description },
          {
            key: 'points',
            title: t('violation.points'),
            width: 80,
            align: 'right',
            render: (_, v) => v.points,
          },
          {
            key: 'state',
            title: '',
            width: 220,
            render: (_, v) =>
              v.cancelled ? (
                <Tag title={v.cancelled.reason}>
                  {t('violation.cancelledTag', { reason: v.cancelled.reason })}
                </Tag>
              ) : (
                <Flex gap={4} align="center">
                  {v.withhold_rebate ? <Tag color="red">{t('violation.withheldTag')}</Tag> : null}
                  <Button size="small" onClick={() => askCancel(v)}>
                    {t('violation.cancel')}
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
      {recording ? <RecordModal distributorId={distributor.id} onClose={() => setRecording(false)} /> : null}
    </>
  );
}
