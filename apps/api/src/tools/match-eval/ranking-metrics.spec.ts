import { mean, ndcgAtK, precisionAtK } from './ranking-metrics';

const grades = new Map([
  ['a', 3],
  ['b', 2],
  ['c', 1],
]);

describe('ranking metrics', () => {
  it('should count relevant items among the first k, gaps included', () => {
    expect(precisionAtK(['a', 'x', 'b', 'y'], grades, 4)).toBe(0.5);
    expect(precisionAtK(['a'], grades, 10)).toBe(0.1);
  });

  it('should give nDCG 1 for the ideal order and less for a worse one', () => {
    expect(ndcgAtK(['a', 'b', 'c'], grades, 10)).toBeCloseTo(1, 10);
    expect(ndcgAtK(['c', 'b', 'a'], grades, 10)).toBeLessThan(1);
    expect(ndcgAtK(['x', 'a', 'b', 'c'], grades, 10)).toBeLessThan(ndcgAtK(['a', 'b', 'c', 'x'], grades, 10));
    // DCG of (c, b, a) = 1/1 + 3/log2(3) + 7/2; ideal = 7 + 3/log2(3) + 1/2.
    expect(ndcgAtK(['c', 'b', 'a'], grades, 10)).toBeCloseTo((1 + 3 / Math.log2(3) + 7 / 2) / (7 + 3 / Math.log2(3) + 1 / 2), 10);
    expect(ndcgAtK([], new Map(), 10)).toBe(0);
    expect(mean([0.5, 1])).toBe(0.75);
  });
});
