import { useMemo } from 'react';
import { useMany } from '@refinedev/core';
import type { NeedView } from '@kindred/contracts';

/** Titles (and organisation names) of the needs a volunteer's shifts and hours refer to; the API's rows carry only ids. */
export function useNeedsById(needIds: readonly string[]) {
  const ids = useMemo(() => [...new Set(needIds)].sort(), [needIds]);
  const { result } = useMany<NeedView>({ resource: 'needs', ids, queryOptions: { enabled: ids.length > 0 } });
  return useMemo(() => new Map((result.data ?? []).map((need) => [need.id, need])), [result.data]);
}
