import { App } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ImportPreview } from '../../bindings/ImportPreview';
import type { ImportProgress } from '../../bindings/ImportProgress';
import type { RowError } from '../../bindings/RowError';
import { dialogs, toAppError } from '../../ipc';
import { useImportCommit, useImportPreview } from '../../ipc/queries';
import { appErrorMessage } from '../../lib/errors';
import { ImportModal } from './ImportModal';

type Pending = { path: string; preview: ImportPreview; commitErrors: RowError[] };

/** Pick a file, preview it, and commit only a clean set. */
export function useImportFlow(): { start: () => void; busy: boolean; modal: ReactNode } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const previewMutation = useImportPreview();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const commitMutation = useImportCommit(setProgress);
  const [pending, setPending] = useState<Pending | null>(null);

  const start = async () => {
    try {
      const path = await dialogs.pickImportFile(t('import.pickTitle'));
      if (!path) return;
      const preview = await previewMutation.mutateAsync(path);
      setPending({ path, preview, commitErrors: [] });
    } catch (e) {
      message.error(appErrorMessage(toAppError(e), t));
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setProgress(null);
    try {
      const summary = await commitMutation.mutateAsync(pending.path);
      setPending(null);
      message.success(
        t('import.done', {
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
        }),
      );
    } catch (e) {
      const err = toAppError(e);
      if (err.kind === 'import_rejected') {
        setPending({ ...pending, commitErrors: err.errors });
      }
      message.error(appErrorMessage(err, t));
    }
  };

  const modal = pending ? (
    <ImportModal
      path={pending.path}
      preview={pending.preview}
      commitErrors={pending.commitErrors}
      committing={commitMutation.isPending}
      progress={commitMutation.isPending ? progress : null}
      onConfirm={() => void confirm()}
      onCancel={() => setPending(null)}
    />
  ) : null;

  return { start: () => void start(), busy: previewMutation.isPending, modal };
}
