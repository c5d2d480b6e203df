// The owner's dashboard.
import { keepPreviousData, useQuery } from '@tanstack/react-query';

import type { DashboardRequest } from '../bindings/DashboardRequest';
import { ROOTS } from './cache';
import { call } from './index';

// Its figures come from the ledger, complaints, agreements, training and the
// scorecards: every write that changes one of them refreshes the dashboard
// root (`cache.ts`).
export const dashboardKeys = {
  get: (req: DashboardRequest) => [...ROOTS.dashboard, req] as const,
};

export function useDashboard(req: DashboardRequest) {
  return useQuery({
    queryKey: dashboardKeys.get(req),
    queryFn: () => call('dashboard_get', req),
    placeholderData: keepPreviousData,
    // The CLI or a second window may have written meanwhile.
    refetchOnMount: 'always',
  });
}
