import type { SafeguardingResult, SafeguardingStatus } from '@kindred/contracts';

/** Art. 62 asks for a yearly re-check: no check counts for longer than 12 months after its query date. */
export const MAX_VALIDITY_MONTHS = 12;

/** Calendar months later, clamped to the month's last day (31 March + 12 months = 31 March; 29 Feb + 12 = 28 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/**
 * The latest moment a check queried at `queriedAt` may be valid until: 12
 * calendar months later on the Beijing calendar, the same rule as the
 * table's CHECK constraint (which converts through Asia/Shanghai).
 */
export function latestExpiry(queriedAt: Date): Date {
  return new Date(addMonths(new Date(queriedAt.getTime() + BEIJING_OFFSET_MS), MAX_VALIDITY_MONTHS).getTime() - BEIJING_OFFSET_MS);
}

export interface CheckOutcome {
  result: SafeguardingResult;
  expiresAt: Date;
  liftedAt: Date | null;
}

export interface Standing {
  status: SafeguardingStatus;
  validUntil: Date | null;
}

/**
 * A volunteer's standing at `at`: `blocked` while any `flagged` is not
 * lifted (whatever else is on file); `valid` with a clear check whose expiry
 * is not before `at`; `expired` when only older clear checks exist; else `none`.
 */
export function standingAt(checks: readonly CheckOutcome[], at: Date): Standing {
  if (checks.some((c) => c.result === 'flagged' && c.liftedAt === null)) return { status: 'blocked', validUntil: null };
  const clear = checks.filter((c) => c.result === 'clear');
  const valid = clear.filter((c) => c.expiresAt.getTime() >= at.getTime());
  if (valid.length > 0) return { status: 'valid', validUntil: new Date(Math.max(...valid.map((c) => c.expiresAt.getTime()))) };
  return { status: clear.length > 0 ? 'expired' : 'none', validUntil: null };
}
