import { waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { CourseSave } from '../../bindings/CourseSave';
import i18n from '../../i18n';
import { byId, choose, click, dispatch, renderAt, type, type Handlers } from '../agreements/testFixtures';
import { CoursesTab } from './CoursesTab';
import { course, retiredCourse, trainingSettings } from './SessionFixtures';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
}));
vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    dialogs: {
      ...actual.dialogs,
      suggestedPath: vi.fn(async (name: string) => `/home/wang/Documents/${name}`),
    },
  };
});

let handlers: Handlers;

function calls(cmd: string): unknown[] {
  return invokeMock.mock.calls.filter((c) => c[0] === cmd).map((c) => (c[1] as { req: unknown }).req);
}

/** The error text next to a form field. */
function fieldError(id: string): string {
  const item = byId(id).closest('.ant-form-item');
  return item?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

function renderTab() {
  renderAt('/training?tab=courses', [{ path: '/training', element: <CoursesTab /> }]);
}

describe('CoursesTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    handlers = {
      course_list: () => [course, retiredCourse],
      training_settings_get: () => trainingSettings,
      settings_get: () => ({ operator_name: '王芳', language: 'en', tier_labels: [] }),
    };
    invokeMock.mockReset().mockImplementation(dispatch(handlers));
  });

  it('lists the catalogue with category, validity, tiers and state', async () => {
    renderTab();
    await waitFor(() => expect(document.querySelector('.course-row-PRD-101')).toBeInTheDocument());
    const row = document.querySelector('.course-row-PRD-101') as HTMLElement;
    expect(row).toHaveTextContent('Product basics');
    expect(row).toHaveTextContent('Product knowledge');
    expect(row).toHaveTextContent('1.5 h');
    expect(row).toHaveTextContent('24 months');
    expect(row).toHaveTextContent('Strategic');
    expect(row).toHaveTextContent('Core');
    expect(row).toHaveTextContent('Onboarding');
    expect(row).toHaveTextContent('Active');
    const old = document.querySelector('.course-row-OLD-001') as HTMLElement;
    expect(old).toHaveTextContent('No certificate');
    expect(old).toHaveTextContent('Retired');
  });

  it('creates a course, showing the server’s field errors next to the fields', async () => {
    handlers.course_save = vi
      .fn()
      .mockRejectedValueOnce({
        kind: 'validation',
        fields: [{ field: 'category', code: 'invalid_choice', detail: null }],
      })
      .mockRejectedValueOnce({ kind: 'conflict', field: 'code', value: 'SAL-201' })
      .mockImplementationOnce((req: CourseSave) => ({ ...req.input, id: 9 }));
    renderTab();
    await waitFor(() => expect(document.querySelector('.course-row-PRD-101')).toBeInTheDocument());
    await click('course-new');
    await waitFor(() => expect(byId('course_code')).toBeInTheDocument());
    type('course_code', ' SAL-201 ');
    type('course_title_zh', '销售技巧进阶');
    type('course_title_en', 'Advanced selling');
    await choose('course_category', 'course-category-sales');
    type('course_duration_hours', '3');
    type('course_validity_months', '');
    await click(byId('course_required_tiers').querySelector('.course-tier-basic input'));
    await click(byId('course_required_tiers').querySelector('.course-tier-strategic input'));
    await click('course_onboarding');

    await click('course-save');
    await waitFor(() => expect(fieldError('course_category')).toBe('Not a valid choice'));
    expect(byId('course-modal')).toBeInTheDocument();

    await click('course-save');
    await waitFor(() =>
      expect(fieldError('course_code')).toBe('“SAL-201” is already used by another record'),
    );
    expect(byId('course-error')).toHaveTextContent('SAL-201');

    await click('course-save');
    await waitFor(() => expect(document.getElementById('course-modal')).toBeNull());
    const expected: CourseSave = {
      id: null,
      input: {
        code: 'SAL-201',
        title_zh: '销售技巧进阶',
        title_en: 'Advanced selling',
        category: 'sales',
        duration_hours: '3',
        pass_mark: 60,
        validity_months: null,
        required_tiers: ['strategic', 'basic'],
        onboarding: true,
        active: true,
      },
    };
    expect(calls('course_save')).toEqual([expected, expected, expected]);
  });

  it('edits a course in place', async () => {
    handlers.course_save = vi.fn((req: unknown) => ({
      ...(req as CourseSave).input,
      id: (req as CourseSave).id,
    }));
    renderTab();
    await waitFor(() => expect(byId('course-edit-PRD-101')).toBeInTheDocument());
    await click('course-edit-PRD-101');
    await waitFor(() => expect(byId('course_code')).toHaveValue('PRD-101'));
    const modal = byId('course-modal');
    expect(within(modal).getByText('Edit course PRD-101')).toBeInTheDocument();
    type('course_pass_mark', '70');
    await click('course_active');
    await click('course-save');
    await waitFor(() => expect(calls('course_save')).toHaveLength(1));
    expect(calls('course_save')[0]).toEqual({
      id: 3,
      input: {
        code: 'PRD-101',
        title_zh: '产品基础',
        title_en: 'Product basics',
        category: 'product',
        duration_hours: '1.5',
        pass_mark: 70,
        validity_months: 24,
        required_tiers: ['strategic', 'core'],
        onboarding: true,
        active: false,
      },
    });
  });
});
