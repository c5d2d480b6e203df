import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Course } from '../../bindings/Course';
import type { SessionInput } from '../../bindings/SessionInput';
import type { TrainingSession } from '../../bindings/TrainingSession';
import { ruleFrom } from '../../forms/rules';
import { checkClockTime } from '../../lib/complaints';
import type { FieldPath } from '../../lib/errors';
import { checkDate } from '../../lib/ledger';
import { checkRequired } from '../../lib/validation';
import { courseTitle } from './CourseLabels';

/** The values of the form named "session" (field ids `session_<field>`). */
export type SessionValues = {
  course_id: number | undefined;
  date: string;
  start_time: string;
  trainer: string;
  place: string;
  capacity: number | null;
  notes: string;
};

const FIELDS = new Set(['course_id', 'date', 'start_time', 'trainer', 'place', 'capacity', 'notes']);

/** Server errors on these go next to the field; others into the form's message. */
export function isSessionField(p: FieldPath): boolean {
  return p.length === 1 && typeof p[0] === 'string' && FIELDS.has(p[0]);
}

export const DEFAULT_CAPACITY = 30;

export function newSessionValues(courseId: number | undefined, people: number): SessionValues {
  return {
    course_id: courseId,
    date: '',
    start_time: '09:00',
    trainer: '',
    place: '',
    capacity: Math.max(DEFAULT_CAPACITY, people),
    notes: '',
  };
}

export function sessionValues(s: TrainingSession): SessionValues {
  return {
    course_id: s.course_id,
    date: s.date,
    start_time: s.start_time,
    trainer: s.trainer,
    place: s.place,
    capacity: s.capacity,
    notes: s.notes,
  };
}

export function sessionInput(v: SessionValues, enrol: number[]): SessionInput {
  return {
    course_id: v.course_id ?? 0,
    date: (v.date ?? '').trim(),
    start_time: (v.start_time ?? '').trim(),
    trainer: (v.trainer ?? '').trim(),
    place: (v.place ?? '').trim(),
    capacity: v.capacity ?? 0,
    notes: (v.notes ?? '').trim(),
    enrol,
  };
}

/**
 * The session's fields inside a `<Form name="session">`. `courses` are the ones
 * offered (a new session takes only active courses); options carry the class
 * `session-course-<code>`.
 */
export function SessionFields({ courses, loading }: { courses: Course[]; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <>
      <Form.Item
        name="course_id"
        label={t('fields.course_id')}
        rules={[{ required: true, message: t('errors.required') }]}
      >
        <Select<number>
          virtual={false}
          loading={loading}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('training.session.coursePlaceholder')}
          notFoundContent={t('training.session.noCourse')}
          options={courses.map((c) => ({
            value: c.id,
            label: `${c.code} ${courseTitle(c, language)}`,
            className: `session-course-option session-course-${c.code}`,
          }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="date" label={t('fields.date')} required rules={[ruleFrom<string>(t, checkDate)]}>
            <Input placeholder={t('common.datePlaceholder')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="start_time"
            label={t('fields.start_time')}
            required
            rules={[ruleFrom<string>(t, checkClockTime)]}
          >
            <Input placeholder="09:00" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="capacity"
            label={t('fields.capacity')}
            rules={[{ required: true, message: t('errors.required') }]}
          >
            <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="trainer"
            label={t('fields.trainer')}
            required
            rules={[ruleFrom<string>(t, checkRequired)]}
          >
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="place"
            label={t('fields.place')}
            required
            rules={[ruleFrom<string>(t, checkRequired)]}
          >
            <Input maxLength={200} autoComplete="off" placeholder={t('training.session.placePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('fields.notes')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}
