// Receivables: every distributor's aging on a date.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';

import type { ReceivablesFileRequest } from '../bindings/ReceivablesFileRequest';
import { ROOTS } from './cache';
import { call } from './index';

export const receivableKeys = {
  list: (asOf: string) => [...ROOTS.receivables, asOf] as const,
};

export function useReceivables(asOf: string) {
  return useQuery({
    queryKey: receivableKeys.list(asOf),
    queryFn: () => call('receivables_list', { as_of: asOf }),
    placeholderData: keepPreviousData,
  });
}

/** Writes the list on a date as XLSX; answers the number of distributors. */
export function useExportReceivables() {
  return useMutation({ mutationFn: (req: ReceivablesFileRequest) => call('receivables_export', req) });
}
