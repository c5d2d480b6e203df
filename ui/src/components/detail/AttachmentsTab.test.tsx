import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import i18n from '../../i18n';
import { dialogs, ipc } from '../../ipc';
import { AttachmentsTab } from './AttachmentsTab';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    ipc: { ...actual.ipc, attachmentList: vi.fn(), attachmentAdd: vi.fn() },
    dialogs: { ...actual.dialogs, pickAttachmentFile: vi.fn() },
  };
});

function renderTab() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <AttachmentsTab distributorId={7} />
      </App>
    </QueryClientProvider>,
  );
}

describe('AttachmentsTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('lists attachments with translated kind and readable size', async () => {
    vi.mocked(ipc.attachmentList).mockResolvedValue([
      {
        id: 3,
        distributor_id: 7,
        kind: 'business_licence',
        file_name: 'licence.pdf',
        size_bytes: 1258291,
        operator: 'Wang Fang',
        added_at: '2026-11-22T08:00:00+00:00',
        visit_id: null,
        statement_run_id: null,
      },
    ]);
    renderTab();
    expect(await screen.findByText('licence.pdf')).toBeInTheDocument();
    expect(screen.getByText('Business licence')).toBeInTheDocument();
    expect(screen.getByText('1.2 MB')).toBeInTheDocument();
    expect(ipc.attachmentList).toHaveBeenCalledWith(7);
  });

  it('shows the empty text', async () => {
    vi.mocked(ipc.attachmentList).mockResolvedValue([]);
    renderTab();
    expect(
      await screen.findByText('No attachments yet. Add the business licence scan or site-visit photos.'),
    ).toBeInTheDocument();
  });

  it('adds the picked file and puts a size error on the file field', async () => {
    vi.mocked(ipc.attachmentList).mockResolvedValue([]);
    vi.mocked(dialogs.pickAttachmentFile).mockResolvedValue('/home/wang/big.png');
    vi.mocked(ipc.attachmentAdd).mockRejectedValueOnce({
      kind: 'validation',
      fields: [{ field: 'source_path', code: 'file_too_large', detail: '50 MB' }],
    });
    renderTab();
    fireEvent.click(await screen.findByText('Add attachment', { selector: '#attachment-add span' }));
    await act(async () => {
      fireEvent.click(document.getElementById('attachment-pick') as HTMLElement);
    });
    await waitFor(() =>
      expect(document.getElementById('attachment_source_path')).toHaveValue('/home/wang/big.png'),
    );
    await act(async () => {
      fireEvent.click(document.getElementById('attachment-save') as HTMLElement);
    });
    expect(await screen.findByText('The file is too large; the limit is 50 MB')).toBeInTheDocument();
    expect(ipc.attachmentAdd).toHaveBeenCalledWith({
      distributor_id: 7,
      kind: 'business_licence',
      source_path: '/home/wang/big.png',
      visit_id: null,
      statement_run_id: null,
    });
    expect(document.getElementById('attachment-modal')).toBeInTheDocument();
  });
});
