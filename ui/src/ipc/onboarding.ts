// Onboarding checklists, the pipeline board, the step templates and the
// reminders list: typed commands and the TanStack Query hooks over them.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

import type { Checklist } from '../bindings/Checklist';
import type { OnboardingSettings } from '../bindings/OnboardingSettings';
import type { OnboardingStart } from '../bindings/OnboardingStart';
import type { StepUpdate } from '../bindings/StepUpdate';
import { call } from './index';
import { queryKeys } from './queries';

export const onboardingApi = {
  /** The checklist of one distributor (`started: false` and no steps before onboarding starts). */
  get: (distributorId: number) => call('onboarding_get', distributorId),
  /** Creates the checklist from the step templates; a conflict if it was started already. */
  start: (req: OnboardingStart) => call('onboarding_start', req),
  updateStep: (req: StepUpdate) => call('onboarding_step_update', req),
  pipeline: () => call('onboarding_pipeline'),
  settingsGet: () => call('onboarding_settings_get'),
  settingsSave: (req: OnboardingSettings) => call('onboarding_settings_save', req),
  reminders: () => call('reminders_list'),
};

export const onboardingKeys = {
  all: ['onboarding'] as const,
  checklist: (distributorId: number) => ['onboarding', distributorId] as const,
  pipeline: ['onboarding', 'pipeline'] as const,
  settings: ['onboarding', 'settings'] as const,
  reminders: ['reminders'] as const,
};

/**
 * Everything whose answer follows from checklists and what the system sees
 * (assessments, signed agreements, invoices): every checklist, the pipeline and
 * the reminders. Call it after any change that can tick an automatic step.
 */
export function invalidateOnboarding(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({
      queryKey: onboardingKeys.all,
      predicate: (q) => q.queryKey[1] !== 'settings',
    }),
    qc.invalidateQueries({ queryKey: onboardingKeys.reminders }),
  ]);
}

/** A changed checklist: its pipeline card, its overdue reminders and the distributor's audit trail. */
function afterChecklist(qc: QueryClient, list: Checklist) {
  qc.setQueryData(onboardingKeys.checklist(list.distributor_id), list);
  return Promise.all([
    qc.invalidateQueries({ queryKey: onboardingKeys.pipeline }),
    qc.invalidateQueries({ queryKey: onboardingKeys.reminders }),
    qc.invalidateQueries({ queryKey: queryKeys.auditList('distributor', list.distributor_id) }),
  ]);
}

// ---- reads ----

export function useChecklist(distributorId: number) {
  return useQuery({
    queryKey: onboardingKeys.checklist(distributorId),
    queryFn: () => onboardingApi.get(distributorId),
    enabled: Number.isInteger(distributorId) && distributorId > 0,
  });
}

export function usePipeline() {
  return useQuery({ queryKey: onboardingKeys.pipeline, queryFn: onboardingApi.pipeline });
}

export function useOnboardingSettings() {
  return useQuery({ queryKey: onboardingKeys.settings, queryFn: onboardingApi.settingsGet });
}

export function useReminders() {
  return useQuery({ queryKey: onboardingKeys.reminders, queryFn: onboardingApi.reminders });
}

// ---- writes ----

export function useStartOnboarding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: OnboardingStart) => onboardingApi.start(req),
    onSuccess: (list) => afterChecklist(qc, list),
  });
}

export function useUpdateStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: StepUpdate) => onboardingApi.updateStep(req),
    onSuccess: (list) => afterChecklist(qc, list),
  });
}

export function useSaveOnboardingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: OnboardingSettings) => onboardingApi.settingsSave(s),
    onSuccess: (saved) => {
      qc.setQueryData(onboardingKeys.settings, saved);
      // The pipeline's columns are the template's steps; the audit trail records the change.
      return Promise.all([
        qc.invalidateQueries({ queryKey: onboardingKeys.pipeline }),
        qc.invalidateQueries({ queryKey: queryKeys.audit }),
      ]);
    },
  });
}
