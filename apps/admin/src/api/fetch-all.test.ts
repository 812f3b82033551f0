import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../providers/test-support';
import { fetchAllPages, mapLimit } from './fetch-all';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('mapLimit', () => {
  it('should keep the order of the items, never run more than the limit at once, and report progress', async () => {
    let running = 0;
    let peak = 0;
    const progress: string[] = [];
    const results = await mapLimit(
      [30, 10, 20, 5],
      2,
      async (ms, index) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, ms));
        running -= 1;
        return index * 10;
      },
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(results).toEqual([0, 10, 20, 30]);
    expect(peak).toBe(2);
    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(await mapLimit([], 3, async () => 1)).toEqual([]);
  });
});

describe('fetchAllPages', () => {
  it('should follow the cursor to the last page, and take a bare array as one page', async () => {
    const { calls } = stubFetch((call) =>
      call.url.includes('cursor=c2')
        ? json(200, { data: [{ id: 3 }], nextCursor: null })
        : json(200, { data: [{ id: 1 }, { id: 2 }], nextCursor: 'c2' }),
    );
    expect(await fetchAllPages<{ id: number }>('needs', { organizationId: 'o1' })).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/needs?organizationId=o1&limit=100',
      '/api/v1/needs?organizationId=o1&limit=100&cursor=c2',
    ]);

    stubFetch(() => json(200, [{ id: 9 }]));
    expect(await fetchAllPages('me/shifts')).toEqual([{ id: 9 }]);
  });
});
