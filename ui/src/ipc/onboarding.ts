// Onboarding checklists, the pipeline board, the step templates and the
// reminders list: typed commands and the TanStack Query hooks over them.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

import type { Checklist } from '../bindings/Checklist';
import type { DecisionRequest } from '../bindings/DecisionRequest';
import type { OnboardingSettings } from '../bindings/OnboardingSettings';
import type { OnboardingStart } from '../bindings/OnboardingStart';
import type { StepUpdate } from '../bindings/StepUpdate';
import { afterWrite } from './cache';
import { call } from './index';

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

/** A changed checklist, from the command's answer; then what follows from it (see ./cache). */
function afterChecklist(
  qc: QueryClient,
  cmd: 'onboarding_start' | 'onboarding_step_update',
  list: Checklist,
) {
  const key = onboardingKeys.checklist(list.distributor_id);
  qc.setQueryData(key, list);
  return afterWrite(qc, cmd, key);
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

/** Snoozes, handles or reopens a reminder. */
export function useDecideReminder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: DecisionRequest) => call('reminder_decide', req),
    onSuccess: () => afterWrite(qc, 'reminder_decide'),
  });
}

// ---- writes ----

export function useStartOnboarding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: OnboardingStart) => onboardingApi.start(req),
    onSuccess: (list) => afterChecklist(qc, 'onboarding_start', list),
  });
}

export function useUpdateStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: StepUpdate) => onboardingApi.updateStep(req),
    onSuccess: (list) => afterChecklist(qc, 'onboarding_step_update', list),
  });
}

export function useSaveOnboardingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: OnboardingSettings) => onboardingApi.settingsSave(s),
    onSuccess: (saved) => {
      qc.setQueryData(onboardingKeys.settings, saved);
      // The pipeline's columns are the template's steps; the audit trail records the change.
      return afterWrite(qc, 'onboarding_settings_save', onboardingKeys.settings);
    },
  });
}
