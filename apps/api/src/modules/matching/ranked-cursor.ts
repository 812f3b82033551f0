/**
 * Keyset cursor for a ranked list: the last row's score (integer tenths) and
 * its tie-breakers, times printed by PostgreSQL with microseconds, so the
 * next page starts exactly after the last row.
 */
export interface RankedCursor {
  score: string;
  /** The second sort key: a shift's start time (feed) or empty (candidates rank by score, then user id). */
  key: string;
  id: string;
  /** Which candidate ring (MATCHING.volunteer.*RadiiKm) the first page used: every page ranks the same candidates. */
  ring: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The score in tenths of a point (0 … 1000). */
const SCORE = /^\d{1,4}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeRankedCursor(list: 'feed' | 'candidates', cursor: RankedCursor): string {
  return Buffer.from(JSON.stringify([list, cursor.score, cursor.key, cursor.id, cursor.ring])).toString('base64url');
}

/** Null when the text is not a cursor this list gave out. */
export function decodeRankedCursor(list: 'feed' | 'candidates', text: string): RankedCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 5) return null;
    const [l, score, key, id, ring] = parsed as unknown[];
    if (l !== list || typeof score !== 'string' || typeof key !== 'string' || typeof id !== 'string') return null;
    if (typeof ring !== 'number' || !Number.isInteger(ring) || ring < 0 || ring > 9) return null;
    if (!SCORE.test(score) || !UUID.test(id)) return null;
    if (list === 'feed' ? !TIME.test(key) : key !== '') return null;
    return { score, key, id, ring };
  } catch {
    return null;
  }
}
