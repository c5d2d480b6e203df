import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { Distributor } from '../../bindings/Distributor';
import i18n from '../../i18n';
import { ipc } from '../../ipc';
import { TransitionModal } from './TransitionModal';

vi.mock('../../ipc', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ipc')>();
  return { ...actual, ipc: { ...actual.ipc, distributorTransition: vi.fn() } };
});

const distributor = {
  id: 7,
  name: '福州恒通商贸有限公司',
  status: 'applicant',
  tier: 'basic',
} as Distributor;

function renderModal(target: Distributor['status']) {
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <TransitionModal
          distributor={distributor}
          target={target}
          allowed={['under_review', 'terminated']}
          onClose={onClose}
        />
      </App>
    </QueryClientProvider>,
  );
  return onClose;
}

async function confirm() {
  await act(async () => {
    fireEvent.click(document.getElementById('transition-confirm') as HTMLElement);
  });
}

describe('TransitionModal', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('sends a transition the lifecycle forbids and shows the translated refusal', async () => {
    vi.mocked(ipc.distributorTransition).mockRejectedValueOnce({
      kind: 'illegal_transition',
      from: 'applicant',
      to: 'active',
    });
    const onClose = renderModal('active');
    await confirm();
    await waitFor(() =>
      expect(document.getElementById('transition-error')).toHaveTextContent(
        '不允许从「申请中」变更为「合作中」',
      ),
    );
    expect(ipc.distributorTransition).toHaveBeenCalledWith(expect.objectContaining({ id: 7, to: 'active' }));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks for a reason before narrowing the relationship', async () => {
    vi.mocked(ipc.distributorTransition).mockClear();
    renderModal('terminated');
    await confirm();
    expect(await screen.findByText('变更为「已终止」必须填写原因')).toBeInTheDocument();
    expect(ipc.distributorTransition).not.toHaveBeenCalled();
  });
});
