import { act, fireEvent, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { DistributorDetail } from '../bindings/DistributorDetail';
import type { ResultsRequest } from '../bindings/ResultsRequest';
import type { SessionDetail } from '../bindings/SessionDetail';
import type { SessionSave } from '../bindings/SessionSave';
import {
  byId,
  choose,
  click,
  dispatch,
  distributor,
  renderAt,
  type,
  type Handlers,
} from '../components/agreements/testFixtures';
import {
  attendees,
  contacts,
  course,
  retiredCourse,
  sessionDetail,
} from '../components/training/SessionFixtures';
import i18n from '../i18n';
import { dialogs } from '../ipc';
import { SessionPage } from './SessionPage';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
}));
vi.mock('../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../ipc')>();
  return {
    ...actual,
    dialogs: {
      ...actual.dialogs,
      pickFolder: vi.fn(async () => null),
      suggestedPath: vi.fn(async (name: string) => `/home/wang/Documents/${name}`),
    },
  };
});

let handlers: Handlers;
let current: SessionDetail;

function calls(cmd: string): unknown[] {
  return invokeMock.mock.calls.filter((c) => c[0] === cmd).map((c) => (c[1] as { req: unknown }).req);
}

function renderPage(path = '/training/sessions/21') {
  renderAt(path, [
    { path: '/training/sessions/:id', element: <SessionPage /> },
    { path: '/training', element: <div id="training-stub" /> },
  ]);
}

const row = (id: number) => document.querySelector(`.attendee-row-${id}`) as HTMLElement;

async function key(id: string, k: string) {
  await act(async () => {
    fireEvent.keyDown(byId(id), { key: k });
  });
}

describe('SessionPage', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    current = sessionDetail();
    handlers = {
      session_get: () => current,
      course_list: () => [course, retiredCourse],
      settings_get: () => ({ operator_name: '王芳', language: 'en', tier_labels: [] }),
    };
    invokeMock.mockReset().mockImplementation(dispatch(handlers));
  });

  it('types results row by row and sends every row', async () => {
    handlers.session_results = vi.fn((r: unknown) => {
      const req = r as ResultsRequest;
      current = sessionDetail(
        {},
        attendees.map((a, i) => ({
          ...a,
          attended: req.rows[i].attended,
          score: req.rows[i].score,
          passed: req.rows[i].attended && (req.rows[i].score ?? 0) >= 60,
          rating: req.rows[i].rating,
          comment: req.rows[i].comment,
        })),
      );
      return current;
    });
    renderPage();
    await waitFor(() => expect(byId('session-status')).toHaveTextContent('Held'));
    expect(byId('session-capacity')).toHaveTextContent('3/30');
    expect(byId('attended-101')).not.toBeChecked();

    byId('score-101').focus();
    type('score-101', '85');
    expect(byId('attended-101')).toBeChecked();
    expect(byId('result-101')).toHaveTextContent('Passed');
    await key('score-101', 'Enter');
    expect(document.activeElement).toBe(byId('score-102'));
    type('score-102', '4x');
    expect(byId('score-102')).toHaveValue('');
    type('score-102', '45');
    expect(byId('result-102')).toHaveTextContent('Failed');
    await key('score-102', 'ArrowDown');
    expect(document.activeElement).toBe(byId('score-103'));
    await key('score-103', 'ArrowUp');
    expect(document.activeElement).toBe(byId('score-102'));
    type('rating-101', '5');
    type('comment-101', ' 讲得很好 ');

    // Unsaved results keep the session open.
    expect(byId('session-to-closed')).toBeDisabled();
    expect(byId('session-close-hint')).toHaveTextContent('Save the results before closing the session.');

    await click('results-save');
    await waitFor(() => expect(byId('session-to-closed')).toBeEnabled());
    expect(calls('session_results')).toEqual([
      {
        session_id: 21,
        rows: [
          { enrolment_id: 101, attended: true, score: 85, rating: 5, comment: '讲得很好' },
          { enrolment_id: 102, attended: true, score: 45, rating: null, comment: '' },
          { enrolment_id: 103, attended: false, score: null, rating: null, comment: '' },
        ],
      },
    ]);
    expect(byId('result-103')).toHaveTextContent('Absent');
  });

  it('shows the server’s row errors on the right row', async () => {
    handlers.session_results = vi.fn(() => {
      throw {
        kind: 'validation',
        fields: [{ field: 'score', code: 'score_required', detail: '2' }],
      };
    });
    renderPage();
    await waitFor(() => expect(byId('attended-102')).toBeInTheDocument());
    type('score-101', '70');
    await click('attended-102');
    expect(byId('attended-102')).toBeChecked();
    await click('results-save');
    await waitFor(() =>
      expect(byId('result-error-102')).toHaveTextContent('Row 2: enter the score of someone who attended'),
    );
    expect(row(102)).toHaveClass('attendee-row-error');
    expect(row(101)).not.toHaveClass('attendee-row-error');
    expect(document.getElementById('result-error-101')).toBeNull();
    expect(byId('results-error')).toHaveTextContent('Please correct the rows marked in red.');
    // Typing on the row clears its error.
    type('score-102', '66');
    expect(document.getElementById('result-error-102')).toBeNull();
  });

  it('shows a full session in the enrol modal', async () => {
    current = sessionDetail({ status: 'planned', capacity: 4 });
    handlers.distributor_list = () => ({ rows: [distributor], total: 1 });
    handlers.distributor_get = () =>
      ({
        distributor,
        allowed_transitions: [],
        status_history: [],
        tier_history: [],
        assessments: [],
        contacts,
      }) as unknown as DistributorDetail;
    handlers.session_enrol = vi.fn(() => {
      throw {
        kind: 'validation',
        fields: [{ field: 'contact_ids', code: 'capacity_full', detail: '4/4' }],
      };
    });
    renderPage();
    await waitFor(() => expect(byId('session-enrol')).toBeEnabled());
    await click('session-enrol');
    await waitFor(() => expect(byId('enrol-distributor')).toBeInTheDocument());
    await waitFor(() => expect(calls('distributor_list').length).toBeGreaterThan(0));
    await choose('enrol-distributor', 'distributor-option-DS00007');
    await waitFor(() => expect(document.querySelector('.enrol-person-504')).toBeInTheDocument());
    // Already enrolled people cannot be picked again.
    expect(document.querySelector('.enrol-person-501 input')).toBeDisabled();
    expect(byId('enrol-ok')).toBeDisabled();
    await click(document.querySelector('.enrol-person-504 input'));
    expect(byId('enrol-selected')).toHaveTextContent('1 selected · 1 places left');
    await click('enrol-ok');
    await waitFor(() => expect(byId('enrol-error')).toHaveTextContent('The session is full (4/4)'));
    expect(calls('session_enrol')).toEqual([{ session_id: 21, contact_ids: [504] }]);
    expect(byId('session-enrol-modal')).toBeInTheDocument();
  });

  it('plans a new session for the course and people it was opened with', async () => {
    handlers.session_save = vi.fn((r: unknown) => {
      const req = r as SessionSave;
      current = sessionDetail(
        { id: 77, status: 'planned', date: req.input.date, capacity: req.input.capacity },
        [],
      );
      return current;
    });
    renderPage('/training/sessions/new?course=3&people=501,502,501');
    await waitFor(() => expect(byId('session_course_id')).toBeInTheDocument());
    expect(byId('session-enrol-people')).toHaveTextContent('2 people will be enrolled');
    expect(byId('session_course_id').closest('.ant-select')).toHaveTextContent('PRD-101 Product basics');
    // Only active courses are offered.
    await act(async () => {
      fireEvent.mouseDown(byId('session_course_id'));
    });
    expect(document.querySelector('.session-course-PRD-101')).toBeInTheDocument();
    expect(document.querySelector('.session-course-OLD-001')).toBeNull();

    type('session_date', '2026-04-02');
    type('session_start_time', '14:00');
    type('session_trainer', ' 李老师 ');
    type('session_place', '福州培训中心 302');
    await click('session-save');
    await waitFor(() => expect(byId('session-status')).toHaveTextContent('Planned'));
    expect(calls('session_save')).toEqual([
      {
        id: null,
        input: {
          course_id: 3,
          date: '2026-04-02',
          start_time: '14:00',
          trainer: '李老师',
          place: '福州培训中心 302',
          capacity: 30,
          notes: '',
          enrol: [501, 502],
        },
      },
    ]);
    expect(calls('session_get')).toContain(77);
  });

  it('prints the certificates of a closed session into a folder', async () => {
    current = sessionDetail(
      { status: 'closed' },
      attendees.map((a, i) => ({
        ...a,
        attended: true,
        score: 80,
        passed: true,
        certificate_number: `PX-2026-000${i + 1}`,
      })),
    );
    handlers.certificate_list = () => ({ rows: [{ id: 41 }, { id: 42 }, { id: 43 }], total: 3 });
    handlers.certificate_print = () => [
      '/home/wang/Documents/certs/PX-2026-0001.pdf',
      '/home/wang/Documents/certs/PX-2026-0002.pdf',
      '/home/wang/Documents/certs/PX-2026-0003.pdf',
    ];
    renderPage();
    await waitFor(() => expect(byId('session-print-certificates')).toBeEnabled());
    expect(byId('certificate-102')).toHaveTextContent('PX-2026-0002');
    expect(document.getElementById('results-save')).toBeNull();
    expect(byId('score-101').tagName).toBe('SPAN');
    await click('session-print-certificates');
    await waitFor(() =>
      expect(byId('certificates-dir')).toHaveValue('/home/wang/Documents/certificates-PRD-101-2026-03-12'),
    );
    type('certificates-dir', '/home/wang/Documents/certs');
    await click('certificates-dir-ok');
    await waitFor(() => expect(byId('certificates-printed')).toHaveTextContent('3 PDFs written'));
    expect(byId('certificates-printed')).toHaveTextContent('PX-2026-0003.pdf');
    expect(calls('certificate_list')).toEqual([
      { distributor_id: null, course_id: null, session_id: 21, state: null, text: '', offset: 0, limit: 0 },
    ]);
    expect(calls('certificate_print')).toEqual([
      { ids: [41, 42, 43], lang: 'en', out_dir: '/home/wang/Documents/certs' },
    ]);
    expect(dialogs.suggestedPath).toHaveBeenCalledWith('certificates-PRD-101-2026-03-12');
  });
});
