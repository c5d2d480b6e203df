import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Complaint } from '../../bindings/Complaint';
import type { Distributor } from '../../bindings/Distributor';
import i18n from '../../i18n';
import { ipc } from '../../ipc';
import { IntakeModal } from './IntakeModal';
import { complaintSettings } from './testFixtures';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    ipc: {
      ...actual.ipc,
      distributorList: vi.fn(),
      complaintSettingsGet: vi.fn(),
      complaintRecord: vi.fn(),
    },
  };
});

const distributors = [
  { id: 7, code: 'DS00007', name: '福州恒通商贸有限公司' },
  { id: 8, code: 'DS00008', name: '厦门海峡贸易有限公司' },
] as Distributor[];

function renderIntake() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/complaints']}>
          <Routes>
            <Route path="/complaints" element={<IntakeModal onClose={onClose} />} />
            <Route path="/complaints/:id" element={<div id="complaint-page-stub">page</div>} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
  return onClose;
}

async function click(el: Element | null) {
  await act(async () => {
    fireEvent.click(el as HTMLElement);
  });
}

function byId(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

describe('IntakeModal', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    vi.mocked(ipc.distributorList)
      .mockReset()
      .mockImplementation((q) =>
        Promise.resolve({
          rows: distributors.filter((d) => d.code.includes(q.search) || d.name.includes(q.search)),
          total: distributors.length,
        }),
      );
    vi.mocked(ipc.complaintSettingsGet).mockReset().mockResolvedValue(complaintSettings);
    vi.mocked(ipc.complaintRecord).mockReset();
  });

  it('refuses to save without a distributor and a description, and checks the time format', async () => {
    renderIntake();
    await waitFor(() => expect(byId('complaint_distributor_id')).toBeInTheDocument());
    // Phone and P3 are preselected.
    expect(byId('complaint_channel').querySelector('.channel-phone')).toHaveClass(
      'ant-radio-button-wrapper-checked',
    );
    expect(byId('complaint_priority').querySelector('.priority-p3')).toHaveClass(
      'ant-radio-button-wrapper-checked',
    );
    fireEvent.change(byId('complaint_received_at'), { target: { value: '23.11.2026 9:30' } });
    await click(byId('complaint-save'));
    const modal = byId('complaint-intake-modal');
    expect(await within(modal).findAllByText('Required')).toHaveLength(2);
    expect(within(modal).getByText('Times are written YYYY-MM-DD HH:MM')).toBeInTheDocument();
    expect(ipc.complaintRecord).not.toHaveBeenCalled();
  });

  it('picks the distributor by code, saves with Ctrl+Enter and opens the new complaint', async () => {
    vi.mocked(ipc.complaintRecord)
      .mockRejectedValueOnce({
        kind: 'validation',
        fields: [{ field: 'received_at', code: 'in_future', detail: null }],
      })
      .mockResolvedValueOnce({ id: 42, number: 'TS-2026-0042' } as Complaint);
    const onClose = renderIntake();
    const select = byId('complaint_distributor_id');
    await waitFor(() => expect(select).toBeInTheDocument());
    await act(async () => {
      fireEvent.mouseDown(select);
      fireEvent.change(select, { target: { value: 'DS00007' } });
    });
    await waitFor(() =>
      expect(ipc.distributorList).toHaveBeenCalledWith(expect.objectContaining({ search: 'DS00007' })),
    );
    const option = await waitFor(() => {
      const el = document.querySelector('.distributor-option-DS00007');
      expect(el).toBeInTheDocument();
      return el;
    });
    expect(document.querySelector('.distributor-option-DS00008')).toBeNull();
    await click(option);
    await click(byId('complaint_channel').querySelector('.channel-wechat'));
    await click(byId('complaint_priority').querySelector('.priority-p1'));
    fireEvent.change(byId('complaint_description'), { target: { value: ' 外包装破损，三箱漏液 ' } });
    fireEvent.change(byId('complaint_batch_no'), { target: { value: 'B2611-07' } });
    fireEvent.change(byId('complaint_received_at'), { target: { value: '2099-01-01 09:30' } });

    await act(async () => {
      fireEvent.keyDown(byId('complaint_description'), { key: 'Enter', ctrlKey: true });
    });
    expect(await screen.findByText('Must not be in the future')).toBeInTheDocument();
    expect(ipc.complaintRecord).toHaveBeenCalledWith({
      distributor_id: 7,
      channel: 'wechat',
      product: '',
      batch_no: 'B2611-07',
      category: '',
      priority: 'p1',
      description: '外包装破损，三箱漏液',
      assignee: '',
      received_at: '2099-01-01 09:30',
    });

    fireEvent.change(byId('complaint_received_at'), { target: { value: '' } });
    await click(byId('complaint-save'));
    await waitFor(() => expect(byId('complaint-page-stub')).toBeInTheDocument());
    expect(onClose).toHaveBeenCalled();
    expect(ipc.complaintRecord).toHaveBeenLastCalledWith(expect.objectContaining({ received_at: '' }));
  });
});
