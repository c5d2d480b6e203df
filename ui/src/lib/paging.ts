// Lists are paged by the server: a table asks for one window of rows
// (`offset`, `limit`) and shows the total the server counted.
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

import type { Paging } from '../bindings/Paging';

/** Rows per page of a list. */
export const PAGE_SIZE = 50;

/** Every row: exports and lists that are never long (one session's certificates). */
export const ALL_ROWS: Paging = { offset: 0, limit: 0 };

/** The first page, before a table says otherwise. */
export const FIRST_PAGE: Paging = { offset: 0, limit: PAGE_SIZE };

/** The page a table shows: 1 unless moved to another, ending at the last page there is. */
export function pageWithin(page: number, total: number, pageSize: number): number {
  const last = Math.max(1, Math.ceil(total / pageSize));
  return Math.min(Math.max(1, page), last);
}

/**
 * Server paging for one table. `filters` are the list's other query fields:
 * when they change, the table goes back to page 1. `pagination(total)` is the
 * table's pager (none while everything fits on one page); when a write leaves
 * fewer rows than the page shown, it moves to the last page there is.
 */
export function useServerPaging(filters: unknown, pageSize = PAGE_SIZE) {
  const key = JSON.stringify(filters);
  const [at, setAt] = useState({ key, page: 1 });
  const page = at.key === key ? at.page : 1;
  const paging: Paging = { offset: (page - 1) * pageSize, limit: pageSize };
  const pagination = (total: number | undefined): TablePaginationConfig | false => {
    if (total === undefined) return false;
    const within = pageWithin(page, total, pageSize);
    if (within !== page) setAt({ key, page: within });
    if (total <= pageSize) return false;
    return {
      current: within,
      pageSize,
      total,
      showSizeChanger: false,
      onChange: (p) => setAt({ key, page: p }),
    };
  };
  return { paging, pagination };
}
