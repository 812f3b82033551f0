/** Minutes after the shift's own length that still count (running late, tidying up). */
export const CHECK_OUT_GRACE_MINUTES = 30;
/** Check-in opens this long before the shift starts. */
export const CHECK_IN_OPENS_MINUTES = 30;

export interface ShiftTimes {
  startsAt: Date;
  endsAt: Date;
}

export function shiftMinutes(shift: ShiftTimes): number {
  return Math.max(0, Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000));
}

/** Whether a check-in at `at` falls in the window around the shift (from shortly before it starts until it ends). */
export function checkInOpen(shift: ShiftTimes, at: Date): boolean {
  return at.getTime() >= shift.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000 && at.getTime() <= shift.endsAt.getTime();
}

/**
 * Minutes worked from check-in to check-out, never counting time before the
 * shift starts and capped at the shift's length plus a grace.
 */
export function workedMinutes(shift: ShiftTimes, checkedInAt: Date, checkedOutAt: Date): { minutes: number; capped: boolean } {
  const from = Math.max(checkedInAt.getTime(), shift.startsAt.getTime());
  const raw = Math.max(0, Math.floor((checkedOutAt.getTime() - from) / 60_000));
  const cap = shiftMinutes(shift) + CHECK_OUT_GRACE_MINUTES;
  return raw > cap ? { minutes: cap, capped: true } : { minutes: raw, capped: false };
}

/** When an attendance still open is closed automatically (and flagged for the coordinator). */
export function autoCloseAt(shift: ShiftTimes): Date {
  return new Date(shift.endsAt.getTime() + CHECK_OUT_GRACE_MINUTES * 60_000);
}

export interface ReliabilityInput {
  attended: number;
  noShows: number;
  lateCancellations: number;
}

/**
 * Share of commitments kept, smoothed towards a neutral prior so one missed
 * shift does not brand a newcomer: (attended + 2) / (attended + noShows + ½·late + 2.5).
 */
export function reliability({ attended, noShows, lateCancellations }: ReliabilityInput): number {
  const score = (attended + 2) / (attended + noShows + 0.5 * lateCancellations + 2.5);
  return Math.round(Math.min(1, score) * 1000) / 1000;
}
