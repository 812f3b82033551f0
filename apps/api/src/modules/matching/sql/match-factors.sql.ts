import { MATCHING, VOLUNTEER_FACTORS, type VolunteerFactor } from '../matching.config';
import { WEEK_MINUTES } from '../weekly-time';

/**
 * The volunteer ↔ shift model as SQL, shared by the feed (one volunteer, many
 * shifts) and the candidates list (one shift, many volunteers): each side binds
 * the same factor formulas to columns on one side and parameters on the other,
 * so a pair scores the same whichever way it is looked at.
 *
 * Scoring runs in PostgreSQL so that only the page leaves the database; the
 * API turns each row's contributions into reasons (reasons.ts).
 */

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** Positional parameters with explicit casts (no implicit text → type guesses). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

const EARTH_RADIUS_KM = 6371.0088;
const V = MATCHING.volunteer;

/** A literal number for the SQL text; only ever fed from the config or validated integers. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/**
 * Great-circle distance in km (haversine), the same formula as the needs
 * search; null when either side has no coordinates (`least` ignores nulls,
 * so without the guard a missing point would come out as half the globe).
 * Always called with the need first, so both lists compute the same bits.
 */
export function distanceKmSql(needLat: string, needLng: string, volLat: string, volLng: string): string {
  return (
    `(CASE WHEN ${needLat} IS NULL OR ${volLat} IS NULL THEN NULL::float8 ELSE` +
    ` 2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(${needLat} - ${volLat}) / 2), 2)` +
    ` + cos(radians(${volLat})) * cos(radians(${needLat})) * power(sin(radians(${needLng} - ${volLng}) / 2), 2)))) END)`
  );
}

/**
 * Minutes from Monday 00:00 Beijing time to the instant, by arithmetic on the
 * epoch: Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), and
 * 1970-01-05 was a Monday. Several times cheaper per row than AT TIME ZONE.
 */
export function weekStartSql(instant: string): string {
  return `((floor(date_part('epoch', ${instant}) / 60)::bigint + 480 - 4 * 1440) % ${WEEK_MINUTES})::int`;
}

/** A shift's length in minutes, at most one week (a longer camp covers every weekly slot anyway). */
export function weekLengthSql(start: string, end: string): string {
  return `least(${WEEK_MINUTES}, (date_part('epoch', ${end}) - date_part('epoch', ${start})) / 60)`;
}

/**
 * Minutes of a shift [start, start + length) on the week line covered by one
 * weekly slot [from, to). The shift starts within the first week and lasts at
 * most a week, so the slot's copies this week and next cover every case.
 */
export function slotOverlapSql(weekStart: string, weekLength: string, from: string, to: string): string {
  const end = `(${weekStart} + ${weekLength})`;
  return (
    `greatest(0, least(${end}, ${to}) - greatest(${weekStart}, ${from}))` +
    ` + greatest(0, least(${end}, ${to} + ${WEEK_MINUTES}) - greatest(${weekStart}, ${from} + ${WEEK_MINUTES}))`
  );
}

/** SQL expressions (over the candidate row `c` and parameters) that the factor formulas read. */
export interface FactorOperands {
  requiredSkills: string;
  /** How many of the required skills the volunteer has (skill lists hold no duplicates). */
  skillOverlap: string;
  /** Distance in km, or null when either side has no coordinates. */
  distanceKm: string | null;
  needRegion: string;
  volunteerRegion: string;
  /** Sum of the slot overlaps in minutes, and the shift's length on the week line. */
  overlapMinutes: string;
  weekLength: string;
  /** Boolean: the volunteer speaks a language of the need's place or one it asks for. */
  speaksLocal: string;
  servedNeed: string;
  servedOrganization: string;
  /** In [0, 1], from engagement's reliability formula. */
  reliability: string;
  committedMinutes: string;
  capMinutes: string;
}

/** Each factor's value in [0, 1]. (exp() is capped: PostgreSQL raises an error where it would underflow.) */
export function factorValuesSql(o: FactorOperands): Record<VolunteerFactor, string> {
  const region = V.regionMatch;
  const byRegion =
    `CASE WHEN length(${o.needRegion}) = 9 AND ${o.needRegion} = ${o.volunteerRegion} THEN ${num(region.township)}` +
    ` WHEN left(${o.needRegion}, 6) = left(${o.volunteerRegion}, 6) THEN ${num(region.county)}` +
    ` WHEN left(${o.needRegion}, 4) = left(${o.volunteerRegion}, 4) THEN ${num(region.city)} ELSE 0 END`;
  return {
    skills:
      `CASE WHEN cardinality(${o.requiredSkills}) = 0 THEN ${num(V.noSkillsRequired)}` +
      ` ELSE (${o.skillOverlap})::float8 / cardinality(${o.requiredSkills}) END`,
    distance:
      o.distanceKm === null
        ? byRegion
        : `CASE WHEN ${o.distanceKm} IS NOT NULL THEN exp(-least(700, (${o.distanceKm}) / ${num(V.distanceScaleKm)})) ELSE ${byRegion} END`,
    availability: `least(1, (${o.overlapMinutes}) / ${o.weekLength})`,
    language: `CASE WHEN ${o.speaksLocal} THEN 1 ELSE 0 END`,
    continuity: `CASE WHEN ${o.servedNeed} THEN ${num(V.continuity.sameNeed)} WHEN ${o.servedOrganization} THEN ${num(V.continuity.sameOrganization)} ELSE 0 END`,
    reliability: o.reliability,
    load: `greatest(0, 1 - (${o.committedMinutes})::float8 / (${o.capMinutes}))`,
  };
}

/**
 * Adds `f_<factor>` (value), `c_<factor>` (weight × value in tenths of a
 * point, rounded to an integer) and `score` (the sum of the contributions, in
 * tenths: reasons add up to it exactly, and ties are exact) to every row of
 * `candidates`, which is visible as `c`. Other weights than the configured
 * ones are for the evaluation script only.
 *
 * `OFFSET 0` keeps each level a separate step: without it PostgreSQL folds the
 * levels together and evaluates every factor expression several times per row.
 */
export function scoredSql(
  candidates: string,
  values: Record<VolunteerFactor, string>,
  weights: Readonly<Record<VolunteerFactor, number>> = V.weights,
): string {
  return [
    `SELECT k.*, ${VOLUNTEER_FACTORS.map((f) => `k.c_${f}`).join(' + ')} AS score FROM (`,
    `  SELECT v.*, ${VOLUNTEER_FACTORS.map((f) => `round(${num(weights[f] * 10)} * v.f_${f})::int AS c_${f}`).join(', ')} FROM (`,
    `    SELECT c.*, ${VOLUNTEER_FACTORS.map((f) => `(${values[f]})::float8 AS f_${f}`).join(',\n           ')}`,
    `      FROM (${candidates} OFFSET 0) c OFFSET 0`,
    '  ) v OFFSET 0',
    ') k',
  ].join('\n');
}

/** The columns every ranked row carries back: values and contributions of each factor, and the score. */
export const FACTOR_COLUMNS = VOLUNTEER_FACTORS.flatMap((f) => [`f_${f}`, `c_${f}`]);

/** Values are floats; contributions and the score are integers in tenths of a point. */
export interface FactorRow {
  score: number;
  f_skills: number;
  f_distance: number;
  f_availability: number;
  f_language: number;
  f_continuity: number;
  f_reliability: number;
  f_load: number;
  c_skills: number;
  c_distance: number;
  c_availability: number;
  c_language: number;
  c_continuity: number;
  c_reliability: number;
  c_load: number;
}
