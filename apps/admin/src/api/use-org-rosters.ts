import { useState } from 'react';
import type { NeedSummaryView, Page, RosterView, ShiftView } from '@kindred/contracts';
import { apiClient } from '../providers/api-client';
import { fetchAllPages, mapLimit } from './fetch-all';
import { useAsyncQuery } from './use-api-query';

export interface ShiftWithRoster {
  need: NeedSummaryView;
  shift: ShiftView;
  roster: RosterView;
}

export interface OrgRostersWindow {
  /** Days before today whose shifts are included. */
  pastDays: number;
  /** Days after today whose shifts are included. */
  futureDays: number;
  /** At most this many rosters are read (nearest to now first). */
  maxShifts?: number;
}

const DAY_MS = 86_400_000;

/**
 * The rosters of an NGO's shifts around today, read need by need and shift by shift (the API has no
 * organisation-wide roster), with progress for the screen. Re-read on sign-up and hour events.
 */
export function useOrgRosters(organizationId: string | null, window: OrgRostersWindow) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const { pastDays, futureDays, maxShifts = 80 } = window;

  const query = useAsyncQuery<ShiftWithRoster[]>(
    ['org-rosters', organizationId, pastDays, futureDays, maxShifts],
    async (signal) => {
      setProgress({ done: 0, total: 0 });
      const needs = (await fetchAllPages<NeedSummaryView>('needs', { organizationId }, signal)).filter((n) => n.status !== 'draft');
      const now = Date.now();
      const from = now - pastDays * DAY_MS;
      const to = now + futureDays * DAY_MS;
      const perNeed = await mapLimit(needs, 6, async (need) => {
        const page = await apiClient.request<Page<ShiftView>>(`needs/${need.id}/shifts`, { signal });
        return page.data
          .filter((shift) => Date.parse(shift.endsAt) >= from && Date.parse(shift.startsAt) <= to)
          .map((shift) => ({ need, shift }));
      });
      const chosen = perNeed
        .flat()
        .sort((a, b) => Math.abs(Date.parse(a.shift.startsAt) - now) - Math.abs(Date.parse(b.shift.startsAt) - now))
        .slice(0, maxShifts);
      setProgress({ done: 0, total: chosen.length });
      const rosters = await mapLimit(
        chosen,
        6,
        ({ shift }) => apiClient.request<RosterView>(`shifts/${shift.id}/signups`, { signal }),
        (done, total) => setProgress({ done, total }),
      );
      setProgress(null);
      return chosen
        .map((entry, index) => ({ ...entry, roster: rosters[index] as RosterView }))
        .sort((a, b) => Date.parse(a.shift.startsAt) - Date.parse(b.shift.startsAt));
    },
    { enabled: organizationId !== null, live: ['signups', 'hour-records'] },
  );

  return { ...query, progress };
}
