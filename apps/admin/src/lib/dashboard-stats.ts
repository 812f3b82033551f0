import type { CoverageView, NeedStatus, NeedSummaryView, NeedType, ShiftView } from '@kindred/contracts';
import { minutesToHours } from '../i18n/formatters';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** "YYYY-MM-DD" of an instant in Beijing time, the zone the NGOs work in. */
export function beijingDay(value: Date | string | number): string {
  return new Date(new Date(value).getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM" of an instant in Beijing time. */
export function beijingMonth(value: Date | string | number): string {
  return beijingDay(value).slice(0, 7);
}

/** Statuses in which a need's shifts still take sign-ups or are running. */
export const ACTIVE_NEED_STATUSES: readonly NeedStatus[] = ['open', 'filled', 'in_progress'];

export function countByStatus(needs: readonly Pick<NeedSummaryView, 'status'>[], status: NeedStatus): number {
  return needs.filter((need) => need.status === status).length;
}

/**
 * Seats taken over seats offered, over scheduled shifts that have not ended: 0…1, or null when
 * nothing is offered (a dash reads better than 0 %).
 */
export function fillRate(shifts: readonly ShiftView[], now: number = Date.now()): number | null {
  let capacity = 0;
  let taken = 0;
  for (const shift of shifts) {
    if (shift.status !== 'scheduled' || Date.parse(shift.endsAt) < now) continue;
    capacity += shift.capacity;
    taken += Math.min(shift.confirmedCount, shift.capacity);
  }
  return capacity === 0 ? null : taken / capacity;
}

/** Scheduled shifts starting today (Beijing time), earliest first. */
export function todaysShifts<T extends Pick<ShiftView, 'startsAt' | 'status'>>(shifts: readonly T[], now: number = Date.now()): T[] {
  const today = beijingDay(now);
  return shifts
    .filter((shift) => shift.status === 'scheduled' && beijingDay(shift.startsAt) === today)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** Needs per type, most first (ties by type for a stable chart), cancelled and draft needs left out. */
export function needsByType(needs: readonly Pick<NeedSummaryView, 'type' | 'status'>[]): Array<{ type: NeedType; count: number }> {
  const counts = new Map<NeedType, number>();
  for (const need of needs) {
    if (need.status === 'cancelled' || need.status === 'draft') continue;
    counts.set(need.type, (counts.get(need.type) ?? 0) + 1);
  }
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

export interface GoodsCoverageRow {
  key: string;
  needTitle: string;
  label: string;
  unit: string;
  needed: number;
  pledged: number;
  received: number;
  used: number;
}

/** One bar per goods line of the given needs' coverage. */
export function goodsCoverageRows(coverages: ReadonlyArray<{ needTitle: string; coverage: CoverageView }>, limit = 12): GoodsCoverageRow[] {
  return coverages
    .flatMap(({ needTitle, coverage }) =>
      coverage.items.map((item) => ({
        key: `${coverage.needId}:${item.itemId}`,
        needTitle,
        label: item.name,
        unit: item.unit,
        needed: item.needed,
        pledged: item.pledged,
        received: item.received,
        used: item.used,
      })),
    )
    .slice(0, limit);
}

/** The last `months` months (Beijing time) ending with the current one, with verified hours (0 when none). */
export function monthlyHours(
  byMonth: ReadonlyArray<{ month: string; minutes: number }>,
  months = 12,
  now: number = Date.now(),
): Array<{ month: string; hours: number }> {
  const minutes = new Map(byMonth.map((m) => [m.month, m.minutes]));
  const [year, month] = beijingMonth(now).split('-').map(Number) as [number, number];
  const series: Array<{ month: string; hours: number }> = [];
  for (let i = months - 1; i >= 0; i -= 1) {
    const index = year * 12 + (month - 1) - i;
    const key = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    series.push({ month: key, hours: minutesToHours(minutes.get(key) ?? 0) });
  }
  return series;
}
