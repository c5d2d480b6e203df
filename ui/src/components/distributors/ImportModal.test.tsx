import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import i18n from '../../i18n';
import { ImportModal } from './ImportModal';

describe('ImportModal', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('lists translated row errors and blocks the import', () => {
    render(
      <ImportModal
        path="/tmp/d.csv"
        preview={{
          rows: [{ row: 2, code: 'DS00001', name: 'A', action: 'update' }],
          errors: [{ row: 3, field: 'uscc', code: 'uscc_check_char', detail: 'B' }],
          creates: 0,
          updates: 1,
          unchanged: 0,
          ignored_columns: [],
        }}
        commitErrors={[]}
        committing={false}
        progress={null}
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByText('Unified social credit code')).toBeInTheDocument();
    expect(screen.getByText('The check character is wrong; it should be B')).toBeInTheDocument();
    expect(document.getElementById('import-confirm')).toBeDisabled();
  });

  it('allows a clean file', () => {
    render(
      <ImportModal
        path="/tmp/d.csv"
        preview={{
          rows: [{ row: 2, code: '', name: 'New Co', action: 'create' }],
          errors: [],
          creates: 1,
          updates: 0,
          unchanged: 0,
          ignored_columns: ['颜色'],
        }}
        commitErrors={[]}
        committing={false}
        progress={null}
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByText('New Co')).toBeInTheDocument();
    // An unknown column is named, and does not block the import.
    expect(screen.getByText('Columns not read (no such field): 颜色')).toBeInTheDocument();
    expect(document.getElementById('import-confirm')).toBeEnabled();
  });
});
