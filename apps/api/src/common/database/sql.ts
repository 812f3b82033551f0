import type { EntityManager } from 'typeorm';

/**
 * Runs a statement and answers its rows. TypeORM answers UPDATE and DELETE
 * as `[rows, affectedCount]` but SELECT and INSERT as `rows`; this hides the
 * difference so `UPDATE … RETURNING` reads like a query.
 */
export async function rowsOf<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
