import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { AgreementDetail } from '../../bindings/AgreementDetail';
import i18n from '../../i18n';
import { dialogs } from '../../ipc';
import { today } from '../../lib/dates';
import { AgreementPage } from '../../pages/AgreementPage';
import {
  agreement,
  byId,
  choose,
  click,
  detailOf,
  dispatch,
  renderAt,
  type,
  type Handlers,
} from './testFixtures';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
}));
// The dialog and path plugins call the shell directly; their helpers are stubbed.
vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    dialogs: {
      ...actual.dialogs,
      pickAttachmentFile: vi.fn(async () => '/home/wang/scans/HT-2026-0001.pdf'),
      pickPdfPath: vi.fn(async () => null),
      suggestedPath: vi.fn(async (name: string) => `/home/wang/Documents/${name}`),
    },
  };
});

let handlers: Handlers;
let current: AgreementDetail;

function calls(cmd: string): unknown[] {
  return invokeMock.mock.calls.filter((c) => c[0] === cmd).map((c) => (c[1] as { req: unknown }).req);
}

function renderPage(id = 12) {
  renderAt(`/agreements/${id}`, [{ path: '/agreements/:id', element: <AgreementPage /> }]);
}

const active = {
  ...agreement,
  status: 'active' as const,
  signed_date: '2026-01-03',
  scan_name: '20260103-ht.pdf',
  days_to_end: 38,
  conflict: true,
};

describe('AgreementPage', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    current = detailOf(agreement, { allowed: ['draft', 'signed'] });
    handlers = { agreement_get: () => current };
    invokeMock.mockReset().mockImplementation(dispatch(handlers));
  });

  it('shows the frozen terms and offers signing or going back to draft', async () => {
    renderPage();
    await waitFor(() => expect(byId('agreement-status')).toHaveTextContent('Awaiting signature'));
    expect(byId('agreement-number')).toHaveTextContent('HT-2026-0001');
    expect(byId('agreement-version')).toHaveTextContent('v1');
    expect(byId('agreement-distributor')).toHaveAttribute('href', '/distributors/7');
    expect(byId('agreement-payment-method')).toHaveTextContent('Bank acceptance bill');
    expect(byId('agreement-target-total')).toHaveTextContent('650,000.00');
    expect(byId('agreement-sign')).toBeInTheDocument();
    expect(byId('agreement-withdraw')).toBeInTheDocument();
    expect(document.getElementById('agreement-submit')).toBeNull();
    expect(document.getElementById('agreement-terminate')).toBeNull();
    expect(document.getElementById('agreement-amend')).toBeNull();
    expect(document.getElementById('agreement-save')).toBeNull();
  });

  it('records the signature with the date, the chosen scan and whether the terms apply', async () => {
    handlers.agreement_sign = vi
      .fn()
      .mockRejectedValueOnce({
        kind: 'validation',
        fields: [{ field: 'signed_date', code: 'in_future', detail: null }],
      })
      .mockImplementationOnce(() => {
        current = detailOf(
          { ...active, conflict: false },
          { allowed: ['terminated'], can_new_version: true },
        );
        return current;
      });
    renderPage();
    await waitFor(() => expect(byId('agreement-sign')).toBeInTheDocument());
    await click('agreement-sign');
    const modal = byId('agreement-sign-modal');
    expect(byId('sign_signed_date')).toHaveValue(today());
    expect(byId('sign_apply_terms')).toBeChecked();
    expect(modal).toHaveTextContent('To 60 days and 120,000.00 as agreed.');
    type('sign_signed_date', '2099-01-10');
    await click('sign_scan_path-browse');
    await waitFor(() => expect(byId('sign_scan_path')).toHaveValue('/home/wang/scans/HT-2026-0001.pdf'));
    expect(dialogs.pickAttachmentFile).toHaveBeenCalledWith('Choose the signed scan', expect.any(Object));
    await click('sign_apply_terms');
    await click('sign-ok');
    expect(await within(modal).findByText('Must not be in the future')).toBeInTheDocument();
    expect(calls('agreement_sign')).toEqual([
      {
        id: 12,
        signed_date: '2099-01-10',
        scan_path: '/home/wang/scans/HT-2026-0001.pdf',
        apply_terms: false,
      },
    ]);

    type('sign_signed_date', '2026-01-03');
    await click('sign-ok');
    await waitFor(() => expect(byId('agreement-status')).toHaveTextContent('Active'));
    expect(calls('agreement_sign')[1]).toEqual({
      id: 12,
      signed_date: '2026-01-03',
      scan_path: '/home/wang/scans/HT-2026-0001.pdf',
      apply_terms: false,
    });
    expect(document.getElementById('agreement-sign-modal')).toBeNull();
    expect(byId('agreement-terminate')).toBeInTheDocument();
    expect(byId('agreement-amend')).toBeInTheDocument();
    expect(byId('agreement-scan-open')).toBeInTheDocument();
  });

  it('warns of channel conflicts and saves the PDF in the chosen language', async () => {
    current = detailOf(active, {
      allowed: ['terminated'],
      can_new_version: true,
      conflicts: [
        {
          agreement_id: 30,
          number: 'HT-2026-0009',
          version: 2,
          distributor_code: 'DS00011',
          distributor_name: '福州鑫达贸易有限公司',
          areas: ['福建省 福州市 ↔ 福建省'],
          other_exclusive: false,
        },
      ],
    });
    handlers.agreement_save_pdf = vi.fn(() => '/home/wang/Documents/HT-2026-0001-v1-en.pdf');
    renderPage();
    await waitFor(() => expect(byId('agreement-conflicts')).toBeInTheDocument());
    expect(byId('agreement-conflicts')).toHaveTextContent('HT-2026-0009 v2');
    expect(byId('agreement-conflicts')).toHaveTextContent(
      'DS00011 福州鑫达贸易有限公司 — overlapping: 福建省 福州市 ↔ 福建省',
    );
    expect(document.querySelector('.agreement-conflict-tag')).toBeInTheDocument();
    expect(document.querySelector('.agreement-expiring')).toHaveTextContent('38 days left');

    await choose('agreement-pdf-lang', 'pdf-lang-en');
    await click('agreement-save-pdf');
    await waitFor(() =>
      expect(byId('agreement-pdf-path')).toHaveValue('/home/wang/Documents/HT-2026-0001-v1-en.pdf'),
    );
    await click('agreement-pdf-ok');
    await waitFor(() =>
      expect(byId('agreement-pdf-saved')).toHaveTextContent(
        'Agreement saved to /home/wang/Documents/HT-2026-0001-v1-en.pdf',
      ),
    );
    expect(dialogs.suggestedPath).toHaveBeenCalledWith('HT-2026-0001-v1-en.pdf');
    expect(calls('agreement_save_pdf')).toEqual([
      { id: 12, lang: 'en', path: '/home/wang/Documents/HT-2026-0001-v1-en.pdf' },
    ]);
  });

  it('terminates with a date and a reason', async () => {
    current = detailOf(active, { allowed: ['terminated'], can_new_version: true });
    handlers.agreement_terminate = vi.fn(() => {
      current = detailOf(
        { ...active, status: 'terminated', terminated_date: '2026-06-30', termination_reason: '窜货' },
        { allowed: [], can_new_version: false },
      );
      return current;
    });
    renderPage();
    await waitFor(() => expect(byId('agreement-terminate')).toBeInTheDocument());
    await click('agreement-terminate');
    type('terminate_date', '2026-06-30');
    await click('terminate-ok');
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(calls('agreement_terminate')).toHaveLength(0);
    type('terminate_reason', ' 窜货 ');
    await click('terminate-ok');
    await waitFor(() => expect(byId('agreement-status')).toHaveTextContent('Terminated'));
    expect(calls('agreement_terminate')).toEqual([{ id: 12, date: '2026-06-30', reason: '窜货' }]);
    expect(byId('agreement-termination-reason')).toHaveTextContent('窜货');
  });

  it('opens the new draft after starting an amendment', async () => {
    current = detailOf(active, { allowed: ['terminated'], can_new_version: true });
    const amendment = {
      ...agreement,
      id: 13,
      version: 2,
      kind: 'amendment' as const,
      status: 'draft' as const,
    };
    handlers.agreement_new_version = vi.fn(() => detailOf(amendment, { allowed: ['awaiting_signature'] }));
    handlers.agreement_get = (id) =>
      id === 13 ? detailOf(amendment, { allowed: ['awaiting_signature'] }) : current;
    renderPage();
    await waitFor(() => expect(byId('agreement-amend')).toBeInTheDocument());
    await click('agreement-amend');
    await waitFor(() => expect(byId('agreement-version')).toHaveTextContent('v2'));
    expect(calls('agreement_new_version')).toEqual([{ id: 12, kind: 'amendment' }]);
    expect(byId('agreement-kind')).toHaveTextContent('Amendment');
    expect(byId('agreement-save')).toBeInTheDocument();
  });
});
