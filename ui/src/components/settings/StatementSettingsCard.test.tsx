import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { StatementSettings } from '../../bindings/StatementSettings';
import i18n from '../../i18n';
import { ipc } from '../../ipc';
import { StatementSettingsCard } from './StatementSettingsCard';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    ipc: { ...actual.ipc, statementSettingsGet: vi.fn(), statementSettingsSave: vi.fn() },
  };
});

const settings: StatementSettings = {
  company: {
    name: '杭州示例电器有限公司',
    short_name: '',
    address: '杭州市西湖区文三路 1 号',
    phone: '0571-88888888',
    bank_name: '',
    bank_account: '',
    tax_no: '',
  },
  aging_edges: [30, 60, 90],
};

function renderCard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <StatementSettingsCard />
      </App>
    </QueryClientProvider>,
  );
}

describe('StatementSettingsCard', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('saves the trimmed profile and edges, and puts server errors on their fields', async () => {
    vi.mocked(ipc.statementSettingsGet).mockResolvedValue(settings);
    vi.mocked(ipc.statementSettingsSave).mockRejectedValueOnce({
      kind: 'validation',
      fields: [{ field: 'company.phone', code: 'phone_format', detail: null }],
    });
    renderCard();
    await waitFor(() => expect(document.getElementById('company_name')).toHaveValue('杭州示例电器有限公司'));
    expect(document.getElementById('aging_edge_0')).toHaveValue('30');
    fireEvent.change(document.getElementById('company_tax_no') as HTMLElement, {
      target: { value: ' 91110900ma0000009u ' },
    });
    await act(async () => {
      fireEvent.click(document.getElementById('statement-settings-save') as HTMLElement);
    });
    expect(
      await screen.findByText('Not a valid phone number (mobile, landline with area code, or 400/800)'),
    ).toBeInTheDocument();
    expect(ipc.statementSettingsSave).toHaveBeenCalledWith({
      company: { ...settings.company, tax_no: '91110900MA0000009U' },
      aging_edges: [30, 60, 90],
    });
  });

  it('checks the order of the edges before saving', async () => {
    vi.mocked(ipc.statementSettingsGet).mockResolvedValue(settings);
    vi.mocked(ipc.statementSettingsSave).mockClear();
    renderCard();
    await waitFor(() => expect(document.getElementById('aging_edge_1')).toHaveValue('60'));
    fireEvent.change(document.getElementById('aging_edge_1') as HTMLElement, { target: { value: '20' } });
    await act(async () => {
      fireEvent.click(document.getElementById('statement-settings-save') as HTMLElement);
    });
    expect(
      await screen.findByText('Edges must rise, from at least 1 day to at most 3650 days'),
    ).toBeInTheDocument();
    expect(ipc.statementSettingsSave).not.toHaveBeenCalled();
  });
});
