import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { Distributor } from '../../bindings/Distributor';
import type { QuarterResult } from '../../bindings/QuarterResult';
import type { Warning } from '../../bindings/Warning';
import i18n from '../../i18n';
import { call } from '../../ipc';
import { PerformanceTab } from './PerformanceTab';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return { ...actual, call: vi.fn() };
});
vi.mock('../complaints/EChart', () => ({
  EChart: ({ id }: { id: string }) => <div id={id} className="echart-stub" />,
}));

const distributor = { id: 7, code: 'DS00007', name: '福州恒通商贸有限公司', status: 'active' } as Distributor;

const warning: Warning = {
  distributor_id: 7,
  code: 'DS00007',
  name: '福州恒通商贸有限公司',
  level: 2,
  quarters: ['2026Q3', '2026Q2'],
  total: '42.47',
  baseline: 60,
  agreement: 'HT-2026-0007 v1',
  buyback_pct: '80.00',
};

const q3 = {
  quarter: '2026Q3',
  card: {
    distributor_id: 7,
    code: 'DS00007',
    name: '福州恒通商贸有限公司',
    total: '42.47',
    grade: 'D',
    deductions: '45.00',
    warning_level: 2,
    revision: 2,
    comment: '窜货、乱价问题突出',
  },
  revisions: [
    {
      revision: 1,
      total: '40.00',
      grade: 'D',
      reason: '',
      operator: '李娜',
      created_at: '2026-10-08T02:00:00+00:00',
    },
    {
      revision: 2,
      total: '42.47',
      grade: 'D',
      reason: '补录 9 月回款',
      operator: '李娜',
      created_at: '2026-10-09T02:00:00+00:00',
    },
  ],
} as unknown as QuarterResult;

function serve(name: string): unknown {
  switch (name) {
    case 'scorecard_history':
      return [q3];
    case 'scorecard_warnings':
      return [warning];
    case 'violation_settings_get':
      return { kinds: [] };
    default:
      return [];
  }
}

describe('PerformanceTab', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows a level-2 warning and starts the exit with the quarters and the buy-back terms', async () => {
    vi.mocked(call).mockImplementation(((name: string) => Promise.resolve(serve(name))) as typeof call);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <App>
          <PerformanceTab distributor={distributor} allowed={['suspended', 'terminated']} />
        </App>
      </QueryClientProvider>,
    );
    expect(
      await screen.findByText('连续两个季度（2026Q3、2026Q2）低于基准 60：启动退出流程'),
    ).toBeInTheDocument();
    expect(await screen.findByText('v2')).toBeInTheDocument();
    fireEvent.click(document.getElementById('performance-start-exit') as HTMLElement);
    expect(await screen.findByText('现行协议 HT-2026-0007 v1：库存回购比例 80.00%')).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector('#transition_reason')).toHaveValue(
        '连续两个季度（2026Q3、2026Q2）考核低于基准 60 分',
      ),
    );
    // Nothing happens without the user's confirmation.
    expect(vi.mocked(call).mock.calls.map((c) => c[0])).not.toContain('distributor_transition');
  });
});
