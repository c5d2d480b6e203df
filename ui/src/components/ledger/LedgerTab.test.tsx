import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Distributor } from '../../bindings/Distributor';
import type { LedgerEntry } from '../../bindings/LedgerEntry';
import i18n from '../../i18n';
import { dialogs, ipc } from '../../ipc';
import { LedgerTab } from './LedgerTab';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    ipc: {
      ...actual.ipc,
      ledgerList: vi.fn(),
      ledgerPost: vi.fn(),
      ledgerReverse: vi.fn(),
      ledgerImport: vi.fn(),
    },
    dialogs: { ...actual.dialogs, pickImportFile: vi.fn() },
  };
});

const distributor = {
  id: 7,
  code: 'DS00007',
  name: '福州恒通商贸有限公司',
  payment_terms_days: 30,
} as Distributor;

function entry(e: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'kind' | 'doc_no'>): LedgerEntry {
  return {
    distributor_id: 7,
    date: '2026-03-01',
    amount: '0.00',
    debit: '0.00',
    credit: '0.00',
    description: '',
    fapiao_no: '',
    due_date: '2026-03-31',
    reverses_id: null,
    reversed_by_id: null,
    created_at: '2026-03-01T08:00:00+00:00',
    created_by: 'Wang Fang',
    ...e,
  };
}

const entries: LedgerEntry[] = [
  entry({ id: 1, kind: 'opening', doc_no: 'OB-2026', amount: '1000', debit: '1000.00' }),
  entry({
    id: 2,
    kind: 'invoice',
    doc_no: 'INV-0001',
    amount: '1234567.5',
    debit: '1234567.50',
    fapiao_no: '04471234',
    reversed_by_id: 3,
  }),
  entry({
    id: 3,
    kind: 'adjustment',
    doc_no: 'R-INV-0001',
    amount: '-1234567.5',
    credit: '1234567.50',
    reverses_id: 2,
  }),
];

function renderTab() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <LedgerTab distributor={distributor} />
      </App>
    </QueryClientProvider>,
  );
}

async function click(id: string) {
  await act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement);
  });
}

describe('LedgerTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    vi.mocked(ipc.ledgerList).mockReset().mockResolvedValue({ rows: entries, total: entries.length });
    vi.mocked(ipc.ledgerPost).mockReset();
    vi.mocked(ipc.ledgerImport).mockReset();
    vi.mocked(dialogs.pickImportFile).mockReset();
  });

  it('lists entries with kind labels, formatted amounts and reversal tags', async () => {
    renderTab();
    expect(await screen.findByText('INV-0001')).toBeInTheDocument();
    expect(ipc.ledgerList).toHaveBeenCalledWith({
      distributor_id: 7,
      from: '',
      to: '',
      kinds: [],
      offset: 0,
      limit: 50,
    });
    // Everything fits on one page: no pager.
    expect(document.querySelector('.ant-pagination')).toBeNull();
    expect(screen.getByText('Opening balance')).toBeInTheDocument();
    expect(screen.getByText('Invoice')).toBeInTheDocument();
    expect(screen.getAllByText('1,234,567.50')).toHaveLength(2);
    expect(screen.getByText('1,000.00')).toBeInTheDocument();
    expect(screen.getByText('Reversed')).toBeInTheDocument();
    expect(screen.getByText('Reversal')).toBeInTheDocument();
    // Only an entry that is neither reversed nor a reversal can be reversed.
    expect(document.getElementById('ledger-reverse-1')).toBeInTheDocument();
    expect(document.getElementById('ledger-reverse-2')).toBeNull();
    expect(document.getElementById('ledger-reverse-3')).toBeNull();
  });

  it('asks the server for one page at a time and shows the total it counted', async () => {
    // 120 entries on the server: the page asked for comes back with the total.
    vi.mocked(ipc.ledgerList).mockImplementation(async (q) => ({
      rows: Array.from({ length: Math.min(q.limit, 120 - q.offset) }, (_, i) =>
        entry({ id: q.offset + i + 1, kind: 'invoice', doc_no: `INV-${q.offset + i + 1}` }),
      ),
      total: 120,
    }));
    renderTab();
    expect(await screen.findByText('INV-1')).toBeInTheDocument();
    expect(screen.queryByText('INV-51')).toBeNull();
    const third = document.querySelector('.ant-pagination-item-3') as HTMLElement;
    expect(third).toBeInTheDocument();
    expect(document.querySelector('.ant-pagination-item-4')).toBeNull();
    await act(async () => {
      fireEvent.click(third);
    });
    expect(await screen.findByText('INV-101')).toBeInTheDocument();
    expect(screen.getByText('INV-120')).toBeInTheDocument();
    expect(ipc.ledgerList).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 100, limit: 50 }));
  });

  it('checks the amount before posting and maps a duplicate document number to its field', async () => {
    renderTab();
    await screen.findByText('INV-0001');
    await click('ledger-post');
    fireEvent.change(document.getElementById('ledger_doc_no') as HTMLElement, {
      target: { value: 'INV-0001' },
    });
    fireEvent.change(document.getElementById('ledger_amount') as HTMLElement, { target: { value: '-5' } });
    await click('ledger-save');
    expect(await screen.findByText('Negative amounts are allowed only for adjustments')).toBeInTheDocument();
    expect(ipc.ledgerPost).not.toHaveBeenCalled();

    vi.mocked(ipc.ledgerPost).mockRejectedValueOnce({ kind: 'conflict', field: 'doc_no', value: 'INV-0001' });
    fireEvent.change(document.getElementById('ledger_amount') as HTMLElement, {
      target: { value: '1,200.50' },
    });
    await click('ledger-save');
    const modal = document.getElementById('ledger-post-modal') as HTMLElement;
    expect(
      await within(modal).findByText('Document number “INV-0001” is already posted for this kind'),
    ).toBeInTheDocument();
    expect(ipc.ledgerPost).toHaveBeenCalledWith({
      distributor_id: 7,
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      doc_no: 'INV-0001',
      kind: 'invoice',
      amount: '1,200.50',
      description: '',
      fapiao_no: '',
      due_date: '',
    });
  });

  it('shows the rows of a refused import with translated problems', async () => {
    vi.mocked(dialogs.pickImportFile).mockResolvedValue('/home/wang/ledger.xlsx');
    vi.mocked(ipc.ledgerImport).mockRejectedValueOnce({
      kind: 'import_rejected',
      errors: [
        { row: 3, field: 'distributor_code', code: 'distributor_unknown', detail: 'DS99999' },
        { row: 4, field: 'amount', code: 'amount_zero', detail: null },
      ],
    });
    renderTab();
    await screen.findByText('INV-0001');
    await click('ledger-import');
    // The path can be typed or chosen; here it is chosen in the system dialog.
    await click('ledger_import_path-browse');
    await waitFor(() =>
      expect((document.getElementById('ledger_import_path') as HTMLInputElement).value).toBe(
        '/home/wang/ledger.xlsx',
      ),
    );
    await click('ledger-import-confirm');
    const table = await waitFor(() => {
      const el = document.getElementById('ledger-import-errors');
      expect(el).toBeInTheDocument();
      return el as HTMLElement;
    });
    expect(within(table).getByText('Distributor code')).toBeInTheDocument();
    expect(within(table).getByText('No distributor has the code DS99999')).toBeInTheDocument();
    expect(within(table).getByText('The amount must not be zero')).toBeInTheDocument();
    expect(ipc.ledgerImport).toHaveBeenCalledWith('/home/wang/ledger.xlsx');
  });

  it('reports how many entries an import added and skipped', async () => {
    vi.mocked(ipc.ledgerImport).mockResolvedValueOnce({
      added: 3,
      skipped: 2,
      ignored_columns: ['备注2'],
      over_limit: [],
    });
    renderTab();
    await screen.findByText('INV-0001');
    await click('ledger-import');
    // An empty path is refused before anything is sent.
    await click('ledger-import-confirm');
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(ipc.ledgerImport).not.toHaveBeenCalled();
    // A typed path works like a chosen one.
    fireEvent.change(document.getElementById('ledger_import_path') as HTMLElement, {
      target: { value: '/home/wang/ledger.csv' },
    });
    await click('ledger-import-confirm');
    expect(
      await screen.findByText('3 added, 2 already posted. Columns not read (no such field): 备注2'),
    ).toBeInTheDocument();
    expect(ipc.ledgerImport).toHaveBeenCalledWith('/home/wang/ledger.csv');
  });
});
