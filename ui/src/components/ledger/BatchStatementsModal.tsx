import { FolderOpenOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  Modal,
  Progress,
  Result,
  Row,
  Segmented,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { BatchProgress } from '../../bindings/BatchProgress';
import type { BatchSummary } from '../../bindings/BatchSummary';
import { ruleFrom, ruleObjectFrom } from '../../forms/rules';
import { normaliseLanguage, type Language } from '../../i18n';
import { dialogs, toAppError } from '../../ipc';
import { usePathOpen, useStatementBatch, useStatementBatchCancel } from '../../ipc/queries';
import { appErrorMessage, applyAppErrorToForm } from '../../lib/errors';
import { checkDate, checkPeriod, defaultPeriod } from '../../lib/ledger';
import { checkRequired } from '../../lib/validation';

type Values = { from: string; to: string; merged: boolean; out_dir: string };

type Phase = 'form' | 'running' | 'done' | 'cancelled';

const FORM_FIELDS = new Set(['from', 'to', 'out_dir', 'merged']);

/** The chosen folder with a button that opens the system folder picker. */
function FolderInput({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const pick = async () => {
    try {
      const dir = await dialogs.pickFolder(t('batch.pickTitle'));
      if (dir) onChange?.(dir);
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={value}
        placeholder={t('batch.noFolder')}
        onChange={(e) => onChange?.(e.target.value)}
        title={value}
      />
      <Button id="batch-pick-folder" icon={<FolderOpenOutlined />} onClick={() => void pick()}>
        {t('batch.pickFolder')}
      </Button>
    </Space.Compact>
  );
}

/** Writes one statement PDF per distributor into a folder, with progress and cancel. */
export function BatchStatementsModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [lang, setLang] = useState<Language>(() => normaliseLanguage(i18n.language) ?? 'zh-CN');
  const [phase, setPhase] = useState<Phase>('form');
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [summary, setSummary] = useState<BatchSummary | null>(null);
  const [initial] = useState<Values>(() => ({ ...defaultPeriod(), merged: false, out_dir: '' }));
  const batch = useStatementBatch(setProgress);
  const cancel = useStatementBatchCancel();
  const pathOpen = usePathOpen();

  const fail = (e: unknown) => message.error(appErrorMessage(toAppError(e), t));

  const start = async () => {
    const v = await form.validateFields();
    setProgress(null);
    setSummary(null);
    setPhase('running');
    try {
      const done = await batch.mutateAsync({
        from: v.from.trim(),
        to: v.to.trim(),
        out_dir: v.out_dir.trim(),
        lang,
        merged: v.merged,
      });
      setSummary(done);
      setPhase('done');
    } catch (e) {
      const err = toAppError(e);
      if (err.kind === 'cancelled') {
        setPhase('cancelled');
        message.info(t('batch.cancelled'));
        return;
      }
      setPhase('form');
      const msg = applyAppErrorToForm(form, err, t, {
        hasField: (p) => typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      if (msg) message.error(msg);
    }
  };

  const running = phase === 'running';
  const percent =
    progress && progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : running ? 0 : 100;

  const footer = running
    ? [
        <Button
          key="cancel"
          id="batch-cancel"
          danger
          loading={cancel.isPending}
          onClick={() => void cancel.mutateAsync().catch(fail)}
        >
          {t('batch.cancel')}
        </Button>,
      ]
    : phase === 'done'
      ? [
          <Button key="close" id="batch-close" type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>,
        ]
      : [
          <Button key="close" id="batch-close" onClick={onClose}>
            {t('common.close')}
          </Button>,
          <Button
            key="start"
            id="batch-start"
            type="primary"
            onClick={() => void start().catch(() => undefined)}
          >
            {t('batch.start')}
          </Button>,
        ];

  return (
    <Modal
      open
      width={620}
      title={t('batch.title')}
      onCancel={running ? undefined : onClose}
      closable={!running}
      mask={{ closable: false }}
      keyboard={!running}
      footer={footer}
      modalRender={(node) => <div id="batch-modal">{node}</div>}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="batch"
        layout="vertical"
        initialValues={initial}
        disabled={running}
        style={{ display: phase === 'done' ? 'none' : undefined }}
      >
        <Typography.Paragraph type="secondary">{t('batch.hint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="from" label={t('fields.from')} required rules={[ruleFrom<string>(t, checkDate)]}>
              <Input placeholder={t('common.datePlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="to"
              label={t('fields.to')}
              required
              dependencies={['from']}
              rules={[
                ruleFrom<string>(t, checkDate),
                ({ getFieldValue }) =>
                  ruleObjectFrom<string>(t, (v) =>
                    checkPeriod((getFieldValue('from') as string) ?? '', v ?? ''),
                  ),
              ]}
            >
              <Input placeholder={t('common.datePlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('statement.lang')}>
          <Segmented<Language>
            id="batch-lang"
            value={lang}
            onChange={setLang}
            disabled={running}
            options={[
              { value: 'zh-CN', label: <span id="batch-lang-zh">{t('lang.zh')}</span> },
              { value: 'en', label: <span id="batch-lang-en">{t('lang.en')}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="out_dir"
          label={t('fields.out_dir')}
          required
          rules={[ruleFrom<string>(t, checkRequired)]}
        >
          <FolderInput />
        </Form.Item>
        <Form.Item name="merged" valuePropName="checked">
          <Checkbox>{t('batch.merged')}</Checkbox>
        </Form.Item>
      </Form>

      {running ? (
        <div id="batch-progress">
          <Typography.Text type="secondary">{t('batch.running')}</Typography.Text>
          <Progress
            percent={percent}
            status="active"
            format={() => (progress ? `${progress.done} / ${progress.total}` : '')}
          />
        </div>
      ) : null}

      {phase === 'cancelled' ? (
        <Alert id="batch-cancelled" type="info" showIcon title={t('batch.cancelled')} />
      ) : null}

      {phase === 'done' && summary ? (
        <div id="batch-done">
          <Result
            status={summary.failed.length > 0 ? 'warning' : 'success'}
            title={t('batch.done', { count: summary.files })}
            subTitle={
              <Typography.Text type="secondary" id="batch-out-dir">
                {summary.out_dir}
              </Typography.Text>
            }
            extra={
              <Space wrap>
                <Button
                  id="batch-open-folder"
                  icon={<FolderOpenOutlined />}
                  onClick={() => void pathOpen.mutateAsync(summary.out_dir).catch(fail)}
                >
                  {t('batch.openFolder')}
                </Button>
                {summary.merged_path ? (
                  <Button
                    id="batch-open-merged"
                    onClick={() => {
                      if (summary.merged_path) void pathOpen.mutateAsync(summary.merged_path).catch(fail);
                    }}
                  >
                    {t('batch.openMerged')}
                  </Button>
                ) : null}
              </Space>
            }
          />
          {summary.failed.length > 0 ? (
            <Alert
              id="batch-failed"
              type="error"
              showIcon
              title={t('batch.failed', { count: summary.failed.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {summary.failed.map((f) => (
                    <li key={f.code}>
                      {f.code} {f.name}: {appErrorMessage(f.error, t)}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {summary.substituted.length > 0 ? (
            <Alert
              id="batch-substituted"
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('pdf.substitutedTitle')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {summary.substituted.map((s) => (
                    <li key={s.code}>
                      {s.code} {s.name}: {s.chars}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
