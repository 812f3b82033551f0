/**
 * The matching model's knobs, all in one place: change a weight here, run
 * `npm run match:eval`, and compare precision@10 / nDCG@10 before and after.
 *
 * Every factor yields a value in [0, 1]; its contribution is weight × value,
 * rounded to one decimal, and a match's score is the sum of its contributions
 * (so the reasons always add up to the score). Weights sum to 100, so a score
 * reads as "points out of 100".
 */

import { GOODS_FACTORS, VOLUNTEER_FACTORS, type GoodsFactor, type VolunteerFactor } from '@kindred/contracts';

export { GOODS_FACTORS, VOLUNTEER_FACTORS, type GoodsFactor, type VolunteerFactor };

export const MATCHING = {
  /** Reported with every answer so a client (and the evaluation) knows which model ranked it. */
  modelVersion: '2026.1',
  /** Weekly availability slots and "this month" are Beijing wall-clock time. */
  timeZone: 'Asia/Shanghai',

  volunteer: {
    weights: {
      skills: 30,
      distance: 20,
      availability: 15,
      language: 10,
      continuity: 10,
      reliability: 10,
      load: 5,
    } satisfies Record<VolunteerFactor, number>,
    /** A need that asks for no particular skill suits anyone, but less than one that asks for exactly what you can do. */
    noSkillsRequired: 0.5,
    /** Distance decay e^(−km / scale): 2 km → 0.82, 10 km → 0.37, 30 km → 0.05. */
    distanceScaleKm: 10,
    /** Without coordinates on both sides, the GB/T 2260 codes decide. */
    regionMatch: { township: 0.8, county: 0.5, city: 0.2 },
    /** The same companion for the same child: served this very need before, or at least this organisation. */
    continuity: { sameNeed: 1, sameOrganization: 0.6 },
    /** Hours a month assumed for a volunteer who set no cap. */
    defaultMonthlyHourCap: 20,
    /**
     * Candidate generation: needs (or volunteers) within the first radius, or
     * in the same county without coordinates, are scored; when that yields
     * less than a page, the next, wider ring is tried (a sparse rural area).
     * Scanning a whole province for every request would not meet the latency
     * target, and beyond 15 km the distance factor is small (0.22) anyway.
     */
    feedRadiiKm: [15, 40],
    candidateRadiiKm: [10, 25],
    /**
     * Candidates: the eligible volunteers are first ranked by their profile
     * alone (skills, distance, language: 60 of the 100 points) and only this
     * many get their history read and the full score. In a dense city a 10 km
     * ring holds thousands of volunteers; the rest could gain at most 40 points.
     */
    candidatePool: 400,
    /**
     * Feed: the area's needs are first ranked by what the need alone says
     * (skills, distance, language, continuity: 70 points) and only this many
     * have their shifts read and fully scored; availability (15) is the only
     * shift-level factor.
     */
    feedPool: 150,
    /** Only shifts starting within this many days are suggested. */
    horizonDays: 90,
  },

  goods: {
    weights: { item: 50, quantity: 30, distance: 20 } satisfies Record<GoodsFactor, number>,
    /** The same item (after normalising the name) or an item of the same kind (synonym table). */
    item: { exact: 1, synonym: 0.8 },
    regionMatch: { township: 1, county: 0.8, city: 0.5, province: 0.2 },
    distanceScaleKm: 30,
    /** Need lines looked at per offer (nearest regions first) before exact scoring. */
    candidateLines: 1000,
  },

  page: { defaultLimit: 20, maxLimit: 200 },
} as const;

export type VolunteerWeights = typeof MATCHING.volunteer.weights;
