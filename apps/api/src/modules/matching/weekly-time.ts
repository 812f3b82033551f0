import type { AvailabilitySlot } from '@kindred/contracts';

/** Minutes in a week: availability repeats weekly, so times are placed on a Monday-00:00-based week line. */
export const WEEK_MINUTES = 7 * 1440;

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

export interface WeekInterval {
  /** Minutes since Monday 00:00 Beijing time. */
  from: number;
  to: number;
}

/** "HH:mm" → minutes since midnight; "24:00" is the end of the day. */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * A volunteer's weekly slots on the week line, in the order given. They are
 * not merged: the SQL for candidates reads the same slots straight from the
 * profile's JSON and must compute exactly the same overlap (it caps the
 * share at 100 %, which is all a duplicate slot could change).
 */
export function weeklyIntervals(slots: readonly AvailabilitySlot[]): WeekInterval[] {
  return slots.map((s) => ({ from: (s.weekday - 1) * 1440 + minutesOfDay(s.from), to: (s.weekday - 1) * 1440 + minutesOfDay(s.to) }));
}

/** The Beijing calendar month containing `now`, as instants: load counts the hours of this month. */
export function beijingMonth(now: Date): { start: Date; end: Date } {
  const local = new Date(now.getTime() + BEIJING_OFFSET_MS);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - BEIJING_OFFSET_MS;
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - BEIJING_OFFSET_MS;
  return { start: new Date(start), end: new Date(end) };
}
