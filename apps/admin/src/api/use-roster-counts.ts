import type { RosterView, ShiftView } from '@kindred/contracts';
import { useMemo } from 'react';
import { useEndpointMany } from './use-endpoint';

export type SeatCounts = Pick<RosterView, 'confirmedCount' | 'waitlistCount' | 'capacity'>;

/**
 * Seat counts from the rosters (the engagement context's own numbers), for coordinators: the shift
 * views of the needs context do not follow sign-ups. At most `max` shifts, re-read on sign-up events.
 */
export function useRosterCounts(shifts: readonly Pick<ShiftView, 'id'>[] | undefined, { max = 40, enabled = true } = {}) {
  const ids = (shifts ?? []).slice(0, max).map((s) => s.id);
  const rosters = useEndpointMany('roster', ids, { enabled, live: ['signups', 'shifts'] }).data;
  return useMemo<Record<string, SeatCounts>>(
    () =>
      Object.fromEntries(
        [...(rosters?.values() ?? [])].map((r) => [r.shiftId, { confirmedCount: r.confirmedCount, waitlistCount: r.waitlistCount, capacity: r.capacity }]),
      ),
    [rosters],
  );
}

/** The shift with the roster's counts when known. */
export function withCounts<T extends ShiftView>(shift: T, counts: Record<string, SeatCounts>): T {
  const known = counts[shift.id];
  return known ? { ...shift, confirmedCount: known.confirmedCount, waitlistCount: known.waitlistCount } : shift;
}
