import { describe, expect, it } from 'vitest';
import { mapLimit } from './map-limit';

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
