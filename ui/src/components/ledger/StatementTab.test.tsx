import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Distributor } from '../../bindings/Distributor';
import type { Statement } from '../../bindings/Statement';
import i18n from '../../i18n';
import { dialogs, ipc } from '../../ipc';
import { BatchStatementsModal } from './BatchStatementsModal';
import { StatementTab } from './StatementTab';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    ipc: {
      ...actual.ipc,
      statementGet: vi.fn(),
      statementSavePdf: vi.fn(),
      statementPrint: vi.fn(),
      statementSettingsGet: vi.fn(),
      statementBatch: vi.fn(),
      statementBatchCancel: vi.fn(),
    },
    dialogs: {
      ...actual.dialogs,
      pickPdfPath: vi.fn(),
      pickFolder: vi.fn(),
      suggestedPath: vi.fn(async (name: string) => `/home/wang/Documents/${name}`),
    },
  };
});

const company = {
  name: '',
  short_name: '',
  address: '',
  phone: '',
  bank_name: '',
  bank_account: '',
  tax_no: '',
};

const distributor = { id: 7, code: 'DS00007', name: '福州恒通商贸有限公司' } as Distributor;

const statement: Statement = {
  distributor: {
    id: 7,
    code: 'DS00007',
    name: '福州恒通商贸有限公司',
    contact_name: '林小姐',
    contact_phone: '13800000000',
    address: '',
    payment_terms_days: 30,
  },
  from: '2026-01-01',
  to: '2026-03-31',
  currency: 'CNY',
  opening_balance: '1000.00',
  lines: [
    {
      entry_id: 11,
      date: '2026-02-01',
      doc_no: 'INV-0001',
      kind: 'invoice',
      description: '空调 20 台',
      fapiao_no: '04471234',
      due_date: '2026-03-03',
      debit: '20000.00',
      credit: '0.00',
      balance: '21000.00',
    },
    {
      entry_id: 12,
      date: '2026-03-10',
      doc_no: 'PAY-0001',
      kind: 'payment',
      description: '',
      fapiao_no: '',
      due_date: '2026-03-10',
      debit: '0.00',
      credit: '8765.43',
      balance: '12234.57',
    },
  ],
  total_debit: '20000.00',
  total_credit: '8765.43',
  closing_balance: '12234.57',
  closing_balance_in_words: '壹万贰仟贰佰叁拾肆元伍角柒分',
  aging: { not_due: '0.00', d1_30: '12234.57', d31_60: '0.00', d61_90: '0.00', over_90: '0.00' },
  aging_edges: [30, 60, 90],
  credit_limit: '10000.00',
  available_credit: '-2234.57',
};

function wrap(node: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <App>{node}</App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function click(id: string) {
  await act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement);
  });
}

describe('StatementTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  beforeEach(() => {
    vi.mocked(ipc.statementGet).mockReset().mockResolvedValue(statement);
    vi.mocked(ipc.statementSettingsGet)
      .mockReset()
      .mockResolvedValue({
        company: { ...company, name: '宁波东海电器制造有限公司' },
        aging_edges: [30, 60, 90],
      });
  });

  it('warns once when the company has no name, and prints on when told to', async () => {
    vi.mocked(ipc.statementSettingsGet).mockResolvedValue({ company, aging_edges: [30, 60, 90] });
    vi.mocked(ipc.statementPrint).mockReset().mockResolvedValue({ path: '/tmp/s.pdf', substituted: '' });
    wrap(<StatementTab distributor={distributor} />);
    await waitFor(() => expect(ipc.statementSettingsGet).toHaveBeenCalled());
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    await click('statement-print');
    expect((await screen.findAllByText('公司名称尚未填写')).length).toBeGreaterThan(0);
    expect(ipc.statementPrint).not.toHaveBeenCalled();
    await click('company-missing-print');
    await waitFor(() => expect(ipc.statementPrint).toHaveBeenCalledTimes(1));
    // Asked once: the second print goes straight on.
    await click('statement-print');
    await waitFor(() => expect(ipc.statementPrint).toHaveBeenCalledTimes(2));
  });

  it('previews totals, words, lines with the opening row, and aging by the edges', async () => {
    wrap(<StatementTab distributor={distributor} />);
    await waitFor(() => expect(document.getElementById('statement-closing')).toHaveTextContent('12,234.57'));
    expect(document.getElementById('statement-words')).toHaveTextContent('壹万贰仟贰佰叁拾肆元伍角柒分');
    const lines = document.getElementById('statement-lines') as HTMLElement;
    const rows = lines.querySelectorAll('tbody tr.ant-table-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('期初余额');
    expect(rows[0]).toHaveTextContent('1,000.00');
    expect(rows[1]).toHaveTextContent('销售发票');
    expect(rows[2]).toHaveTextContent('12,234.57');
    const aging = document.getElementById('statement-aging') as HTMLElement;
    expect(within(aging).getByText('未到期')).toBeInTheDocument();
    expect(within(aging).getByText('1–30 天')).toBeInTheDocument();
    expect(within(aging).getByText('90 天以上')).toBeInTheDocument();
    expect(document.getElementById('statement-available')).toHaveTextContent('-2,234.57');
  });

  it('refuses a period that ends before it starts, without asking the server', async () => {
    wrap(<StatementTab distributor={distributor} />);
    await waitFor(() => expect(ipc.statementGet).toHaveBeenCalledTimes(1));
    fireEvent.change(document.getElementById('statement_from') as HTMLElement, {
      target: { value: '2026-05-01' },
    });
    fireEvent.change(document.getElementById('statement_to') as HTMLElement, {
      target: { value: '2026-04-30' },
    });
    await click('statement-show');
    expect(await screen.findByText('截止日期不能早于起始日期')).toBeInTheDocument();
    expect(ipc.statementGet).toHaveBeenCalledTimes(1);
  });

  it('saves the PDF under the suggested name in the chosen language', async () => {
    vi.mocked(dialogs.pickPdfPath).mockResolvedValue('/home/wang/DS00007-2026-01-01-2026-03-31.pdf');
    vi.mocked(ipc.statementSavePdf).mockResolvedValue({
      path: '/home/wang/DS00007-2026-01-01-2026-03-31.pdf',
      substituted: '',
    });
    wrap(<StatementTab distributor={distributor} />);
    fireEvent.change(document.getElementById('statement_from') as HTMLElement, {
      target: { value: '2026-01-01' },
    });
    fireEvent.change(document.getElementById('statement_to') as HTMLElement, {
      target: { value: '2026-03-31' },
    });
    fireEvent.click(document.getElementById('statement-lang-en') as HTMLElement);
    await click('statement-save-pdf');
    // Suggested: the Documents folder and a name from the code and the period.
    await waitFor(() =>
      expect((document.getElementById('statement_pdf_path') as HTMLInputElement).value).toBe(
        '/home/wang/Documents/DS00007-2026-01-01-2026-03-31.pdf',
      ),
    );
    await click('statement_pdf_path-browse');
    await waitFor(() =>
      expect((document.getElementById('statement_pdf_path') as HTMLInputElement).value).toBe(
        '/home/wang/DS00007-2026-01-01-2026-03-31.pdf',
      ),
    );
    await click('statement-pdf-save');
    await waitFor(() => expect(document.getElementById('statement-saved')).toBeInTheDocument());
    expect(dialogs.pickPdfPath).toHaveBeenCalledWith(
      '将对账单保存为 PDF',
      'DS00007-2026-01-01-2026-03-31.pdf',
    );
    expect(ipc.statementSavePdf).toHaveBeenCalledWith({
      distributor_id: 7,
      from: '2026-01-01',
      to: '2026-03-31',
      lang: 'en',
      path: '/home/wang/DS00007-2026-01-01-2026-03-31.pdf',
    });
  });

  it('explains a missing print system', async () => {
    vi.mocked(ipc.statementPrint).mockRejectedValueOnce({
      kind: 'validation',
      fields: [{ field: 'printer', code: 'no_print_system', detail: null }],
    });
    wrap(<StatementTab distributor={distributor} />);
    await click('statement-print');
    expect(
      await screen.findByText('打印机：本机没有可用的打印系统；请保存 PDF 后用阅读器打印'),
    ).toBeInTheDocument();
  });
});

describe('BatchStatementsModal', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows progress and treats a cancel as a normal end', async () => {
    vi.mocked(dialogs.pickFolder).mockResolvedValue('/home/wang/statements');
    let finish: (e: unknown) => void = () => undefined;
    vi.mocked(ipc.statementBatch).mockImplementation((_req, onProgress) => {
      onProgress({ done: 2, total: 5 });
      return new Promise((_resolve, reject) => {
        finish = reject;
      });
    });
    vi.mocked(ipc.statementBatchCancel).mockImplementation(async () => {
      finish({ kind: 'cancelled' });
      return null;
    });
    wrap(<BatchStatementsModal onClose={vi.fn()} />);
    await click('batch-pick-folder');
    await waitFor(() =>
      expect(document.getElementById('batch_out_dir')).toHaveValue('/home/wang/statements'),
    );
    fireEvent.click(document.getElementById('batch_merged') as HTMLElement);
    await click('batch-start');
    await waitFor(() => expect(document.getElementById('batch-progress')).toHaveTextContent('2 / 5'));
    expect(ipc.statementBatch).toHaveBeenCalledWith(
      expect.objectContaining({ out_dir: '/home/wang/statements', lang: 'en', merged: true }),
      expect.any(Function),
    );
    await click('batch-cancel');
    await waitFor(() =>
      expect(document.getElementById('batch-cancelled')).toHaveTextContent(
        'Cancelled; no partial file was left behind.',
      ),
    );
    expect(document.getElementById('batch-start')).toBeInTheDocument();
  });

  it('reports the files written and opens the folder', async () => {
    vi.mocked(dialogs.pickFolder).mockResolvedValue('/home/wang/statements');
    vi.mocked(ipc.statementBatch).mockResolvedValue({
      files: 12,
      out_dir: '/home/wang/statements',
      merged_path: null,
      failed: [],
      substituted: [],
    });
    wrap(<BatchStatementsModal onClose={vi.fn()} />);
    await click('batch-pick-folder');
    await waitFor(() =>
      expect(document.getElementById('batch_out_dir')).toHaveValue('/home/wang/statements'),
    );
    await click('batch-start');
    await waitFor(() =>
      expect(document.getElementById('batch-done')).toHaveTextContent('12 statements written'),
    );
    expect(document.getElementById('batch-open-folder')).toBeInTheDocument();
    expect(document.getElementById('batch-open-merged')).toBeNull();
    expect(document.getElementById('batch-failed')).toBeNull();
  });

  it('lists the statements it could not write and those printed with substitutes', async () => {
    vi.mocked(dialogs.pickFolder).mockResolvedValue('/home/wang/statements');
    vi.mocked(ipc.statementBatch).mockResolvedValue({
      files: 11,
      out_dir: '/home/wang/statements',
      merged_path: null,
      failed: [{ code: 'D2', name: '乙经销', error: { kind: 'io', message: 'D2.pdf: Is a directory' } }],
      substituted: [{ code: 'D1', name: '甲经销', chars: '😀' }],
    });
    wrap(<BatchStatementsModal onClose={vi.fn()} />);
    await click('batch-pick-folder');
    await waitFor(() =>
      expect(document.getElementById('batch_out_dir')).toHaveValue('/home/wang/statements'),
    );
    await click('batch-start');
    await waitFor(() => expect(document.getElementById('batch-failed')).toHaveTextContent('D2 乙经销'));
    expect(document.getElementById('batch-failed')).toHaveTextContent('1 statements could not be written');
    expect(document.getElementById('batch-substituted')).toHaveTextContent('D1 甲经销: 😀');
  });
});
