// Lists follow other users' writes: the window asks the database for its
// newest audit entry every POLL_MS (one indexed `MAX(id)`, a few bytes back)
// and, when it has moved, reads every answer on screen again. After this
// window's own write it asks at once and takes the answer as seen: the write
// has already refreshed what it changed.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import { call } from './index';

export const POLL_MS = 5_000;
const KEY = ['data_version'] as const;

export function useOtherWrites() {
  const qc = useQueryClient();
  const seen = useRef<number | null>(null);
  const own = useRef(false);
  useQuery({
    queryKey: KEY,
    queryFn: async () => {
      const v = await call('data_version');
      if (seen.current !== null && v !== seen.current && !own.current) {
        // Only the answers on screen are read now; the others when next shown.
        void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== KEY[0] });
      }
      own.current = false;
      seen.current = v;
      return v;
    },
    refetchInterval: POLL_MS,
    // A window in the background asks nothing; it reads again when it comes back.
    refetchIntervalInBackground: false,
  });
  useEffect(
    () =>
      qc.getMutationCache().subscribe((e) => {
        if (e.type === 'updated' && e.action.type === 'success') {
          own.current = true;
          void qc.refetchQueries({ queryKey: KEY });
        }
      }),
    [qc],
  );
}
