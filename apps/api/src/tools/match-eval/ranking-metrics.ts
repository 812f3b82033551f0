/**
 * Ranking quality against planted ground truth. `grades` holds the
 * relevance of the items that matter (3 best … 1 acceptable); anything else
 * ranked counts as irrelevant.
 */

/** Share of the first k ranked items that are relevant (grade > 0); a list shorter than k counts its gaps as misses. */
export function precisionAtK(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  return ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length / k;
}

const gain = (grade: number): number => 2 ** grade - 1;
const discount = (index: number): number => Math.log2(index + 2);

/** Normalised discounted cumulative gain at k (exponential gain), 1 when the best items come first in the best order. */
export function ndcgAtK(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(grades.get(id) ?? 0) / discount(i), 0);
  const ideal = [...grades.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + gain(g) / discount(i), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

export const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
