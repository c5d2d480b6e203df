import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useParams, useSearchParams } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { AgreementListQuery } from '../../bindings/AgreementListQuery';
import type { Distributor } from '../../bindings/Distributor';
import i18n from '../../i18n';
import { AgreementListPage } from '../../pages/AgreementListPage';
import { DistributorAgreementsTab } from './DistributorAgreementsTab';
import { agreement, byId, click, dispatch, distributor, renderAt } from './testFixtures';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
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

const rows = [
  {
    ...agreement,
    status: 'active' as const,
    signed_date: '2026-01-03',
    days_to_end: 38,
    conflict: true,
  },
  {
    ...agreement,
    id: 14,
    number: 'HT-2026-0002',
    distributor_id: 8,
    distributor_code: 'DS00008',
    distributor_name: '厦门海峡贸易有限公司',
    status: 'draft' as const,
    exclusive: false,
    territories: [{ province: '', city: '', county: '', region: '华南大区' }],
  },
];

/** Where the list navigated to. */
function EditorStub() {
  const { id } = useParams();
  const [sp] = useSearchParams();
  return <div id="agreement-page-stub">{`${id} distributor=${sp.get('distributor')}`}</div>;
}

function lists(): AgreementListQuery[] {
  return invokeMock.mock.calls.filter((c) => c[0] === 'agreement_list').map((c) => c[1].req);
}

describe('AgreementListPage', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  beforeEach(() => {
    invokeMock.mockReset().mockImplementation(
      dispatch({
        agreement_list: () => ({ rows, total: rows.length }),
        distributor_list: () => ({ rows: [distributor], total: 1 }),
        agreement_export: () => 2,
      }),
    );
  });

  it('lists agreements with status, territory, conflicts and expiry, and opens one on click', async () => {
    renderAt('/agreements', [
      { path: '/agreements', element: <AgreementListPage /> },
      { path: '/agreements/:id', element: <div id="agreement-page-stub">page</div> },
    ]);
    const first = await waitFor(() => {
      const el = document.querySelector('.agreement-row-HT-2026-0001');
      expect(el).toBeInTheDocument();
      return el as HTMLElement;
    });
    expect(first).toHaveTextContent('v1');
    expect(first).toHaveTextContent('DS00007 福州恒通商贸有限公司');
    expect(first).toHaveTextContent('生效中');
    expect(first).toHaveTextContent('2026-01-01 至 2026-12-31');
    expect(first).toHaveTextContent('福建省 福州市');
    expect(first.querySelector('.agreement-exclusive-tag')).toHaveTextContent('独家');
    expect(first.querySelector('.agreement-conflict-tag')).toHaveTextContent('区域冲突');
    expect(first.querySelector('.agreement-expiring')).toHaveTextContent('剩 38 天');
    const second = document.querySelector('.agreement-row-HT-2026-0002') as HTMLElement;
    expect(second).toHaveTextContent('草稿');
    expect(second).toHaveTextContent('华南大区');
    expect(second.querySelector('.agreement-conflict-tag')).toBeNull();
    expect(lists()[0]).toEqual({
      distributor_id: null,
      status: null,
      text: '',
      all_versions: false,
      offset: 0,
      limit: 50,
    });

    await click(byId('agreement-all-versions'));
    await waitFor(() => expect(lists().at(-1)).toMatchObject({ all_versions: true }));

    // The view is exported as it is shown, in the UI language; a bare name becomes .xlsx.
    await click('agreement-export');
    await waitFor(() =>
      expect((byId('agreement-export-path') as HTMLInputElement).value).toMatch(
        /^\/home\/wang\/Documents\/经销协议-\d{8}\.xlsx$/,
      ),
    );
    fireEvent.change(byId('agreement-export-path'), { target: { value: '/home/wang/协议清单' } });
    await click('agreement-export-ok');
    await waitFor(() =>
      expect(invokeMock).toHaveBeenCalledWith('agreement_export', {
        req: {
          query: { distributor_id: null, status: null, text: '', all_versions: true, offset: 0, limit: 0 },
          lang: 'zh-CN',
          path: '/home/wang/协议清单.xlsx',
        },
      }),
    );
    expect(await screen.findByText('已导出 2 行到 /home/wang/协议清单.xlsx')).toBeInTheDocument();

    await click(second.querySelector('td:nth-child(3)'));
    await waitFor(() => expect(byId('agreement-page-stub')).toBeInTheDocument());
  });

  it('picks the distributor of a new agreement, then opens the editor for it', async () => {
    renderAt('/agreements', [
      { path: '/agreements', element: <AgreementListPage /> },
      { path: '/agreements/:id', element: <EditorStub /> },
    ]);
    await click('agreement-new');
    await click('agreement-new-ok');
    expect(byId('agreement-new-modal')).toHaveTextContent('必填');
    const select = byId('agreement-new-distributor');
    await act(async () => {
      fireEvent.mouseDown(select);
      fireEvent.change(select, { target: { value: 'DS00007' } });
    });
    const option = await waitFor(() => {
      const el = document.querySelector('.distributor-option-DS00007');
      expect(el).toBeInTheDocument();
      return el;
    });
    await click(option);
    await click('agreement-new-ok');
    await waitFor(() => expect(byId('agreement-page-stub')).toHaveTextContent('new distributor=7'));
  });
});

describe('DistributorAgreementsTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('lists every version of the distributor and starts a new agreement for it', async () => {
    invokeMock
      .mockReset()
      .mockImplementation(dispatch({ agreement_list: () => ({ rows: [rows[0]], total: 1 }) }));
    renderAt('/distributors/7', [
      {
        path: '/distributors/:id',
        element: <DistributorAgreementsTab distributor={{ ...distributor } as Distributor} />,
      },
      { path: '/agreements/new', element: <div id="agreement-new-stub">new</div> },
    ]);
    await waitFor(() =>
      expect(
        document.querySelector('#distributor-agreement-table .agreement-row-HT-2026-0001'),
      ).toBeInTheDocument(),
    );
    expect(lists()[0]).toEqual({
      distributor_id: 7,
      status: null,
      text: '',
      all_versions: true,
      offset: 0,
      limit: 50,
    });
    await click('distributor-agreement-new');
    await waitFor(() => expect(byId('agreement-new-stub')).toBeInTheDocument());
  });
});
