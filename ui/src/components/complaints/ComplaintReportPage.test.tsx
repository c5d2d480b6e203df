import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { ComplaintReport } from '../../bindings/ComplaintReport';
import i18n from '../../i18n';
import { dialogs, ipc } from '../../ipc';
import { thisMonth } from '../../lib/complaints';
import { ComplaintReportPage } from '../../pages/ComplaintReportPage';
import { complaintSettings } from './testFixtures';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    ipc: {
      ...actual.ipc,
      complaintReport: vi.fn(),
      complaintReportFile: vi.fn(),
      complaintSettingsGet: vi.fn(),
      distributorList: vi.fn(),
    },
    dialogs: { ...actual.dialogs, suggestedPath: vi.fn() },
  };
});

const report: ComplaintReport = {
  from: '2026-11-01',
  to: '2026-11-30',
  total: 3,
  by_status: { received: 1, closed: 2 },
  by_category: { quality: 2, '': 1 },
  by_priority: { p2: 3 },
  by_distributor: { DS00007: 3 },
  sla: { first_response_met_pct: 66.7, resolution_met_pct: null },
  first_response_hours: { avg: 1.5, p90: 2.25 },
  resolution_hours: { avg: null, p90: null },
  pareto: [
    { category: 'quality', product: '净水器 A3', count: 2, cumulative_pct: 66.7 },
    { category: '', product: '', count: 1, cumulative_pct: 100 },
  ],
  satisfaction_avg: 4.5,
  complaints: [],
};

// jsdom has no layout or canvas; the charts are checked in the running app.
vi.mock('./EChart', () => ({
  EChart: ({ id }: { id: string }) => <div id={id} className="echart-stub" />,
}));

describe('ComplaintReportPage', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows this month at once and saves the report as PDF in the UI language', async () => {
    vi.mocked(ipc.complaintReport).mockResolvedValue(report);
    vi.mocked(ipc.complaintSettingsGet).mockResolvedValue(complaintSettings);
    vi.mocked(ipc.distributorList).mockResolvedValue({ rows: [], total: 0 });
    vi.mocked(dialogs.suggestedPath).mockImplementation((name) => Promise.resolve(`/home/wang/${name}`));
    vi.mocked(ipc.complaintReportFile).mockImplementation((req) => Promise.resolve(req.path));
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <App>
          <MemoryRouter>
            <ComplaintReportPage />
          </MemoryRouter>
        </App>
      </QueryClientProvider>,
    );
    const month = thisMonth();
    await waitFor(() => expect(document.getElementById('report-total')).toHaveTextContent('3'));
    expect(ipc.complaintReport).toHaveBeenCalledWith({ ...month, distributor_id: null });
    expect(document.getElementById('report_from')).toHaveValue(month.from);
    expect(document.getElementById('report-first-response-met')).toHaveTextContent('66.7%');
    expect(document.getElementById('report-resolution-met')).toHaveTextContent('—');
    expect(document.getElementById('report-first-response-hours')).toHaveTextContent('avg 1.5 / p90 2.3');
    expect(document.getElementById('report-satisfaction')).toHaveTextContent('4.5');
    expect(document.getElementById('chart-pareto')).toBeInTheDocument();
    expect(screen.getAllByText('Uncategorised').length).toBeGreaterThan(0);

    await act(async () => {
      fireEvent.click(document.getElementById('report-pdf') as HTMLElement);
    });
    const name = `complaint-report-${month.from}-${month.to}.pdf`;
    await waitFor(() => expect(document.getElementById('report_path')).toHaveValue(`/home/wang/${name}`));
    await act(async () => {
      fireEvent.click(document.getElementById('report-file-save') as HTMLElement);
    });
    expect(ipc.complaintReportFile).toHaveBeenCalledWith({
      report: { ...month, distributor_id: null },
      lang: 'en',
      path: `/home/wang/${name}`,
    });
    expect(await screen.findByText(`Report saved to /home/wang/${name}`)).toBeInTheDocument();
  });
});
