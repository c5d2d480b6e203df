// The distributor list's search, filters, sort and page live in the URL, so
// returning from a detail page restores the view the user left.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import type { DistributorQuery } from '../bindings/DistributorQuery';
import type { SortField } from '../bindings/SortField';
import type { Status } from '../bindings/Status';
import type { Tier } from '../bindings/Tier';
import { STATUSES, TIERS } from '../lib/domain';

export const PAGE_SIZES = [20, 50, 100, 200];
const DEFAULT_PAGE_SIZE = 50;
const SORT_FIELDS: SortField[] = ['code', 'name', 'tier', 'status', 'province', 'credit_limit', 'updated_at'];

export type ListParams = {
  search: string;
  tier: Tier | null;
  status: Status | null;
  territory: string | null;
  sort: SortField;
  descending: boolean;
  page: number;
  pageSize: number;
};

function pick<T extends string>(v: string | null, allowed: readonly T[]): T | null {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

function positiveInt(v: string | null, fallback: number): number {
  const n = v === null ? NaN : Number.parseInt(v, 10);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function useListParams() {
  const [sp, setSp] = useSearchParams();

  const params: ListParams = useMemo(() => {
    const size = positiveInt(sp.get('size'), DEFAULT_PAGE_SIZE);
    return {
      search: sp.get('q') ?? '',
      tier: pick(sp.get('tier'), TIERS),
      status: pick(sp.get('status'), STATUSES),
      territory: sp.get('territory') || null,
      sort: pick(sp.get('sort'), SORT_FIELDS) ?? 'code',
      descending: sp.get('desc') === '1',
      page: positiveInt(sp.get('page'), 1),
      pageSize: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
    };
  }, [sp]);

  const update = useCallback(
    (patch: Partial<ListParams>) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          const set = (k: string, v: string | null) => {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          };
          if ('search' in patch) set('q', patch.search ?? null);
          if ('tier' in patch) set('tier', patch.tier ?? null);
          if ('status' in patch) set('status', patch.status ?? null);
          if ('territory' in patch) set('territory', patch.territory ?? null);
          if ('sort' in patch) set('sort', patch.sort === 'code' ? null : (patch.sort ?? null));
          if ('descending' in patch) set('desc', patch.descending ? '1' : null);
          if ('pageSize' in patch) {
            set('size', patch.pageSize === DEFAULT_PAGE_SIZE ? null : String(patch.pageSize));
          }
          // Any change other than paging starts again at page 1.
          const page = 'page' in patch ? (patch.page ?? 1) : 1;
          set('page', page === 1 ? null : String(page));
          return next;
        },
        { replace: true },
      );
    },
    [setSp],
  );

  const reset = useCallback(() => setSp(new URLSearchParams(), { replace: true }), [setSp]);

  const query: DistributorQuery = useMemo(
    () => ({
      search: params.search,
      tier: params.tier,
      status: params.status,
      province: params.territory,
      sort: params.sort,
      descending: params.descending,
      offset: (params.page - 1) * params.pageSize,
      limit: params.pageSize,
    }),
    [params],
  );

  const filtered =
    params.search.trim() !== '' ||
    params.tier !== null ||
    params.status !== null ||
    params.territory !== null;

  return { params, query, update, reset, filtered };
}
