// Backups: the folder's overview, a backup now, the settings, checking a
// file and restoring it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { BackupSettings } from '../bindings/BackupSettings';
import { afterWrite, ROOTS } from './cache';
import { call } from './index';

export const backupKeys = {
  overview: [...ROOTS.backups, 'overview'] as const,
};

export function useBackupOverview() {
  return useQuery({ queryKey: backupKeys.overview, queryFn: () => call('backup_overview') });
}

export function useBackupNow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call('backup_now'),
    onSuccess: () => afterWrite(qc, 'backup_now'),
  });
}

export function useSaveBackupSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: BackupSettings) => call('backup_settings_save', s),
    onSuccess: () => afterWrite(qc, 'backup_settings_save'),
  });
}

/** Checks a backup file and says what it holds, for the confirmation. */
export function inspectBackup(path: string) {
  return call('backup_inspect', path);
}

export function useRestoreBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => call('backup_restore', path),
    onSuccess: () => afterWrite(qc, 'backup_restore'),
  });
}
