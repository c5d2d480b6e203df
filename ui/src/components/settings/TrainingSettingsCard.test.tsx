import { waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import i18n from '../../i18n';
import { byId, click, dispatch, renderAt, type, type Handlers } from '../agreements/testFixtures';
import { trainingSettings } from '../training/SessionFixtures';
import { TrainingSettingsCard } from './TrainingSettingsCard';

const invokeMock = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tauri-apps/api/core')>()),
  invoke: invokeMock,
}));

let handlers: Handlers;

function calls(cmd: string): unknown[] {
  return invokeMock.mock.calls.filter((c) => c[0] === cmd).map((c) => (c[1] as { req: unknown }).req);
}

describe('TrainingSettingsCard', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  beforeEach(() => {
    handlers = { training_settings_get: () => trainingSettings };
    invokeMock.mockReset().mockImplementation(dispatch(handlers));
  });

  it('adds a category and shows the server’s row error on its key', async () => {
    handlers.training_settings_save = vi
      .fn()
      .mockImplementationOnce(() => {
        throw {
          kind: 'validation',
          fields: [{ field: 'categories', code: 'duplicate_or_empty', detail: '3' }],
        };
      })
      .mockImplementationOnce((req) => req);
    renderAt('/settings', [{ path: '/settings', element: <TrainingSettingsCard /> }]);
    await waitFor(() => expect(byId('categories_1_key')).toHaveValue('sales'));
    await click('training-category-add');
    type('categories_2_key', ' sales ');
    type('categories_2_label_zh', '安全');
    await click('training-settings-save');
    await waitFor(() =>
      expect(document.querySelector('.training-category-row-2')).toHaveTextContent(
        'Key is empty or used twice',
      ),
    );
    expect(calls('training_settings_save')[0]).toEqual({
      categories: [...trainingSettings.categories, { key: 'sales', label_zh: '安全', label_en: '' }],
    });

    type('categories_2_key', 'safety');
    await click('training-settings-save');
    await waitFor(() => expect(calls('training_settings_save')).toHaveLength(2));
    expect(calls('training_settings_save')[1]).toEqual({
      categories: [...trainingSettings.categories, { key: 'safety', label_zh: '安全', label_en: '' }],
    });
  });
});
