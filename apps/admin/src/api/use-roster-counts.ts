import type { RosterView, ShiftView } from '@kindred/contracts';
import { apiClient } from '../providers/api-client';
import { mapLimit } from './fetch-all';
import { useAsyncQuery } from './use-api-query';

export type SeatCounts = Pick<RosterView, 'confirmedCount' | 'waitlistCount' | 'capacity'>;

/**
 * Seat counts from the rosters (the engagement context's own numbers), for coordinators: the shift
 * views of the needs context do not follow sign-ups. At most `max` shifts, re-read on sign-up events.
 */
export function useRosterCounts(shifts: readonly Pick<ShiftView, 'id'>[] | undefined, { max = 40, enabled = true } = {}) {
  const ids = (shifts ?? []).slice(0, max).map((s) => s.id);
  const query = useAsyncQuery<Record<string, SeatCounts>>(
    ['roster-counts', ids],
    async (signal) => {
      const rosters = await mapLimit(ids, 6, (id) => apiClient.request<RosterView>(`shifts/${id}/signups`, { signal }));
      return Object.fromEntries(
        rosters.map((r) => [r.shiftId, { confirmedCount: r.confirmedCount, waitlistCount: r.waitlistCount, capacity: r.capacity }]),
      );
    },
    { enabled: enabled && ids.length > 0, live: ['signups', 'shifts'] },
  );
  return query.data ?? {};
}

/** The shift with the roster's counts when known. */
export function withCounts<T extends ShiftView>(shift: T, counts: Record<string, SeatCounts>): T {
  const known = counts[shift.id];
  return known ? { ...shift, confirmedCount: known.confirmedCount, waitlistCount: known.waitlistCount } : shift;
}
