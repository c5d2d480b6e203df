import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import i18n from '../../i18n';
import { dialogs, ipc } from '../../ipc';
import { complaintSettings } from '../complaints/testFixtures';
import { CalendarCard } from './CalendarCard';
import { ComplaintSettingsCard } from './ComplaintSettingsCard';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    ipc: {
      ...actual.ipc,
      complaintSettingsGet: vi.fn(),
      complaintSettingsSave: vi.fn(),
      calendarDaysGet: vi.fn(),
      calendarDaysSave: vi.fn(),
      calendarImport: vi.fn(),
    },
    dialogs: { ...actual.dialogs, suggestedPath: vi.fn() },
  };
});

function renderCards() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <ComplaintSettingsCard />
        <CalendarCard />
      </App>
    </QueryClientProvider>,
  );
}

async function click(id: string) {
  await act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement);
  });
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

describe('complaint settings', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    vi.mocked(ipc.complaintSettingsGet).mockReset().mockResolvedValue(complaintSettings);
    vi.mocked(ipc.complaintSettingsSave).mockReset();
    vi.mocked(ipc.calendarDaysGet)
      .mockReset()
      .mockResolvedValue([{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }]);
    vi.mocked(ipc.calendarDaysSave).mockReset();
    vi.mocked(ipc.calendarImport).mockReset();
    vi.mocked(dialogs.suggestedPath).mockReset();
  });

  it('checks allowances and periods before saving and sends the edited settings', async () => {
    vi.mocked(ipc.complaintSettingsSave).mockImplementation((s) => Promise.resolve(s));
    renderCards();
    await waitFor(() => expect(byId('sla_0_first_response_hours')).toHaveValue('2'));
    expect(byId('escalation_0')).toHaveValue('王芳');
    expect(byId('utc_offset_minutes')).toHaveValue('480');
    fireEvent.change(byId('sla_1_resolution_hours'), { target: { value: '3' } });
    fireEvent.change(byId('working_periods_1_start'), { target: { value: '11:00' } });
    await click('complaint-settings-save');
    expect(
      await screen.findByText('Resolution may not be shorter than first response, nor over 10000 hours'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Each period ends after it starts, and periods run in order without overlapping'),
    ).toBeInTheDocument();
    expect(ipc.complaintSettingsSave).not.toHaveBeenCalled();

    fireEvent.change(byId('sla_1_resolution_hours'), { target: { value: '30' } });
    fireEvent.change(byId('working_periods_1_start'), { target: { value: '13:30' } });
    await click('working_weekdays_5');
    fireEvent.change(byId('escalation_2'), { target: { value: ' 张总 ' } });
    await click('complaint-settings-save');
    await waitFor(() => expect(ipc.complaintSettingsSave).toHaveBeenCalled());
    expect(ipc.complaintSettingsSave).toHaveBeenCalledWith({
      ...complaintSettings,
      sla: complaintSettings.sla.map((s, i) => (i === 1 ? { ...s, resolution_hours: 30 } : s)),
      working_periods: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '18:00' },
      ],
      working_weekdays: [true, true, true, true, true, true, false],
      escalation: ['王芳', '李经理', '张总'],
    });
  });

  it('lists the rows a calendar import refused', async () => {
    vi.mocked(ipc.calendarImport).mockRejectedValueOnce({
      kind: 'import_rejected',
      errors: [
        { row: 3, field: 'date', code: 'duplicate', detail: '2026-10-02' },
        { row: 4, field: 'kind', code: 'invalid_choice', detail: '假' },
      ],
    });
    renderCards();
    await waitFor(() => expect(byId('calendar_0_date')).toHaveValue('2026-10-01'));
    await click('calendar-import');
    await waitFor(() => expect(byId('calendar_import_path')).toBeInTheDocument());
    fireEvent.change(byId('calendar_import_path'), { target: { value: '/home/wang/假日.csv' } });
    await click('calendar-import-confirm');
    await waitFor(() => expect(byId('calendar-errors')).toBeInTheDocument());
    expect(byId('calendar-errors')).toHaveTextContent('Row 3, Date: Date entered twice (2026-10-02)');
    expect(byId('calendar-errors')).toHaveTextContent('Row 4, Kind: Not a valid choice');
    expect(ipc.calendarImport).toHaveBeenCalledWith('/home/wang/假日.csv');
  });

  it('saves the edited calendar', async () => {
    vi.mocked(ipc.calendarDaysSave).mockImplementation((days) => Promise.resolve(days));
    renderCards();
    await waitFor(() => expect(byId('calendar_0_date')).toHaveValue('2026-10-01'));
    await click('calendar-add');
    fireEvent.change(byId('calendar_1_date'), { target: { value: '2026-10-01' } });
    await click('calendar-save');
    expect(byId('calendar-errors')).toHaveTextContent('Row 2, Date: Date entered twice (2026-10-01)');
    expect(ipc.calendarDaysSave).not.toHaveBeenCalled();
    fireEvent.change(byId('calendar_1_date'), { target: { value: '2026-10-11' } });
    fireEvent.change(byId('calendar_1_name'), { target: { value: '国庆调休' } });
    await click('calendar-save');
    expect(ipc.calendarDaysSave).toHaveBeenCalledWith([
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-11', kind: 'holiday', name: '国庆调休' },
    ]);
  });
});
