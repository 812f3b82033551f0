/** The path volunteers open (by scanning the QR code) to check in. */
export const CHECK_IN_PATH = '/volunteer/check-in';

/** The URL the coordinator's QR code encodes: the volunteer's phone opens it and checks in. */
export function checkInUrl(origin: string, shiftId: string, token: string): string {
  const params = new URLSearchParams({ shift: shiftId, code: token });
  return `${origin.replace(/\/+$/, '')}${CHECK_IN_PATH}?${params.toString()}`;
}

export interface CheckInParams {
  shiftId: string | null;
  code: string | null;
}

/** `?shift=…&code=…` of a scanned URL; a code is only taken when it is six digits. */
export function parseCheckInParams(search: string): CheckInParams {
  const params = new URLSearchParams(search);
  const shiftId = params.get('shift')?.trim() || null;
  const code = normalizeCode(params.get('code') ?? '');
  return { shiftId, code: isCompleteCode(code) ? code : null };
}

/** Keeps the digits of what was typed ("123 456", full-width digits) and at most six of them. */
export function normalizeCode(input: string): string {
  return input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\D/g, '')
    .slice(0, 6);
}

export function isCompleteCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** "123456" → "123 456", easier to read from across a room. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/**
 * When to fetch the next code: a little before `expiresAt` so the screen never shows a dead code,
 * never sooner than `minMs` (no request storm on a skewed clock) and never later than `maxMs`.
 */
export function nextRefreshDelay(
  expiresAt: string,
  now: number = Date.now(),
  { leadMs = 10_000, minMs = 2_000, maxMs = 30_000 } = {},
): number {
  const expires = Date.parse(expiresAt);
  if (!Number.isFinite(expires)) return minMs;
  return Math.min(maxMs, Math.max(minMs, expires - now - leadMs));
}
