// Data and rendering shared by the certificate and compliance tests.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';

import type { Certificate } from '../../bindings/Certificate';
import type { ComplianceRow } from '../../bindings/ComplianceRow';
import type { Course } from '../../bindings/Course';

export function cert(p: Partial<Certificate> & Pick<Certificate, 'id' | 'number'>): Certificate {
  return {
    person_name: '陈静',
    contact_id: 31,
    distributor_id: 7,
    distributor_code: 'DS00007',
    distributor_name: '福州恒通商贸有限公司',
    course_id: 2,
    course_code: 'PRD-101',
    course_title_zh: '产品基础',
    course_title_en: 'Product basics',
    score: 88,
    issue_date: '2025-06-01',
    expiry_date: '2027-06-01',
    days_left: 400,
    state: 'valid',
    revoked_on: null,
    revoke_reason: '',
    session_id: 5,
    ...p,
  };
}

export const certificates: Certificate[] = [
  cert({ id: 1, number: 'ZS-2025-0001' }),
  cert({
    id: 2,
    number: 'ZS-2025-0002',
    person_name: '刘洋',
    contact_id: 32,
    expiry_date: '2026-04-10',
    days_left: 23,
    state: 'expiring',
  }),
  cert({
    id: 3,
    number: 'ZS-2024-0007',
    person_name: '黄磊',
    contact_id: 41,
    distributor_id: 8,
    distributor_code: 'DS00008',
    distributor_name: '厦门海峡贸易有限公司',
    course_id: 3,
    course_code: 'SAF-201',
    course_title_zh: '安全操作',
    course_title_en: 'Safe handling',
    score: null,
    expiry_date: '2026-02-01',
    days_left: -45,
    state: 'expired',
  }),
  cert({
    id: 4,
    number: 'ZS-2025-0003',
    person_name: '周敏',
    contact_id: 33,
    state: 'revoked',
    revoked_on: '2026-03-01',
    revoke_reason: '误发',
  }),
];

function course(p: Partial<Course> & Pick<Course, 'id' | 'code'>): Course {
  return {
    title_zh: p.code,
    title_en: p.code,
    category: '',
    duration_hours: '4',
    pass_mark: 60,
    validity_months: 24,
    required_tiers: [],
    onboarding: false,
    active: true,
    ...p,
  };
}

export const courses: Course[] = [
  course({ id: 2, code: 'PRD-101', title_zh: '产品基础', title_en: 'Product basics' }),
  course({ id: 3, code: 'SAF-201', title_zh: '安全操作', title_en: 'Safe handling' }),
  course({ id: 4, code: 'SVC-301', title_zh: '售后服务', title_en: 'After-sales service' }),
];

export const complianceRows: ComplianceRow[] = [
  {
    distributor_id: 7,
    code: 'DS00007',
    name: '福州恒通商贸有限公司',
    tier: 'core',
    required: ['PRD-101', 'SAF-201', 'SVC-301'],
    covered: ['PRD-101'],
    missing: ['SAF-201', 'SVC-301'],
    compliance_pct: 33,
  },
  {
    distributor_id: 8,
    code: 'DS00008',
    name: '厦门海峡贸易有限公司',
    tier: 'basic',
    required: ['PRD-101'],
    covered: ['PRD-101'],
    missing: [],
    compliance_pct: 100,
  },
  {
    distributor_id: 9,
    code: 'DS00009',
    name: '泉州安达商贸有限公司',
    tier: 'strategic',
    required: ['PRD-101', 'SAF-201'],
    covered: ['SAF-201'],
    missing: ['PRD-101'],
    compliance_pct: 50,
  },
];

/** The app's providers around a component. */
export function renderWithApp(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>{node}</MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
  return client;
}

/** The `req` of every call of one command. */
export function requests(invoke: { mock: { calls: unknown[][] } }, cmd: string): unknown[] {
  return invoke.mock.calls
    .filter((c) => c[0] === cmd)
    .map((c) => (c[1] as { req?: unknown } | undefined)?.req);
}
