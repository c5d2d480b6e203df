import { waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Contact } from '../../bindings/Contact';
import type { Distributor } from '../../bindings/Distributor';
import type { DistributorDetail } from '../../bindings/DistributorDetail';
import i18n from '../../i18n';
import { answer } from '../onboarding/testFixtures';
import { certificates, complianceRows, courses, renderWithApp, requests } from './CertificateFixtures';
import { DistributorTrainingTab } from './DistributorTrainingTab';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke,
}));

const distributor = { id: 7, code: 'DS00007', name: '福州恒通商贸有限公司' } as Distributor;

function contact(id: number, name: string, role: string, phone: string): Contact {
  return {
    id,
    distributor_id: 7,
    name,
    role,
    phone,
    email: '',
    wechat: '',
    receives_statements: false,
    updated_at: '',
  };
}

const detail = {
  distributor,
  allowed_transitions: [],
  status_history: [],
  tier_history: [],
  assessments: [],
  contacts: [
    contact(31, '陈静', '销售经理', '13800000031'),
    contact(32, '刘洋', '技术支持', '13800000032'),
    contact(35, '吴芳', '财务', ''),
  ],
} as unknown as DistributorDetail;

const own = certificates.filter((c) => c.distributor_id === 7);

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const person = (id: number) => document.querySelector(`tr.training-person-${id}`) as HTMLElement;

describe('DistributorTrainingTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    invoke.mockReset();
  });

  it('lists the people with their certificates and the distributor’s compliance', async () => {
    invoke.mockImplementation(
      answer({
        distributor_get: () => detail,
        certificate_list: () => ({ rows: own, total: own.length }),
        training_compliance: () => complianceRows.filter((r) => r.distributor_id === 7),
        course_list: () => courses,
      }),
    );
    renderWithApp(<DistributorTrainingTab distributor={distributor} />);
    await waitFor(() => expect(person(31)).not.toBeNull());
    expect(requests(invoke, 'certificate_list')[0]).toMatchObject({ distributor_id: 7, offset: 0, limit: 0 });
    expect(requests(invoke, 'training_compliance')).toEqual([7]);

    expect(person(31)).toHaveTextContent('销售经理');
    expect(person(31)).toHaveTextContent('13800000031');
    const line = person(31).querySelector('.training-certificate-ZS-2025-0001') as HTMLElement;
    expect(line).toHaveTextContent('PRD-101 Product basics');
    expect(line).toHaveTextContent('Expires 2027-06-01');
    expect(line.querySelector('.certificate-state')).toHaveTextContent('Valid');
    expect(person(32).querySelector('.certificate-state')).toHaveTextContent('Expires in 23 d');
    expect(person(35)).toHaveTextContent('No certificates');
    // A revoked certificate of someone no longer among the contacts is still shown.
    expect(person(33)).toHaveTextContent('周敏');
    expect(person(33)).toHaveTextContent('No longer a contact');

    await waitFor(() => expect(byId('distributor-compliance-pct')).toHaveAttribute('data-pct', '33'));
    expect(
      [...byId('distributor-compliance-missing').querySelectorAll('.compliance-missing-tag')].map(
        (e) => e.textContent,
      ),
    ).toEqual(['SAF-201', 'SVC-301']);
    expect(within(document.body).getByText('All certificates').closest('a')).toHaveAttribute(
      'href',
      '/training?tab=certificates',
    );
    expect(byId('training-people-hint')).toHaveTextContent('Profile tab');
  });

  it('says compliance is not tracked when the distributor is not active', async () => {
    invoke.mockImplementation(
      answer({
        distributor_get: () => ({ ...detail, contacts: [] }),
        certificate_list: () => ({ rows: [], total: 0 }),
        training_compliance: () => [],
        course_list: () => courses,
      }),
    );
    renderWithApp(<DistributorTrainingTab distributor={distributor} />);
    await waitFor(() => expect(byId('distributor-compliance-inactive')).toBeInTheDocument());
    expect(document.getElementById('distributor-compliance-pct')).toBeNull();
    await waitFor(() =>
      expect(byId('training-people')).toHaveTextContent('No people recorded for this distributor yet'),
    );
  });
});
