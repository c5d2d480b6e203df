import type { useAppProps } from 'antd/es/app/context';
import type { TFunction } from 'i18next';

import { type AppError, isAppError } from '../ipc';
import { appErrorMessage } from './errors';

/**
 * A save refused because someone else changed the record after the form
 * opened: says who and when, and offers to reload it (`reload`), or to go
 * back to the form. Returns whether `e` was such a refusal.
 */
export function offerReload(
  e: unknown,
  modal: useAppProps['modal'],
  t: TFunction,
  reload: () => unknown,
): boolean {
  if (!isAppError(e) || e.kind !== 'edit_conflict') return false;
  modal.confirm({
    title: t('form.conflictTitle'),
    content: appErrorMessage(e as AppError, t),
    okText: t('form.conflictReload'),
    cancelText: t('form.conflictKeep'),
    okButtonProps: { id: 'conflict-reload' },
    onOk: reload,
  });
  return true;
}
