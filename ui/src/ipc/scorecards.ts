// Quarterly scorecards: the review of a quarter and the scoring settings.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { ApplyTiers } from '../bindings/ApplyTiers';
import type { PlanInput } from '../bindings/PlanInput';
import type { RatingInput } from '../bindings/RatingInput';
import type { ReviewFileRequest } from '../bindings/ReviewFileRequest';
import type { VisitExportRequest } from '../bindings/VisitExportRequest';
import type { VisitInput } from '../bindings/VisitInput';
import type { VisitQuery } from '../bindings/VisitQuery';
import type { RevisionInput } from '../bindings/RevisionInput';
import type { ScorecardSettings } from '../bindings/ScorecardSettings';
import type { ViolationCancelRequest } from '../bindings/ViolationCancelRequest';
import type { ViolationInput } from '../bindings/ViolationInput';
import type { ViolationSettings } from '../bindings/ViolationSettings';
import { afterWrite, ROOTS } from './cache';
import { call } from './index';

export const scorecardKeys = {
  review: (quarter: string) => [...ROOTS.scorecards, 'review', quarter] as const,
  settings: [...ROOTS.scorecards, 'settings'] as const,
  history: (distributorId: number) => [...ROOTS.scorecards, 'history', distributorId] as const,
  warnings: [...ROOTS.scorecards, 'warnings'] as const,
  plans: (distributorId: number | null) => [...ROOTS.scorecards, 'plans', distributorId] as const,
  tierReview: (year: number) => [...ROOTS.scorecards, 'tierReview', year] as const,
};

export function useScorecardHistory(distributorId: number) {
  return useQuery({
    queryKey: scorecardKeys.history(distributorId),
    queryFn: () => call('scorecard_history', distributorId),
  });
}

export function useWarnings() {
  return useQuery({ queryKey: scorecardKeys.warnings, queryFn: () => call('scorecard_warnings') });
}

export function usePlans(distributorId: number | null) {
  return useQuery({
    queryKey: scorecardKeys.plans(distributorId),
    queryFn: () => call('plan_list', { distributor_id: distributorId, open_only: false }),
  });
}

export function useTierReview(year: number) {
  return useQuery({
    queryKey: scorecardKeys.tierReview(year),
    queryFn: () => call('tier_review', year),
    placeholderData: keepPreviousData,
  });
}

export function useFinalise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (quarter: string) => call('scorecard_finalise', quarter),
    onSuccess: () => afterWrite(qc, 'scorecard_finalise'),
  });
}

export function useRevise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: RevisionInput) => call('scorecard_revise', r),
    onSuccess: () => afterWrite(qc, 'scorecard_revise'),
  });
}

export function useSavePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: PlanInput) => call('plan_save', p),
    onSuccess: () => afterWrite(qc, 'plan_save'),
  });
}

export function useApplyTiers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ApplyTiers) => call('tier_apply', a),
    onSuccess: () => afterWrite(qc, 'tier_apply'),
  });
}

export function useScorecardReview(quarter: string) {
  return useQuery({
    queryKey: scorecardKeys.review(quarter),
    queryFn: () => call('scorecard_review', quarter),
    placeholderData: keepPreviousData,
  });
}

export function useScorecardSettings() {
  return useQuery({ queryKey: scorecardKeys.settings, queryFn: () => call('scorecard_settings_get') });
}

export function useSaveScorecardSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: ScorecardSettings) => call('scorecard_settings_save', s),
    onSuccess: (saved) => {
      qc.setQueryData(scorecardKeys.settings, saved);
      return afterWrite(qc, 'scorecard_settings_save', scorecardKeys.settings);
    },
  });
}

export const violationKeys = {
  list: (distributorId: number | null) => [...ROOTS.violations, 'list', distributorId] as const,
  settings: [...ROOTS.violations, 'settings'] as const,
};

export function useRate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: RatingInput) => call('scorecard_rate', r),
    onSuccess: () => afterWrite(qc, 'scorecard_rate'),
  });
}

export function useViolations(distributorId: number | null) {
  return useQuery({
    queryKey: violationKeys.list(distributorId),
    queryFn: () => call('violation_list', { distributor_id: distributorId }),
  });
}

export function useViolationSettings() {
  return useQuery({ queryKey: violationKeys.settings, queryFn: () => call('violation_settings_get') });
}

export function useRecordViolation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ViolationInput) => call('violation_record', v),
    onSuccess: () => afterWrite(qc, 'violation_record'),
  });
}

export function useCancelViolation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: ViolationCancelRequest) => call('violation_cancel', r),
    onSuccess: () => afterWrite(qc, 'violation_cancel'),
  });
}

export function useSaveViolationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: ViolationSettings) => call('violation_settings_save', s),
    onSuccess: () => afterWrite(qc, 'violation_settings_save'),
  });
}

/** Writes a quarter's review as XLSX or PDF; answers the written path. */
export function useReviewFile() {
  return useMutation({ mutationFn: (req: ReviewFileRequest) => call('scorecard_file', req) });
}

export const visitKeys = {
  list: (q: VisitQuery) => [...ROOTS.visits, 'list', q.distributor_id, q.review_quarter] as const,
};

/** Visits and business reviews: one distributor's, all, or a quarter's reviews. */
export function useVisits(q: VisitQuery) {
  return useQuery({ queryKey: visitKeys.list(q), queryFn: () => call('visit_list', q) });
}

export function useSaveVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: VisitInput) => call('visit_save', v),
    onSuccess: () => afterWrite(qc, 'visit_save'),
  });
}

export function useExportVisits() {
  return useMutation({ mutationFn: (req: VisitExportRequest) => call('visit_export', req) });
}
