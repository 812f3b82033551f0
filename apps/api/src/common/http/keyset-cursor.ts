import { DomainError } from '../errors/domain-error';

/** A keyset position in a list ordered by a timestamp and then an id: the last row of the page before. */
export interface KeysetPosition {
  at: string;
  id: string;
}

/** The opaque `nextCursor` of a page whose last row is at `at` with `id`. */
export const encodeKeyset = (at: Date, id: string): string => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

/** Reads a cursor this API gave out; anything else is a 400 naming `cursor`. */
export function decodeKeyset(cursor: string | undefined | null): KeysetPosition | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw new Error('not a keyset cursor');
    return { at, id };
  } catch {
    throw DomainError.validation([{ field: 'cursor', message: 'is not a cursor this list gave out', code: 'invalid_format' }]);
  }
}
