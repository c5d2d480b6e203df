import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { OnboardingSettings } from '../../bindings/OnboardingSettings';
import i18n from '../../i18n';
import { answer } from '../onboarding/testFixtures';
import { OnboardingStepsCard } from './OnboardingStepsCard';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke,
}));

const settings: OnboardingSettings = {
  steps: [
    {
      key: 'application',
      label_zh: '收到申请',
      label_en: 'Application received',
      auto: 'application',
      due_days: 0,
      owner: '',
    },
    {
      key: 'documents',
      label_zh: '资料审核',
      label_en: 'Documents checked',
      auto: 'manual',
      due_days: 7,
      owner: '王芳',
    },
    {
      key: 'site_visit',
      label_zh: '实地考察',
      label_en: 'Site visit',
      auto: 'manual',
      due_days: 14,
      owner: '',
    },
  ],
};

function renderCard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <OnboardingStepsCard />
      </App>
    </QueryClientProvider>,
  );
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

async function click(id: string) {
  await act(async () => {
    fireEvent.click(byId(id));
  });
}

function saves() {
  return invoke.mock.calls
    .filter((c) => c[0] === 'onboarding_settings_save')
    .map((c) => (c[1] as { req: unknown }).req);
}

describe('onboarding steps settings', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    invoke.mockReset();
  });

  it('adds, moves and saves steps', async () => {
    invoke.mockImplementation(
      answer({ onboarding_settings_get: () => settings, onboarding_settings_save: (req) => req }),
    );
    renderCard();
    await waitFor(() => expect(byId('onboarding_steps_1_key')).toHaveValue('documents'));
    expect(byId('onboarding_steps_2_due_days')).toHaveValue('14');

    await click('onboarding-step-add');
    await waitFor(() => expect(byId('onboarding_steps_3_key')).toBeInTheDocument());
    expect(byId('onboarding_steps_3_due_days')).toHaveValue('21');
    // Nothing is sent while the new row is incomplete.
    await click('onboarding-steps-save');
    await waitFor(() =>
      expect(
        within(byId('onboarding-steps-form')).getAllByText('Step 4: both names are needed'),
      ).toHaveLength(2),
    );
    expect(saves()).toEqual([]);

    fireEvent.change(byId('onboarding_steps_3_key'), { target: { value: ' training ' } });
    fireEvent.change(byId('onboarding_steps_3_label_zh'), { target: { value: '培训' } });
    fireEvent.change(byId('onboarding_steps_3_label_en'), { target: { value: 'Training ' } });
    fireEvent.change(byId('onboarding_steps_3_owner'), { target: { value: '李经理' } });
    await click('onboarding-step-up-3');
    await waitFor(() => expect(byId('onboarding_steps_2_key')).toHaveValue(' training '));
    await click('onboarding-step-remove-0');
    await waitFor(() => expect(byId('onboarding_steps_0_key')).toHaveValue('documents'));

    await click('onboarding-steps-save');
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toEqual({
      steps: [
        settings.steps[1],
        {
          key: 'training',
          label_zh: '培训',
          label_en: 'Training',
          auto: 'manual',
          due_days: 21,
          owner: '李经理',
        },
        settings.steps[2],
      ],
    });
  });

  it('shows the server’s errors next to the row it names', async () => {
    invoke.mockImplementation(
      answer({
        onboarding_settings_get: () => settings,
        onboarding_settings_save: () => {
          throw {
            kind: 'validation',
            fields: [
              { field: 'steps', code: 'duplicate', detail: '3' },
              { field: 'steps', code: 'due_days_range', detail: '2' },
            ],
          };
        },
      }),
    );
    renderCard();
    await waitFor(() => expect(byId('onboarding_steps_2_key')).toHaveValue('site_visit'));
    fireEvent.change(byId('onboarding_steps_2_key'), { target: { value: 'documents' } });
    await click('onboarding-steps-save');
    await waitFor(() => expect(saves()).toHaveLength(1));

    const keyItem = () => byId('onboarding_steps_2_key').closest('.ant-form-item') as HTMLElement;
    await waitFor(() =>
      expect(
        within(keyItem()).getByText('Step 3: this key is already used by another step'),
      ).toBeInTheDocument(),
    );
    expect(keyItem()).toHaveClass('ant-form-item-has-error');
    const dueItem = byId('onboarding_steps_1_due_days').closest('.ant-form-item') as HTMLElement;
    expect(within(dueItem).getByText('Step 2: due days must be 0–365')).toBeInTheDocument();
    expect(byId('onboarding-steps-error')).toHaveTextContent(
      'Step 3: this key is already used by another step',
    );
    // The other rows stay clean.
    expect(byId('onboarding_steps_0_key').closest('.ant-form-item')).not.toHaveClass(
      'ant-form-item-has-error',
    );
  });
});
