import { DatabaseOutlined, FileAddOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  ConfigProvider,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Skeleton,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import type { CompanyProfile } from '../../bindings/CompanyProfile';
import { useLanguage } from '../../i18n/useLanguage';
import { dialogs, toAppError } from '../../ipc';
import { useBackupOverview, useSaveBackupSettings } from '../../ipc/backups';
import {
  useLoadSample,
  useSaveSettings,
  useSaveStatementSettings,
  useSettings,
  useStatementSettings,
} from '../../ipc/queries';
import { useFinishFirstStart } from '../../ipc/setup';
import { appErrorMessage, applyAppErrorToForm } from '../../lib/errors';
import { CompanyFields, CompanyLogoField, trimmedCompany } from '../settings/CompanyFields';

const STEPS = ['language', 'operator', 'company', 'backup', 'start'] as const;
type Step = (typeof STEPS)[number];

/** What a step does when "Next" is pressed: true when it may move on. */
type Submit = () => Promise<boolean>;
type StepHandle = { submit: Submit };
type StepProps = { ref: Ref<StepHandle> };

function LanguageStep() {
  const { t } = useTranslation();
  const [lng, setLng] = useLanguage();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('guide.languageHint')}</Typography.Paragraph>
      <Radio.Group
        id="guide-language"
        size="large"
        optionType="button"
        buttonStyle="solid"
        value={lng}
        onChange={(e) => setLng(e.target.value as typeof lng)}
        options={[
          { value: 'zh-CN', label: <span id="guide-lang-zh">简体中文</span> },
          { value: 'en', label: <span id="guide-lang-en">English</span> },
        ]}
      />
    </>
  );
}

function OperatorStep({ ref }: StepProps) {
  const { t } = useTranslation();
  const settings = useSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm<{ operator_name: string }>();
  const submit: Submit = async () => {
    const current = settings.data;
    if (!current) return false;
    const { operator_name } = await form.validateFields();
    try {
      await save.mutateAsync({ ...current, operator_name: operator_name.trim() });
      return true;
    } catch (e) {
      applyAppErrorToForm(form, toAppError(e), t, { hasField: (p) => p[0] === 'operator_name' });
      return false;
    }
  };
  useImperativeHandle(ref, () => ({ submit }));
  if (!settings.data) return <Skeleton active />;
  return (
    <Form
      form={form}
      name="guide-operator"
      layout="vertical"
      initialValues={{ operator_name: settings.data.operator_name }}
    >
      <Typography.Paragraph type="secondary">{t('guide.operatorHint')}</Typography.Paragraph>
      <Form.Item
        name="operator_name"
        label={t('firstRun.label')}
        htmlFor="guide-operator-input"
        rules={[{ required: true, whitespace: true, message: t('errors.required') }]}
      >
        <Input id="guide-operator-input" placeholder={t('firstRun.placeholder')} maxLength={50} autoFocus />
      </Form.Item>
    </Form>
  );
}

function CompanyStep({ ref }: StepProps) {
  const { t } = useTranslation();
  const current = useStatementSettings();
  const save = useSaveStatementSettings();
  const [form] = Form.useForm<{ company: CompanyProfile }>();
  const submit: Submit = async () => {
    if (!current.data) return false;
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ ...current.data, company: trimmedCompany(v.company) });
      return true;
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => p[0] === 'company' && p.length === 2,
      });
      if (msg) throw new Error(msg);
      return false;
    }
  };
  useImperativeHandle(ref, () => ({ submit }));
  if (!current.data) return <Skeleton active />;
  return (
    <Form form={form} name="guide-company" layout="vertical" initialValues={current.data}>
      <Typography.Paragraph type="secondary">{t('guide.companyHint')}</Typography.Paragraph>
      <CompanyFields idPrefix="guide-company" />
      <CompanyLogoField idPrefix="guide-logo" />
    </Form>
  );
}

function BackupStep({ ref }: StepProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const overview = useBackupOverview();
  const save = useSaveBackupSettings();
  const [form] = Form.useForm<{ where: 'beside' | 'elsewhere'; folder: string }>();
  const where = Form.useWatch('where', form);
  const submit: Submit = async () => {
    if (!overview.data) return false;
    const v = await form.validateFields();
    try {
      await save.mutateAsync({
        ...overview.data.settings,
        folder: v.where === 'elsewhere' ? (v.folder ?? '').trim() : '',
      });
      return true;
    } catch (e) {
      applyAppErrorToForm(form, toAppError(e), t, { hasField: (p) => p[0] === 'folder' });
      return false;
    }
  };
  useImperativeHandle(ref, () => ({ submit }));
  if (!overview.data) return <Skeleton active />;
  const s = overview.data.settings;
  const browse = async () => {
    try {
      const picked = await dialogs.pickFolder(t('guide.backupBrowse'));
      if (picked) form.setFieldsValue({ folder: picked, where: 'elsewhere' });
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };
  return (
    <Form
      form={form}
      name="guide-backup"
      layout="vertical"
      initialValues={{ where: s.folder ? 'elsewhere' : 'beside', folder: s.folder }}
    >
      <Typography.Paragraph type="secondary">{t('guide.backupHint')}</Typography.Paragraph>
      <Form.Item name="where">
        <Radio.Group>
          <Space direction="vertical">
            <Radio value="beside">
              <span id="guide-backup-beside">{t('guide.backupBeside')}</span>{' '}
              <Typography.Text type="secondary" code>
                {s.folder ? '' : overview.data.folder}
              </Typography.Text>
            </Radio>
            <Radio value="elsewhere">
              <span id="guide-backup-elsewhere">{t('guide.backupElsewhere')}</span>
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {where === 'elsewhere' ? (
        <Form.Item
          label={t('fields.folder')}
          htmlFor="guide-backup-folder"
          required
          validateTrigger="onSubmit"
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="folder"
              noStyle
              rules={[{ required: true, whitespace: true, message: t('errors.required') }]}
            >
              <Input id="guide-backup-folder" autoComplete="off" />
            </Form.Item>
            <Button id="guide-backup-browse" icon={<FolderOpenOutlined />} onClick={() => void browse()}>
              {t('guide.backupBrowse')}
            </Button>
          </Space.Compact>
        </Form.Item>
      ) : null}
    </Form>
  );
}

function StartStep({ onDone }: { onDone: (then?: () => void) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const sample = useLoadSample();
  const choice = (
    id: string,
    icon: ReactNode,
    title: string,
    hint: string,
    onClick: () => void,
    busy = false,
  ) => (
    <Button id={id} className="guide-choice" icon={icon} loading={busy} onClick={onClick}>
      <Flex vertical gap={2}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </Flex>
    </Button>
  );
  const loadSample = async () => {
    try {
      const count = await sample.mutateAsync();
      message.success(t('guide.sampleLoaded', { count }));
      onDone(() => void navigate('/distributors'));
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary">{t('guide.startHint')}</Typography.Paragraph>
      {choice(
        'guide-start-empty',
        <FileAddOutlined />,
        t('guide.startEmpty'),
        t('guide.startEmptyHint'),
        () => onDone(() => void navigate('/distributors')),
      )}
      {choice(
        'guide-start-sample',
        <DatabaseOutlined />,
        t('guide.startSample'),
        t('guide.startSampleHint'),
        () => void loadSample(),
        sample.isPending,
      )}
      {choice(
        'guide-start-import',
        <ImportOutlined />,
        t('guide.startImport'),
        t('guide.startImportHint'),
        () => onDone(() => void navigate('/distributors', { state: { startImport: true } })),
      )}
    </Flex>
  );
}

/**
 * The first start: language, the operator's name, the company printed on
 * every document, where backups go, and how to begin. Every step can be
 * skipped; closing the guide ends it (Settings and Help open it again).
 */
export function FirstStartGuide({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const finish = useFinishFirstStart();
  const [step, setStep] = useState<Step>('language');
  const [busy, setBusy] = useState(false);
  const current = useRef<StepHandle>(null);
  const index = STEPS.indexOf(step);
  const go = (d: number) => setStep(STEPS[Math.min(Math.max(index + d, 0), STEPS.length - 1)]);

  const done = (then?: () => void) => {
    void finish
      .mutateAsync()
      .catch(() => undefined)
      .then(() => {
        onClose();
        then?.();
      });
  };
  const next = async () => {
    setBusy(true);
    try {
      if (!current.current || (await current.current.submit())) go(1);
    } catch (e) {
      // A field problem is shown on its field; anything else here.
      if (e instanceof Error) message.error(e.message);
    } finally {
      setBusy(false);
    }
  };

  // No opening animation: on a first start the dialog is the whole page.
  return (
    <ConfigProvider theme={{ token: { motion: false } }}>
      <Modal
        open
        width={820}
        title={<span id="guide-title">{t('guide.title')}</span>}
        onCancel={() => done()}
        closable={{ 'aria-label': t('guide.close') }}
        mask={{ closable: false }}
        keyboard={false}
        destroyOnHidden
        footer={
          <Flex justify="space-between">
            <Button id="guide-close" onClick={() => done()}>
              {t('guide.close')}
            </Button>
            <Space>
              {index > 0 ? (
                <Button id="guide-back" onClick={() => go(-1)}>
                  {t('guide.back')}
                </Button>
              ) : null}
              {step !== 'start' ? (
                <>
                  <Button id="guide-skip" onClick={() => go(1)}>
                    {t('guide.skip')}
                  </Button>
                  <Button id="guide-next" type="primary" loading={busy} onClick={() => void next()}>
                    {t('guide.next')}
                  </Button>
                </>
              ) : null}
            </Space>
          </Flex>
        }
      >
        <div id="first-start-guide" data-step={step}>
          <Typography.Paragraph>{t('guide.intro')}</Typography.Paragraph>
          <Steps
            size="small"
            current={index}
            onChange={(i) => setStep(STEPS[i])}
            items={STEPS.map((s) => ({ title: <span id={`guide-step-${s}`}>{t(`guide.steps.${s}`)}</span> }))}
            style={{ marginBottom: 24 }}
          />
          {step === 'language' ? <LanguageStep /> : null}
          {step === 'operator' ? <OperatorStep ref={current} /> : null}
          {step === 'company' ? <CompanyStep ref={current} /> : null}
          {step === 'backup' ? <BackupStep ref={current} /> : null}
          {step === 'start' ? <StartStep onDone={done} /> : null}
        </div>
      </Modal>
    </ConfigProvider>
  );
}
