import { createHmac, timingSafeEqual } from 'node:crypto';

/** A code lives for one window; the previous window's code is still taken, so a scan at the boundary works. */
export const CODE_WINDOW_SECONDS = 60;

/**
 * Wrong codes a volunteer may type for one shift before check-in by code is
 * locked for them. Two windows' codes are valid at a time, so each guess wins
 * with 1 in 500 000; five guesses leave 1 in 100 000 per lock period.
 */
export const CHECK_IN_MAX_WRONG = 5;
/** How long the lock lasts; a coordinator can still check the volunteer in by hand. */
export const CHECK_IN_LOCK_SECONDS = 15 * 60;

function codeFor(secret: Buffer, shiftId: string, window: number): string {
  const digest = createHmac('sha256', secret).update(`${shiftId}:${window}`).digest();
  // Dynamic truncation as in HOTP (RFC 4226): six digits a volunteer can type.
  const offset = digest[digest.length - 1] & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

/** Rotating six-digit check-in codes per shift, signed with a server secret. */
export class CheckInCodes {
  constructor(private readonly secret: Buffer) {}

  current(shiftId: string, now = Date.now()): { token: string; expiresAt: Date } {
    const window = Math.floor(now / 1000 / CODE_WINDOW_SECONDS);
    return { token: codeFor(this.secret, shiftId, window), expiresAt: new Date((window + 2) * CODE_WINDOW_SECONDS * 1000) };
  }

  verify(shiftId: string, token: string, now = Date.now()): boolean {
    if (!/^\d{6}$/.test(token)) return false;
    const window = Math.floor(now / 1000 / CODE_WINDOW_SECONDS);
    return [window, window - 1].some((w) => timingSafeEqual(Buffer.from(codeFor(this.secret, shiftId, w)), Buffer.from(token)));
  }
}
