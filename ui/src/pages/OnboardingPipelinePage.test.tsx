import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Pipeline } from '../bindings/Pipeline';
import type { PipelineCard } from '../bindings/PipelineCard';
import { answer } from '../components/onboarding/testFixtures';
import i18n from '../i18n';
import { OnboardingPipelinePage } from './OnboardingPipelinePage';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke,
}));

function card(
  p: Partial<PipelineCard> & Pick<PipelineCard, 'distributor_id' | 'code' | 'step'>,
): PipelineCard {
  return {
    name: `经销商 ${p.code}`,
    status: 'applicant',
    done: 0,
    total: 7,
    overdue: false,
    due_date: null,
    owner: '',
    ...p,
  };
}

const pipeline: Pipeline = {
  columns: [
    { key: 'not_started', label_zh: '未开始', label_en: 'Not started' },
    { key: 'application', label_zh: '收到申请', label_en: 'Application received' },
    { key: 'documents', label_zh: '资料审核', label_en: 'Documents checked' },
    { key: 'site_visit', label_zh: '实地考察', label_en: 'Site visit' },
  ],
  cards: [
    card({ distributor_id: 3, code: 'DS00003', step: 'not_started', total: 0 }),
    card({
      distributor_id: 7,
      code: 'DS00007',
      name: '福州恒通商贸有限公司',
      step: 'documents',
      status: 'under_review',
      done: 1,
      overdue: true,
      due_date: '2026-03-08',
      owner: '王芳',
    }),
    card({
      distributor_id: 8,
      code: 'DS00008',
      step: 'documents',
      done: 1,
      due_date: '2099-01-01',
      owner: '李经理',
    }),
    card({ distributor_id: 9, code: 'DS00009', step: 'site_visit', status: 'approved', done: 2 }),
  ],
};

function Where() {
  const loc = useLocation();
  return (
    <div id="distributor-page-stub">
      {loc.pathname} {JSON.stringify(loc.state)}
    </div>
  );
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/onboarding']}>
          <Routes>
            <Route path="/onboarding" element={<OnboardingPipelinePage />} />
            <Route path="/distributors/:id" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const column = (key: string) => document.querySelector(`.pipeline-column-${key}`) as HTMLElement;
const cardEl = (code: string) => document.querySelector(`.pipeline-card-${code}`) as HTMLElement;

describe('onboarding pipeline', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    invoke.mockReset().mockImplementation(answer({ onboarding_pipeline: () => pipeline }));
  });

  it('shows a column per step with its cards, overdue ones marked', async () => {
    renderPage();
    await waitFor(() => expect(byId('pipeline-board')).toBeInTheDocument());
    const cols = byId('pipeline-board').querySelectorAll('.pipeline-column');
    expect(
      [...cols].map((c) => c.className.split(' ').find((n) => n.startsWith('pipeline-column-'))),
    ).toEqual([
      'pipeline-column-not_started',
      'pipeline-column-application',
      'pipeline-column-documents',
      'pipeline-column-site_visit',
    ]);
    expect(column('documents')).toHaveTextContent('Documents checked');
    expect(column('documents').querySelector('.pipeline-column-count')).toHaveTextContent('2');
    expect(column('application').querySelector('.pipeline-column-count')).toHaveTextContent('0');
    expect(column('documents').querySelector('.pipeline-card-DS00007')).not.toBeNull();
    expect(column('documents').querySelector('.pipeline-card-DS00008')).not.toBeNull();
    expect(column('site_visit').querySelector('.pipeline-card-DS00009')).not.toBeNull();
    expect(column('not_started').querySelector('.pipeline-card-DS00003')).not.toBeNull();

    const c7 = cardEl('DS00007');
    expect(c7).toHaveClass('pipeline-card-overdue');
    expect(cardEl('DS00008')).not.toHaveClass('pipeline-card-overdue');
    expect(c7).toHaveTextContent('福州恒通商贸有限公司');
    expect(c7).toHaveTextContent('1/7');
    expect(c7).toHaveTextContent('Due 2026-03-08');
    expect(c7).toHaveTextContent('王芳');
    expect(within(c7).getByText('Under review')).toBeInTheDocument();
    expect(byId('pipeline-overdue-count')).toHaveTextContent('Overdue: 1');
    expect(byId('pipeline-total')).toHaveTextContent('4 distributors');
  });

  it('filters to the overdue cards and opens a distributor on click', async () => {
    renderPage();
    await waitFor(() => expect(cardEl('DS00008')).not.toBeNull());
    await act(async () => {
      fireEvent.click(byId('pipeline-overdue-only'));
    });
    await waitFor(() => expect(cardEl('DS00008')).toBeNull());
    expect(cardEl('DS00009')).toBeNull();
    expect(cardEl('DS00007')).not.toBeNull();
    expect(column('documents').querySelector('.pipeline-column-count')).toHaveTextContent('1');

    await act(async () => {
      fireEvent.click(cardEl('DS00007'));
    });
    await waitFor(() => expect(byId('distributor-page-stub')).toBeInTheDocument());
    expect(byId('distributor-page-stub')).toHaveTextContent('/distributors/7');
    expect(byId('distributor-page-stub')).toHaveTextContent('"tab":"onboarding"');
  });
});
