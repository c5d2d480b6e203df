// The owner's dashboard.
import { keepPreviousData, useQuery } from '@tanstack/react-query';

import type { DashboardRequest } from '../bindings/DashboardRequest';
import { ROOTS } from './cache';
import { call } from './index';

// Its figures come from the ledger, complaints, agreements, training and the
// scorecards: the key sits under the statements root, which every ledger
// write refreshes; the page also refetches each time it is opened.
export const dashboardKeys = {
  get: (req: DashboardRequest) => [...ROOTS.statements, 'dashboard', req] as const,
};

export function useDashboard(req: DashboardRequest) {
  return useQuery({
    queryKey: dashboardKeys.get(req),
    queryFn: () => call('dashboard_get', req),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
}
