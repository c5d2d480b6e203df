import { act, fireEvent, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import i18n from '../../i18n';
import { answer } from '../onboarding/testFixtures';
import { complianceRows, courses, renderWithApp, requests } from './CertificateFixtures';
import { ComplianceTab } from './ComplianceTab';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke,
}));

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const row = (code: string) =>
  document.querySelector(`#compliance-table tr.compliance-row-${code}`) as HTMLElement;
const bodyRows = () => [...document.querySelectorAll('#compliance-table tbody tr[class*="compliance-row-"]')];

describe('ComplianceTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    invoke
      .mockReset()
      .mockImplementation(answer({ training_compliance: () => complianceRows, course_list: () => courses }));
  });

  it('shows each distributor’s compliance, missing courses and the summary', async () => {
    renderWithApp(<ComplianceTab />);
    await waitFor(() => expect(row('DS00007')).not.toBeNull());
    expect(requests(invoke, 'training_compliance')).toEqual([null]);
    expect(bodyRows()).toHaveLength(3);

    const gaps = row('DS00007');
    expect(within(gaps).getByText('DS00007 福州恒通商贸有限公司').closest('a')).toHaveAttribute(
      'href',
      '/distributors/7',
    );
    expect(gaps.querySelector('.compliance-pct')).toHaveAttribute('data-pct', '33');
    expect(gaps.querySelector('.compliance-pct')).toHaveTextContent('33%');
    expect([...gaps.querySelectorAll('.compliance-required-tag')].map((e) => e.textContent)).toEqual([
      'PRD-101',
      'SAF-201',
      'SVC-301',
    ]);
    const missing = [...gaps.querySelectorAll('.compliance-missing-tag')];
    expect(missing.map((e) => e.textContent)).toEqual(['SAF-201', 'SVC-301']);
    expect(missing[0]).toHaveClass('ant-tag-red');

    const ok = row('DS00008');
    expect(ok.querySelector('.compliance-pct')).toHaveTextContent('100%');
    expect(ok.querySelectorAll('.compliance-missing-tag')).toHaveLength(0);
    expect(ok).toHaveTextContent('None missing');

    expect(byId('compliance-count-total')).toHaveTextContent('3');
    expect(byId('compliance-count-ok')).toHaveTextContent('1');
    expect(byId('compliance-count-gaps')).toHaveTextContent('2');
    expect(byId('compliance-average')).toHaveTextContent('61');

    await act(async () => {
      fireEvent.click(byId('compliance-gaps-only'));
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(row('DS00008')).toBeNull();
    expect(row('DS00009')).not.toBeNull();
  });
});
