import { waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import i18n from '../../i18n';
import { byId, choose, click, dispatch, renderAt, type, type Handlers } from '../agreements/testFixtures';
import { course, session } from './SessionFixtures';
import { SessionsTab } from './SessionsTab';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
}));

let handlers: Handlers;

function calls(cmd: string): unknown[] {
  return invokeMock.mock.calls.filter((c) => c[0] === cmd).map((c) => (c[1] as { req: unknown }).req);
}

function SessionStub() {
  return <div id="session-page-stub" />;
}

function renderTab() {
  renderAt('/training?tab=sessions', [
    { path: '/training', element: <SessionsTab /> },
    { path: '/training/sessions/:id', element: <SessionStub /> },
  ]);
}

describe('SessionsTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    handlers = {
      course_list: () => [course],
      session_list: () => [{ ...session, enrolled: 12, attended: 10, passed: 9 }],
    };
    invokeMock.mockReset().mockImplementation(dispatch(handlers));
  });

  it('lists sessions, filters them and opens one', async () => {
    renderTab();
    await waitFor(() => expect(document.querySelector('.session-row-21')).toBeInTheDocument());
    const row = document.querySelector('.session-row-21') as HTMLElement;
    expect(row).toHaveTextContent('2026-03-12 09:30');
    expect(row).toHaveTextContent('PRD-101 Product basics');
    expect(row).toHaveTextContent('12/30');
    expect(row).toHaveTextContent('Held');
    expect(calls('session_list')[0]).toEqual({ from: '', to: '', status: null, course_id: null });

    await choose('session-status-filter', 'session-status-option-planned');
    await waitFor(() =>
      expect(calls('session_list')).toContainEqual({ from: '', to: '', status: 'planned', course_id: null }),
    );
    type('session-from', '2026-03');
    type('session-from', '2026-03-01');
    await choose('session-course-filter', 'session-course-filter-PRD-101');
    await waitFor(() =>
      expect(calls('session_list')).toContainEqual({
        from: '2026-03-01',
        to: '',
        status: 'planned',
        course_id: 3,
      }),
    );
    expect(calls('session_list')).not.toContainEqual(expect.objectContaining({ from: '2026-03' }));

    await click(document.querySelector('.session-row-21'));
    await waitFor(() => expect(byId('session-page-stub')).toBeInTheDocument());
  });

  it('shows a month at a time', async () => {
    renderTab();
    await waitFor(() => expect(document.querySelector('.session-view-month')).toBeInTheDocument());
    await click(document.querySelector('.session-view-month input'));
    const month = dayjs().startOf('month');
    await waitFor(() =>
      expect(calls('session_list')).toContainEqual({
        from: month.format('YYYY-MM-DD'),
        to: month.endOf('month').format('YYYY-MM-DD'),
        status: null,
        course_id: null,
      }),
    );
    expect(byId('session-month-label')).toHaveTextContent(month.format('YYYY-MM'));
    await click('session-month-next');
    const next = month.add(1, 'month');
    await waitFor(() =>
      expect(calls('session_list')).toContainEqual(
        expect.objectContaining({ from: next.format('YYYY-MM-DD') }),
      ),
    );
  });
});
