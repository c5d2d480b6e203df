import {
  Alert,
  App,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Skeleton,
  Switch,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Course } from '../../bindings/Course';
import type { CourseInput } from '../../bindings/CourseInput';
import type { Tier } from '../../bindings/Tier';
import { ruleFrom } from '../../forms/rules';
import { useTierLabel } from '../../hooks/useTierLabel';
import { toAppError } from '../../ipc';
import { useSaveCourse, useTrainingSettings } from '../../ipc/training';
import { choiceOptions } from '../../lib/complaints';
import { applyAppErrorToForm, appErrorMessage } from '../../lib/errors';
import { checkCode, checkRequired, type FieldProblem } from '../../lib/validation';
import { isHours, TIERS } from './CourseLabels';

type Values = {
  code: string;
  title_zh: string;
  title_en: string;
  category: string | undefined;
  duration_hours: string;
  pass_mark: number | null;
  validity_months: number | null;
  required_tiers: Tier[];
  onboarding: boolean;
  active: boolean;
};

const FORM_FIELDS = new Set([
  'code',
  'title_zh',
  'title_en',
  'category',
  'duration_hours',
  'pass_mark',
  'validity_months',
  'required_tiers',
]);

function valuesOf(c: Course | null, firstCategory: string | undefined): Values {
  if (!c) {
    return {
      code: '',
      title_zh: '',
      title_en: '',
      category: firstCategory,
      duration_hours: '2',
      pass_mark: 60,
      validity_months: 24,
      required_tiers: [],
      onboarding: false,
      active: true,
    };
  }
  return {
    code: c.code,
    title_zh: c.title_zh,
    title_en: c.title_en,
    category: c.category,
    duration_hours: c.duration_hours,
    pass_mark: c.pass_mark,
    validity_months: c.validity_months,
    required_tiers: c.required_tiers,
    onboarding: c.onboarding,
    active: c.active,
  };
}

function inputOf(v: Values): CourseInput {
  return {
    code: (v.code ?? '').trim(),
    title_zh: (v.title_zh ?? '').trim(),
    title_en: (v.title_en ?? '').trim(),
    category: v.category ?? '',
    duration_hours: (v.duration_hours ?? '').trim(),
    pass_mark: v.pass_mark ?? 0,
    validity_months: v.validity_months ?? null,
    // In the fixed order, whatever order they were ticked in.
    required_tiers: TIERS.filter((x) => (v.required_tiers ?? []).includes(x)),
    onboarding: !!v.onboarding,
    active: !!v.active,
  };
}

function checkHours(v: string | null | undefined): FieldProblem | null {
  if (v === undefined || v === null || v.trim() === '') return { code: 'required' };
  return isHours(v) ? null : { code: 'hours_format', detail: v.trim() };
}

/**
 * A new course (`course` null) or an edit. The form is named "course", so field
 * ids are `course_<field>`; the modal is `#course-modal`, its OK `#course-save`.
 */
export function CourseModal({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const tierLabel = useTierLabel();
  const [form] = Form.useForm<Values>();
  const settings = useTrainingSettings();
  const save = useSaveCourse();
  const [error, setError] = useState<string | null>(null);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const categories = settings.data?.categories ?? [];
  const categoryOptions = choiceOptions(categories, language, 'course-category').map((o) => ({
    ...o,
    className: `course-category-${o.value}`,
  }));
  // A course may keep a category that was since removed from the settings.
  if (course && course.category && !categories.some((c) => c.key === course.category)) {
    categoryOptions.push({
      value: course.category,
      label: course.category,
      className: `course-category-${course.category}`,
    });
  }

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({ id: course?.id ?? null, input: inputOf(v) });
      message.success(
        t(course ? 'training.courses.updated' : 'training.courses.created', { code: saved.code }),
      );
      onClose();
    } catch (e) {
      const msg = applyAppErrorToForm(form, toAppError(e), t, {
        hasField: (p) => p.length === 1 && typeof p[0] === 'string' && FORM_FIELDS.has(p[0]),
      });
      setError(msg ?? appErrorMessage(toAppError(e), t));
    }
  };

  return (
    <Modal
      open
      width={680}
      title={course ? t('training.courses.editTitle', { code: course.code }) : t('training.courses.newTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'course-save', loading: save.isPending, disabled: settings.isPending }}
      cancelButtonProps={{ id: 'course-cancel' }}
      mask={{ closable: false }}
      modalRender={(node) => <div id="course-modal">{node}</div>}
      destroyOnHidden
    >
      {settings.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<Values>
          form={form}
          name="course"
          layout="vertical"
          initialValues={valuesOf(course, categories[0]?.key)}
          onValuesChange={() => setError(null)}
        >
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item
                name="code"
                label={t('fields.code')}
                required
                rules={[ruleFrom<string>(t, checkRequired), ruleFrom<string>(t, checkCode)]}
              >
                <Input maxLength={20} autoComplete="off" placeholder="PRD-101" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name="category"
                label={t('fields.category')}
                rules={[{ required: true, message: t('errors.required') }]}
              >
                <Select
                  virtual={false}
                  loading={settings.isPending}
                  options={categoryOptions}
                  placeholder={t('training.courses.categoryPlaceholder')}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title_zh"
            label={t('fields.title_zh')}
            required
            rules={[ruleFrom<string>(t, checkRequired)]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="title_en" label={t('fields.title_en')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item
                name="duration_hours"
                label={t('fields.duration_hours')}
                required
                rules={[ruleFrom<string>(t, checkHours)]}
              >
                <Input autoComplete="off" inputMode="decimal" placeholder="1.5" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="pass_mark"
                label={t('fields.pass_mark')}
                rules={[{ required: true, message: t('errors.required') }]}
              >
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="validity_months"
                label={t('fields.validity_months')}
                extra={<span className="muted">{t('training.courses.validityHint')}</span>}
              >
                <InputNumber
                  min={1}
                  max={120}
                  precision={0}
                  style={{ width: '100%' }}
                  placeholder={t('training.courses.noCertificate')}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="required_tiers"
            label={t('training.courses.requiredTiers')}
            extra={<span className="muted">{t('training.courses.requiredTiersHint')}</span>}
          >
            <Checkbox.Group
              options={TIERS.map((x) => ({ value: x, label: tierLabel(x), className: `course-tier-${x}` }))}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="onboarding"
                label={t('training.courses.onboarding')}
                valuePropName="checked"
                extra={<span className="muted">{t('training.courses.onboardingHint')}</span>}
              >
                <Switch />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="active"
                label={t('training.courses.active')}
                valuePropName="checked"
                extra={<span className="muted">{t('training.courses.activeHint')}</span>}
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
      {error ? <Alert id="course-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
