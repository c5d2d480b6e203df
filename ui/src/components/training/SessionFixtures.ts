// Shared data of the training component tests.
import type { Attendee } from '../../bindings/Attendee';
import type { Contact } from '../../bindings/Contact';
import type { Course } from '../../bindings/Course';
import type { SessionDetail } from '../../bindings/SessionDetail';
import type { TrainingSession } from '../../bindings/TrainingSession';
import type { TrainingSettings } from '../../bindings/TrainingSettings';

export const trainingSettings: TrainingSettings = {
  categories: [
    { key: 'product', label_zh: '产品知识', label_en: 'Product knowledge' },
    { key: 'sales', label_zh: '销售技巧', label_en: 'Sales skills' },
  ],
};

export const course: Course = {
  id: 3,
  code: 'PRD-101',
  title_zh: '产品基础',
  title_en: 'Product basics',
  category: 'product',
  duration_hours: '1.5',
  pass_mark: 60,
  validity_months: 24,
  required_tiers: ['strategic', 'core'],
  onboarding: true,
  active: true,
};

export const retiredCourse: Course = {
  ...course,
  id: 4,
  code: 'OLD-001',
  title_zh: '旧课程',
  title_en: 'Old course',
  validity_months: null,
  required_tiers: [],
  onboarding: false,
  active: false,
};

export const session: TrainingSession = {
  id: 21,
  course_id: 3,
  course_code: 'PRD-101',
  course_title_zh: '产品基础',
  course_title_en: 'Product basics',
  date: '2026-03-12',
  start_time: '09:30',
  trainer: '李老师',
  place: '福州培训中心 302',
  capacity: 30,
  enrolled: 3,
  attended: 0,
  passed: 0,
  status: 'held',
  notes: '',
};

function attendee(enrolment_id: number, contact_id: number, name: string): Attendee {
  return {
    enrolment_id,
    contact_id,
    distributor_id: 7,
    distributor_code: 'DS00007',
    distributor_name: '福州恒通商贸有限公司',
    name,
    role: '店员',
    phone: '13800000000',
    attended: null,
    score: null,
    passed: null,
    rating: null,
    comment: '',
    certificate_number: null,
  };
}

export const attendees: Attendee[] = [
  attendee(101, 501, '张伟'),
  attendee(102, 502, '王芳'),
  attendee(103, 503, '李娜'),
];

export function sessionDetail(extra: Partial<TrainingSession> = {}, people = attendees): SessionDetail {
  const status = extra.status ?? session.status;
  return {
    session: { ...session, enrolled: people.length, ...extra },
    course,
    attendees: people,
    allowed: status === 'planned' ? ['held', 'cancelled'] : status === 'held' ? ['closed'] : [],
  };
}

export const contacts: Contact[] = [
  {
    id: 501,
    distributor_id: 7,
    name: '张伟',
    role: '店员',
    phone: '13800000000',
    email: '',
    wechat: '',
    receives_statements: false,
    updated_at: '2026-01-01T00:00:00+00:00',
  },
  {
    id: 504,
    distributor_id: 7,
    name: '赵磊',
    role: '店长',
    phone: '13900000000',
    email: '',
    wechat: '',
    receives_statements: false,
    updated_at: '2026-01-01T00:00:00+00:00',
  },
];
