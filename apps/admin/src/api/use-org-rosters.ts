import { useState } from 'react';
import type { OrganizationRosterEntry } from '@kindred/contracts';
import { useEndpoint } from './use-endpoint';

export type ShiftWithRoster = OrganizationRosterEntry;

export interface OrgRostersWindow {
  /** Days before today whose shifts are included. */
  pastDays: number;
  /** Days after today whose shifts are included. */
  futureDays: number;
  /** At most this many shifts (earliest first; the API allows 200). */
  maxShifts?: number;
}

const DAY_MS = 86_400_000;

/**
 * The rosters of an NGO's shifts around today, in one request (`GET /organizations/{id}/rosters`).
 * Re-read on sign-up and hour events.
 */
export function useOrgRosters(organizationId: string | null, window: OrgRostersWindow) {
  const { pastDays, futureDays, maxShifts = 200 } = window;
  // The window is fixed when the screen opens (to the minute), so live re-reads ask the same question.
  const [now] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  return useEndpoint(
    'organizationRosters',
    organizationId === null
      ? null
      : {
          params: { organizationId },
          query: {
            from: new Date(now - pastDays * DAY_MS).toISOString(),
            to: new Date(now + futureDays * DAY_MS).toISOString(),
            limit: maxShifts,
          },
        },
    { live: ['signups', 'hour-records'] },
  );
}
