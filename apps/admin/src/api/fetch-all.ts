import type { Page } from '@kindred/contracts';
import { apiClient, type QueryValue } from '../providers/api-client';

const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** Every row of a cursor list (bounded), for aggregates such as the dashboard counters. */
export async function fetchAllPages<T>(path: string, query: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const page: Page<T> | T[] = await apiClient.request<Page<T> | T[]>(path, { query: { ...query, limit: PAGE_SIZE, cursor }, signal });
    if (Array.isArray(page)) return [...rows, ...page];
    rows.push(...page.data);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return rows;
}

/**
 * Runs `task` over `items` with at most `limit` in flight, reporting progress after each one;
 * results keep the order of `items`. A failing task fails the whole run.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  onProgress?: (done: number, total: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T, index);
      done += 1;
      onProgress?.(done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
