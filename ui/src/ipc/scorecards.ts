// Quarterly scorecards: the review of a quarter and the scoring settings.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { ScorecardSettings } from '../bindings/ScorecardSettings';
import { afterWrite, ROOTS } from './cache';
import { call } from './index';

export const scorecardKeys = {
  review: (quarter: string) => [...ROOTS.scorecards, 'review', quarter] as const,
  settings: [...ROOTS.scorecards, 'settings'] as const,
};

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
