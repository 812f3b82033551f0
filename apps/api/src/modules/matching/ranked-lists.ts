import { MATCHING } from './matching.config';
import { decodeRankedCursor, type RankedCursor } from './ranked-cursor';
import { MatchingErrors } from './matching.errors';

/** Needs whose shifts take sign-ups (a filled need's shifts can still waitlist). */
export const TAKING_SIGNUPS = new Set(['open', 'filled', 'in_progress']);

/**
 * A ring that cannot fill a default page is widened. The test does not depend
 * on the page size asked for, so paging with any limit ranks the same candidates.
 */
export const WIDEN_BELOW = MATCHING.page.defaultLimit;

export const roundKm = (km: number | null, step: number): number | null => (km === null ? null : Math.round(km / step) * step);

export function cursorOf(list: 'feed' | 'candidates', text: string | undefined): RankedCursor | null {
  if (!text) return null;
  const cursor = decodeRankedCursor(list, text);
  if (!cursor) throw MatchingErrors.unknownCursor();
  return cursor;
}
