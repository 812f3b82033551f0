import type { AgeBand } from '@kindred/contracts';

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Today's date on the Beijing calendar, YYYY-MM-DD. */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Completed years between a birth date and a reference date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age band on the reference date: under 6, 6 to 14, 15 to 18. */
export function ageBandOn(birthDate: string, on: string): AgeBand {
  const age = ageOn(birthDate, on);
  if (age < 6) return 'under6';
  if (age <= 14) return '6to14';
  return '15to18';
}
