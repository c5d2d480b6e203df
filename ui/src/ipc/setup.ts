// The first start, the company's logo and the About box.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { afterWrite, ROOTS } from './cache';
import { call } from './index';

export const setupKeys = {
  firstStart: [...ROOTS.firstStart, 'state'] as const,
  logo: [...ROOTS.logo, 'current'] as const,
  about: [...ROOTS.about, 'box'] as const,
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
