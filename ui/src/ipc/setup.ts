// The first start, the company's logo and the About box.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { DatabaseSave } from '../bindings/DatabaseSave';
import type { DatabaseTest } from '../bindings/DatabaseTest';
import { afterWrite, ROOTS } from './cache';
import { call } from './index';

export const setupKeys = {
  firstStart: [...ROOTS.firstStart, 'state'] as const,
  logo: [...ROOTS.logo, 'current'] as const,
  about: [...ROOTS.about, 'box'] as const,
  database: [...ROOTS.database, 'choice'] as const,
};

export function useFirstStart() {
  return useQuery({ queryKey: setupKeys.firstStart, queryFn: () => call('first_start_get') });
}

export function useFinishFirstStart() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call('first_start_finish'),
    onSuccess: () => afterWrite(qc, 'first_start_finish'),
  });
}

export function useCompanyLogo() {
  return useQuery({ queryKey: setupKeys.logo, queryFn: () => call('company_logo_get') });
}

export function useSetCompanyLogo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => call('company_logo_set', path),
    onSuccess: () => afterWrite(qc, 'company_logo_set'),
  });
}

export function useRemoveCompanyLogo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call('company_logo_remove'),
    onSuccess: () => afterWrite(qc, 'company_logo_remove'),
  });
}

export function useAbout(enabled = true) {
  return useQuery({ queryKey: setupKeys.about, queryFn: () => call('about_get'), enabled });
}

/** Settings → Database: the file or server in use and the saved choice. */
export function useDatabase() {
  return useQuery({ queryKey: setupKeys.database, queryFn: () => call('database_get') });
}

export function useDatabaseTest() {
  return useMutation({ mutationFn: (req: DatabaseTest) => call('database_test', req) });
}

export function useSaveDatabase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: DatabaseSave) => call('database_save', req),
    onSuccess: () => afterWrite(qc, 'database_save'),
  });
}

export function useRestart() {
  return useMutation({ mutationFn: () => call('app_restart') });
}
