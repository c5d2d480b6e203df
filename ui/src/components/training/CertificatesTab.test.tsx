import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { CertificateQuery } from '../../bindings/CertificateQuery';
import type { RevokeRequest } from '../../bindings/RevokeRequest';
import i18n from '../../i18n';
import { today } from '../../lib/dates';
import { answer } from '../onboarding/testFixtures';
import { certificates, courses, renderWithApp, requests } from './CertificateFixtures';
import { CertificatesTab } from './CertificatesTab';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke,
}));
// The path plugin calls the shell directly; the suggestion is stubbed.
vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return {
    ...actual,
    dialogs: {
      ...actual.dialogs,
      suggestedPath: vi.fn(async (name: string) => `/home/wang/Documents/${name}`),
    },
  };
});

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const row = (number: string) =>
  document.querySelector(`#certificate-table tr.certificate-row-${number}`) as HTMLElement;

async function click(el: Element | null) {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    fireEvent.click(el);
  });
}

function tick(number: string) {
  return click(row(number).querySelector('input[type="checkbox"]'));
}

function handlers(extra: Record<string, (req: unknown) => unknown> = {}) {
  return answer({
    certificate_list: (q) => {
      const query = q as CertificateQuery;
      const rows = certificates.filter((c) => query.state === null || c.state === query.state);
      return { rows, total: rows.length };
    },
    course_list: () => courses,
    ...extra,
  });
}

describe('CertificatesTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    invoke.mockReset().mockImplementation(handlers());
  });

  it('shows each certificate with its state and filters by state', async () => {
    renderWithApp(<CertificatesTab />);
    await waitFor(() => expect(row('ZS-2025-0001')).not.toBeNull());
    expect(byId('certificate-count')).toHaveTextContent('4 certificates');

    const valid = row('ZS-2025-0001');
    expect(valid).toHaveTextContent('陈静');
    expect(valid).toHaveTextContent('PRD-101 Product basics');
    expect(valid).toHaveTextContent('2027-06-01');
    expect(valid.querySelector('.certificate-state')).toHaveTextContent('Valid');
    expect(valid.querySelector('.certificate-state')).toHaveClass('ant-tag-green');
    expect(within(valid).getByText('DS00007 福州恒通商贸有限公司').closest('a')).toHaveAttribute(
      'href',
      '/distributors/7',
    );

    const expiring = row('ZS-2025-0002').querySelector('.certificate-state');
    expect(expiring).toHaveTextContent('Expires in 23 d');
    expect(expiring).toHaveClass('ant-tag-orange');

    const expired = row('ZS-2024-0007');
    expect(expired.querySelector('.certificate-state')).toHaveTextContent('Expired');
    expect(expired.querySelector('.certificate-state')).toHaveClass('ant-tag-red');
    expect(expired).toHaveTextContent('45 d ago');

    const revoked = row('ZS-2025-0003');
    expect(revoked.querySelector('.certificate-state')).toHaveTextContent('Revoked');
    expect(revoked.querySelector('.certificate-state')).not.toHaveClass('ant-tag-red');
    // No revoking twice, no printing a revoked certificate.
    expect(document.getElementById('revoke-4')).toBeNull();
    expect(document.getElementById('revoke-1')).not.toBeNull();
    expect(revoked.querySelector('input[type="checkbox"]')).toBeDisabled();

    await click(byId('certificate-state-expired'));
    await waitFor(() => expect(row('ZS-2025-0001')).toBeNull());
    expect(row('ZS-2024-0007')).not.toBeNull();
    expect(requests(invoke, 'certificate_list').at(-1)).toEqual({
      distributor_id: null,
      course_id: null,
      session_id: null,
      state: 'expired',
      text: '',
      offset: 0,
      limit: 50,
    });
  });

  it('prints the ticked certificates into a folder and lists the files', async () => {
    invoke.mockImplementation(
      handlers({
        certificate_print: () => ['/home/wang/certs/ZS-2025-0001.pdf', '/home/wang/certs/ZS-2024-0007.pdf'],
      }),
    );
    renderWithApp(<CertificatesTab />);
    await waitFor(() => expect(row('ZS-2025-0001')).not.toBeNull());
    expect(byId('certificate-print')).toBeDisabled();

    await tick('ZS-2025-0001');
    await tick('ZS-2024-0007');
    expect(byId('certificate-print')).toBeEnabled();
    expect(byId('certificate-print')).toHaveTextContent('(2)');

    await click(byId('certificate-print'));
    await waitFor(() =>
      expect(byId('certificate-print-dir')).toHaveValue('/home/wang/Documents/certificates'),
    );
    fireEvent.change(byId('certificate-print-dir'), { target: { value: ' /home/wang/certs ' } });
    await click(byId('certificate-print-ok'));

    await waitFor(() => expect(requests(invoke, 'certificate_print')).toHaveLength(1));
    expect(requests(invoke, 'certificate_print')[0]).toEqual({
      ids: [1, 3],
      lang: 'en',
      out_dir: '/home/wang/certs',
    });
    await waitFor(() => expect(byId('certificate-printed')).toBeInTheDocument());
    expect(byId('certificate-printed')).toHaveTextContent('/home/wang/certs/ZS-2025-0001.pdf');
    expect(byId('certificate-printed')).toHaveTextContent('/home/wang/certs/ZS-2024-0007.pdf');
  });

  it('revokes a certificate with a reason, showing errors next to the fields', async () => {
    const sent: RevokeRequest[] = [];
    let reject = true;
    invoke.mockImplementation(
      handlers({
        certificate_revoke: (req) => {
          sent.push(req as RevokeRequest);
          if (reject) {
            throw { kind: 'validation', fields: [{ field: 'date', code: 'in_future', detail: null }] };
          }
          return { ...certificates[0], state: 'revoked', revoked_on: today(), revoke_reason: '误发' };
        },
      }),
    );
    renderWithApp(<CertificatesTab />);
    await waitFor(() => expect(byId('revoke-1')).toBeInTheDocument());
    await click(byId('revoke-1'));
    await waitFor(() => expect(byId('revoke-modal')).toBeInTheDocument());
    expect(byId('revoke_date')).toHaveValue(today());

    // The reason is required: nothing is sent without it.
    await click(byId('revoke-ok'));
    const modal = byId('revoke-modal');
    await waitFor(() => expect(within(modal).getByText('Required')).toBeInTheDocument());
    expect(sent).toEqual([]);

    fireEvent.change(byId('revoke_reason'), { target: { value: ' 误发 ' } });
    await click(byId('revoke-ok'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ id: 1, date: today(), reason: '误发' });
    // The server's field error sits under the date field.
    await waitFor(() =>
      expect(
        byId('revoke_date').closest('.ant-form-item')?.querySelector('.ant-form-item-explain'),
      ).toHaveTextContent('Must not be in the future'),
    );

    reject = false;
    fireEvent.change(byId('revoke_date'), { target: { value: '2026-03-01' } });
    await click(byId('revoke-ok'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ id: 1, date: '2026-03-01', reason: '误发' });
    await waitFor(() => expect(document.getElementById('revoke-modal')).toBeNull());
    expect(await screen.findByText('Certificate ZS-2025-0001 revoked')).toBeInTheDocument();
  });
});
