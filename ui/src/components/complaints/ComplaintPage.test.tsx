import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Clock } from '../../bindings/Clock';
import type { Complaint } from '../../bindings/Complaint';
import type { ComplaintDetail } from '../../bindings/ComplaintDetail';
import i18n from '../../i18n';
import { ipc } from '../../ipc';
import { ComplaintPage } from '../../pages/ComplaintPage';
import { complaintSettings } from './testFixtures';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    ipc: {
      ...actual.ipc,
      complaintGet: vi.fn(),
      complaintSettingsGet: vi.fn(),
      complaintTransition: vi.fn(),
      complaintNote: vi.fn(),
    },
  };
});

function clock(c: Partial<Clock>): Clock {
  return {
    allowance_secs: 8 * 3600,
    elapsed_secs: 3600,
    remaining_secs: 7 * 3600,
    due_at: '2026-11-24 11:00:00',
    state: 'on_track',
    running: true,
    paused: false,
    ...c,
  };
}

const complaint: Complaint = {
  id: 42,
  number: 'TS-2026-0042',
  distributor_id: 7,
  distributor_code: 'DS00007',
  distributor_name: '福州恒通商贸有限公司',
  channel: 'phone',
  product: '净水器 A3',
  batch_no: 'B2611-07',
  category: 'quality',
  priority: 'p2',
  description: '外包装破损，三箱漏液',
  assignee: '王芳',
  status: 'resolved',
  resolution: '补发三箱',
  root_cause: 'production',
  root_cause_note: '',
  satisfaction: null,
  received_at: '2026-11-23 09:30:00',
  sla: {
    first_response: clock({ state: 'met', running: false, due_at: null, remaining_secs: 1800 }),
    resolution: clock({
      allowance_secs: 24 * 3600,
      elapsed_secs: 20 * 3600,
      remaining_secs: 4 * 3600 + 15 * 60,
      state: 'at_risk',
    }),
    escalation_level: 1,
  },
  escalate_to: '王芳',
};

const detail: ComplaintDetail = {
  complaint,
  allowed: ['verified', 'in_progress'],
  timeline: [
    {
      id: 1,
      at: '2026-11-23 09:30:00',
      kind: 'transition',
      from_status: null,
      to_status: 'received',
      text: '外包装破损，三箱漏液',
      operator: '李娜',
    },
    {
      id: 2,
      at: '2026-11-23 10:00:00',
      kind: 'transition',
      from_status: 'received',
      to_status: 'classified',
      text: '',
      operator: '李娜',
    },
    {
      id: 3,
      at: '2026-11-23 10:05:00',
      kind: 'assignment',
      from_status: null,
      to_status: null,
      text: '王芳',
      operator: '李娜',
    },
  ],
};

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/complaints/42']}>
          <Routes>
            <Route path="/complaints/:id" element={<ComplaintPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

async function click(el: Element | null) {
  await act(async () => {
    fireEvent.click(el as HTMLElement);
  });
}

function byId(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

describe('ComplaintPage', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    vi.mocked(ipc.complaintGet).mockReset().mockResolvedValue(detail);
    vi.mocked(ipc.complaintSettingsGet).mockReset().mockResolvedValue(complaintSettings);
    vi.mocked(ipc.complaintTransition).mockReset();
    vi.mocked(ipc.complaintNote).mockReset();
  });

  it('shows one action per allowed move, the SLA clocks and the timeline', async () => {
    renderPage();
    await waitFor(() => expect(byId('complaint-number')).toHaveTextContent('TS-2026-0042'));
    expect(ipc.complaintGet).toHaveBeenCalledWith(42);
    expect(byId('complaint-status')).toHaveTextContent('Resolved');
    expect(byId('complaint-to-verified')).toHaveTextContent('Verify');
    // Back to work from a resolved complaint reopens it.
    expect(byId('complaint-to-in_progress')).toHaveTextContent('Reopen');
    for (const s of ['classified', 'responded', 'resolved', 'closed', 'waiting_on_distributor']) {
      expect(byId(`complaint-to-${s}`)).toBeNull();
    }
    expect(byId('sla-first-response-state')).toHaveTextContent('Met');
    expect(byId('sla-resolution-state')).toHaveTextContent('At risk');
    expect(byId('sla-resolution-left')).toHaveTextContent('4 h 15 min left');
    expect(byId('sla-resolution-due')).toHaveTextContent('Due 2026-11-24 11:00');
    expect(byId('sla-escalation')).toHaveTextContent('Notify 王芳');
    await waitFor(() => expect(byId('complaint-category')).toHaveTextContent('Quality'));
    const timeline = byId('complaint-timeline');
    expect(within(timeline).getByText('Recorded as Received')).toBeInTheDocument();
    expect(within(timeline).getByText('Status Received → Classified')).toBeInTheDocument();
    expect(within(timeline).getByText('Assigned to 王芳')).toBeInTheDocument();
  });

  it('asks a verification for confirmation and score, and shows a refused move', async () => {
    vi.mocked(ipc.complaintTransition).mockRejectedValueOnce({
      kind: 'illegal_transition',
      from: 'closed',
      to: 'verified',
    });
    renderPage();
    await waitFor(() => expect(byId('complaint-to-verified')).toBeInTheDocument());
    await click(byId('complaint-to-verified'));
    await waitFor(() => expect(byId('transition_confirmation')).toBeInTheDocument());
    expect(byId('transition_resolution')).toBeNull();
    await click(byId('transition-confirm'));
    const modal = byId('complaint-transition-modal');
    expect(await within(modal).findAllByText('Required')).toHaveLength(2);
    expect(ipc.complaintTransition).not.toHaveBeenCalled();

    fireEvent.change(byId('transition_confirmation'), { target: { value: '经销商电话确认已收到补发' } });
    await click(byId('transition_satisfaction').querySelector('.satisfaction-4'));
    await click(byId('transition-confirm'));
    await waitFor(() =>
      expect(byId('transition-error')).toHaveTextContent('Cannot change status from Closed to Verified'),
    );
    expect(ipc.complaintTransition).toHaveBeenCalledWith({
      id: 42,
      to: 'verified',
      at: '',
      note: '',
      category: '',
      priority: null,
      resolution: '',
      root_cause: '',
      root_cause_note: '',
      confirmation: '经销商电话确认已收到补发',
      satisfaction: 4,
    });
  });

  it('needs a reason to reopen and maps a server time error onto its field', async () => {
    vi.mocked(ipc.complaintTransition).mockRejectedValueOnce({
      kind: 'validation',
      fields: [{ field: 'at', code: 'before_last_entry', detail: '2026-11-23 10:05:00' }],
    });
    renderPage();
    await waitFor(() => expect(byId('complaint-to-in_progress')).toBeInTheDocument());
    await click(byId('complaint-to-in_progress'));
    await waitFor(() => expect(byId('transition_note')).toBeInTheDocument());
    await click(byId('transition-confirm'));
    expect(await screen.findByText('Say why the complaint is reopened')).toBeInTheDocument();
    fireEvent.change(byId('transition_note'), { target: { value: '经销商反馈仍有漏液' } });
    fireEvent.change(byId('transition_at'), { target: { value: '2026-11-23 08:00' } });
    await click(byId('transition-confirm'));
    expect(
      await screen.findByText('Must not be before the last entry (2026-11-23 10:05:00)'),
    ).toBeInTheDocument();
    expect(ipc.complaintTransition).toHaveBeenCalledWith(
      expect.objectContaining({ to: 'in_progress', note: '经销商反馈仍有漏液', at: '2026-11-23 08:00' }),
    );
  });

  it('adds a note and hands the complaint over', async () => {
    vi.mocked(ipc.complaintNote).mockResolvedValue(detail);
    renderPage();
    await waitFor(() => expect(byId('note_text')).toBeInTheDocument());
    fireEvent.change(byId('note_text'), { target: { value: '已电话回访' } });
    await click(byId('note-add'));
    expect(ipc.complaintNote).toHaveBeenCalledWith({ id: 42, kind: 'note', text: '已电话回访' });
    await waitFor(() => expect(byId('note_text')).toHaveValue(''));
    fireEvent.change(byId('assign_text'), { target: { value: '陈工' } });
    await click(byId('assign-save'));
    expect(ipc.complaintNote).toHaveBeenLastCalledWith({ id: 42, kind: 'assignment', text: '陈工' });
  });
});
