import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Contact } from '../../bindings/Contact';
import i18n from '../../i18n';
import { ipc } from '../../ipc';
import { ContactsSection } from './ContactsSection';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return { ...actual, ipc: { ...actual.ipc, contactSave: vi.fn(), contactRemove: vi.fn() } };
});

const CHANNEL = 'Give at least a phone, an e-mail or a WeChat ID';

const buyer: Contact = {
  id: 11,
  distributor_id: 7,
  name: 'Zhou Min',
  role: 'Purchasing',
  phone: '13912345678',
  email: '',
  wechat: 'zhoumin88',
  receives_statements: false,
  updated_at: '2026-11-22T08:00:00+00:00',
};

function renderSection(contacts: Contact[] = []) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <ContactsSection distributorId={7} contacts={contacts} />
      </App>
    </QueryClientProvider>,
  );
  return client;
}

function type(id: string, value: string) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  fireEvent.change(el, { target: { value } });
}

async function click(id: string) {
  await act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement);
  });
}

describe('ContactsSection', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });
  beforeEach(() => {
    vi.mocked(ipc.contactSave).mockReset();
    vi.mocked(ipc.contactRemove).mockReset();
  });

  it('lists the other contacts with their row actions', () => {
    renderSection([buyer]);
    expect(screen.getByText('Other contacts')).toBeInTheDocument();
    expect(screen.getByText('Zhou Min')).toBeInTheDocument();
    expect(screen.getByText('zhoumin88')).toBeInTheDocument();
    expect(document.getElementById('contact-edit-11')).toBeInTheDocument();
    expect(document.getElementById('contact-remove-11')).toBeInTheDocument();
  });

  it('shows the empty text', () => {
    renderSection([]);
    expect(screen.getByText('No other contacts')).toBeInTheDocument();
  });

  it('requires at least one of phone, e-mail and WeChat before saving', async () => {
    vi.mocked(ipc.contactSave).mockImplementation((req) =>
      Promise.resolve({ ...req.input, id: 12, distributor_id: req.distributor_id, updated_at: '' }),
    );
    const client = renderSection();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    await click('contact-add');
    type('contact_name', '  Li Wei ');
    type('contact_role', 'Finance');
    await click('contact-save');

    expect(await screen.findByText(CHANNEL)).toBeInTheDocument();
    expect(ipc.contactSave).not.toHaveBeenCalled();

    // A WeChat ID alone is enough; the phone field's error clears.
    type('contact_wechat', 'liwei_fin');
    await waitFor(() => expect(screen.queryByText(CHANNEL)).not.toBeInTheDocument());
    await click('contact-save');

    await waitFor(() =>
      expect(ipc.contactSave).toHaveBeenCalledWith({
        distributor_id: 7,
        id: null,
        input: {
          name: 'Li Wei',
          role: 'Finance',
          phone: '',
          email: '',
          wechat: 'liwei_fin',
          receives_statements: false,
        },
        base: null,
      }),
    );
    await waitFor(() => expect(document.getElementById('contact-modal')).not.toBeInTheDocument());
    // The distributors (whose detail lists the contacts) and the audit trail are refetched.
    expect(invalidate).toHaveBeenCalledWith(expect.objectContaining({ queryKey: ['distributors'] }));
    expect(invalidate).toHaveBeenCalledWith(expect.objectContaining({ queryKey: ['audit'] }));
  });

  it('checks the phone and e-mail formats', async () => {
    renderSection();
    await click('contact-add');
    type('contact_name', 'Li Wei');
    type('contact_phone', '12345');
    type('contact_email', 'not-an-address');
    await click('contact-save');

    expect(await screen.findByText(/Not a valid phone number/)).toBeInTheDocument();
    expect(screen.getByText('Not a valid e-mail address')).toBeInTheDocument();
    expect(screen.queryByText(CHANNEL)).not.toBeInTheDocument();
    expect(ipc.contactSave).not.toHaveBeenCalled();
  });

  it('edits a contact and puts server errors on the fields', async () => {
    vi.mocked(ipc.contactSave).mockRejectedValueOnce({
      kind: 'validation',
      fields: [{ field: 'phone', code: 'contact_channel_required', detail: null }],
    });
    renderSection([buyer]);
    await click('contact-edit-11');
    expect(document.getElementById('contact_name')).toHaveValue('Zhou Min');
    expect(document.getElementById('contact_phone')).toHaveValue('13912345678');
    type('contact_role', 'Head of purchasing');
    await click('contact-save');

    expect(await screen.findByText(CHANNEL)).toBeInTheDocument();
    expect(ipc.contactSave).toHaveBeenCalledWith({
      distributor_id: 7,
      id: 11,
      input: {
        name: 'Zhou Min',
        role: 'Head of purchasing',
        phone: '13912345678',
        email: '',
        wechat: 'zhoumin88',
        receives_statements: false,
      },
      // The version the form opened on: a save over a newer one is refused.
      base: '2026-11-22T08:00:00+00:00',
    });
    expect(document.getElementById('contact-modal')).toBeInTheDocument();
  });

  it('removes a contact after confirmation', async () => {
    vi.mocked(ipc.contactRemove).mockResolvedValue(null);
    renderSection([buyer]);
    await click('contact-remove-11');
    await waitFor(() => expect(document.getElementById('contact-remove-confirm')).toBeInTheDocument());
    await click('contact-remove-confirm');
    await waitFor(() => expect(ipc.contactRemove).toHaveBeenCalledWith(11));
  });
});
