import { useMemo, useState } from 'react';
import { useList } from '@refinedev/core';
import type { CoverageView, NeedSummaryView, PledgeView, ShiftView } from '@kindred/contracts';
import { useEndpointMany } from '../../api/use-endpoint';
import { ACTIVE_NEED_STATUSES } from '../../lib/dashboard-stats';

export interface ShiftWithNeed extends ShiftView {
  needTitle: string;
}

export interface WorkData {
  needs: NeedSummaryView[];
  shifts: ShiftWithNeed[];
}

export const DAY_MS = 86_400_000;

/** Needs and their shifts, with seat counts taken from the rosters of the next two weeks' shifts. */
export function useDashboardWork(organizationId: string) {
  // The two weeks are counted from when the dashboard opens.
  const [now] = useState(() => Date.now());
  const { query: needsQuery } = useList<NeedSummaryView>({
    resource: 'needs',
    filters: [{ field: 'organizationId', operator: 'eq', value: organizationId }],
    pagination: { mode: 'off' },
    successNotification: false,
    errorNotification: false,
  });
  const needs = needsQuery.data?.data;
  const active = useMemo(() => (needs ?? []).filter((n) => ACTIVE_NEED_STATUSES.includes(n.status)), [needs]);
  const shiftPages = useEndpointMany(
    'needShifts',
    active.map((n) => n.id),
    { live: ['shifts', 'signups'] },
  );
  const shifts = useMemo<ShiftWithNeed[] | undefined>(() => {
    if (!needs) return undefined;
    if (active.length === 0) return [];
    if (!shiftPages.data) return undefined;
    return active.flatMap((need) => (shiftPages.data?.get(need.id)?.data ?? []).map((shift) => ({ ...shift, needTitle: need.title })));
  }, [needs, active, shiftPages.data]);
  const soon = (shifts ?? [])
    .filter((s) => s.status === 'scheduled' && Date.parse(s.endsAt) >= now && Date.parse(s.startsAt) <= now + 14 * DAY_MS)
    .slice(0, 40)
    .map((s) => s.id);
  const rosters = useEndpointMany('roster', soon, { live: ['signups', 'shifts'] });

  const data = useMemo<WorkData | undefined>(() => {
    if (!needs || !shifts) return undefined;
    if (soon.length > 0 && !rosters.data) return undefined;
    // Fill rate over what the rosters say: the next two weeks.
    return {
      needs,
      shifts: shifts.map((s) => {
        const roster = rosters.data?.get(s.id);
        return roster ? { ...s, confirmedCount: roster.confirmedCount, waitlistCount: roster.waitlistCount } : s;
      }),
    };
  }, [needs, shifts, soon.length, rosters.data]);

  const failed = [needsQuery, shiftPages, rosters].find((q) => q.isError);
  return {
    data,
    isError: failed !== undefined,
    error: failed?.error ?? null,
    refetch: () => Promise.all([needsQuery.refetch(), shiftPages.refetch(), rosters.refetch()]),
  };
}

/** How many pledges of the organisation wait to be received. */
export function useWaitingPledges(organizationId: string) {
  const { query } = useList<PledgeView>({
    resource: 'pledges',
    filters: [
      { field: 'view', operator: 'eq', value: 'organization' },
      { field: 'organizationId', operator: 'eq', value: organizationId },
      { field: 'status', operator: 'eq', value: 'pledged' },
    ],
    pagination: { mode: 'off' },
    successNotification: false,
    errorNotification: false,
  });
  return query.data?.data.length;
}

/** The coverage of up to eight active goods needs. */
export function useGoodsCoverage(needs: readonly NeedSummaryView[] | undefined) {
  const goodsNeeds = useMemo(
    () => (needs ?? []).filter((n) => n.type === 'goods' && ACTIVE_NEED_STATUSES.includes(n.status)).slice(0, 8),
    [needs],
  );
  const coverage = useEndpointMany(
    'needCoverage',
    goodsNeeds.map((n) => n.id),
    { live: ['pledges'] },
  );
  return useMemo<Array<{ needTitle: string; coverage: CoverageView }> | undefined>(
    () =>
      coverage.data
        ? goodsNeeds.flatMap((need) => {
            const found = coverage.data?.get(need.id);
            return found ? [{ needTitle: need.title, coverage: found }] : [];
          })
        : undefined,
    [coverage.data, goodsNeeds],
  );
}
