import { boundingBox } from '../../needs';
import { areaPrefix } from './feed.sql';
import { aliasesOf, needLanguages } from '../local-languages';
import {
  distanceKmSql,
  factorValuesSql,
  num,
  scoredSql,
  slotOverlapSql,
  SqlParams,
  weekLengthSql,
  weekStartSql,
  type FactorRow,
  type SqlQuery,
} from './match-factors.sql';
import { MATCHING, VOLUNTEER_FACTORS } from '../matching.config';
import type { RankedCursor } from '../ranked-cursor';
import { beijingMonth } from '../weekly-time';

/** The shift volunteers are ranked for, with its need's rules and place. */
export interface CandidatesTarget {
  needId: string;
  orgId: string;
  regionCode: string;
  location: { lat: number; lng: number } | null;
  requiredSkills: readonly string[];
  childContact: boolean;
  minAge: number | null;
  shift: { id: string; startsAt: Date; endsAt: Date };
}

export interface CandidatesOptions {
  now: Date;
  /** The code of conduct in force (child-contact work needs it accepted); null when none is. */
  codeOfConductVersion: string | null;
  /** The candidate radius: the first ring of the config unless the feed or candidates service widens it. */
  radiusKm?: number;
  limit: number;
  after: RankedCursor | null;
}

export interface CandidateRow extends FactorRow {
  user_id: string;
  volunteer_number: string;
  region_code: string;
  languages: string[];
  distance_km: number | null;
  need_minutes: number;
  org_minutes: number;
  reliability: number;
  committed_minutes: number;
  cap_minutes: number;
  matched_skills: string[];
}

/** The smallest code above every code that starts with `prefix` (digits only). */
function prefixEnd(prefix: string): string {
  return String(Number(prefix) + 1).padStart(prefix.length, '0');
}

/**
 * Candidates as one statement: volunteers near the need (within the
 * candidate radius, or in its county without coordinates), minus every hard
 * filter, scored by the same factor formulas as the feed
 * (match-factors.sql.ts), ordered by score then user id. Two stages: the best
 * `candidatePool` by their profile alone, then history and the full score.
 *
 * It reads the volunteers context's profiles and safeguarding checks and the
 * engagement context's sign-ups, seats and hour records directly: ranking
 * thousands of volunteers through per-volunteer service calls would take
 * seconds, so this read-only statement (in candidate-generation.repository.ts)
 * is the one place matching looks at their tables. The rules it applies are
 * theirs: eligibility as in engagement/eligibility.ts and
 * volunteers/safeguarding.policy.ts, reliability as in engagement/hours.policy.ts.
 */
export function buildCandidatesQuery(target: CandidatesTarget, options: CandidatesOptions): SqlQuery {
  const p = new SqlParams();
  const shiftStart = p.add(target.shift.startsAt.toISOString(), 'timestamptz');
  const shiftEnd = p.add(target.shift.endsAt.toISOString(), 'timestamptz');
  const shiftId = p.add(target.shift.id, 'uuid');

  const where: string[] = [];
  // Candidate area as in the feed: within the radius, plus the county's volunteers without coordinates
  // (all of the county's when the need has none). A range on ix_volunteer_profiles_region stands for the prefix.
  const prefix = areaPrefix(target.regionCode);
  const county = `(p.region_code >= ${p.add(prefix, 'varchar')} AND p.region_code < ${p.add(prefixEnd(prefix), 'varchar')})`;
  const area: string[] = [];
  let distance: string | null = null;
  if (target.location) {
    const { lat, lng } = target.location;
    const radius = options.radiusKm ?? MATCHING.volunteer.candidateRadiiKm[0];
    const box = boundingBox(lat, lng, radius);
    distance = distanceKmSql(p.add(lat, 'float8'), p.add(lng, 'float8'), 'p.lat', 'p.lng');
    area.push(
      `(p.lat BETWEEN ${p.add(box.minLat, 'float8')} AND ${p.add(box.maxLat, 'float8')} AND p.lng BETWEEN ${p.add(box.minLng, 'float8')} AND ${p.add(box.maxLng, 'float8')}` +
        ` AND ${distance} <= ${p.add(radius, 'float8')})`,
    );
    area.push(`(p.lat IS NULL AND ${county})`);
  } else {
    area.push(county);
  }
  where.push(`(${area.join(' OR ')})`);
  if (target.childContact) {
    where.push(
      options.codeOfConductVersion ? `p.code_of_conduct_version_accepted = ${p.add(options.codeOfConductVersion, 'varchar')}` : 'false',
    );
    where.push(
      `EXISTS (SELECT 1 FROM safeguarding_checks sc WHERE sc.volunteer_user_id = p.user_id AND sc.result = 'clear' AND sc.expires_at >= ${shiftEnd})`,
    );
    where.push(
      `NOT EXISTS (SELECT 1 FROM safeguarding_checks sc WHERE sc.volunteer_user_id = p.user_id AND sc.result = 'flagged' AND sc.lifted_at IS NULL)`,
    );
  }
  if (target.minAge !== null) {
    where.push(
      `p.birth_date IS NOT NULL AND extract(year FROM age((${shiftStart} AT TIME ZONE 'UTC')::date, p.birth_date)) >= ${p.add(target.minAge, 'int')}`,
    );
  }
  where.push(
    `NOT EXISTS (SELECT 1 FROM signups g WHERE g.shift_id = ${shiftId} AND g.user_id = p.user_id AND g.status IN ('confirmed', 'waitlisted'))`,
  );
  where.push(
    'NOT EXISTS (SELECT 1 FROM signups g JOIN shift_occupancy ss ON ss.shift_id = g.shift_id' +
      ` WHERE g.user_id = p.user_id AND g.status = 'confirmed' AND ss.starts_at < ${shiftEnd} AND ${shiftStart} < ss.ends_at)`,
  );

  const month = beijingMonth(options.now);
  const monthStart = p.add(month.start.toISOString(), 'timestamptz');
  const monthEnd = p.add(month.end.toISOString(), 'timestamptz');
  const needId = p.add(target.needId, 'uuid');
  const orgId = p.add(target.orgId, 'uuid');
  const defaultCap = num(MATCHING.volunteer.defaultMonthlyHourCap);

  const requiredSkills = [...new Set(target.requiredSkills)];
  const required = p.add(requiredSkills, 'text[]');
  const aliases = aliasesOf(needLanguages(target.regionCode, requiredSkills));
  const aliasList = aliases.length > 0 ? p.add(aliases, 'text[]') : null;
  const needRegion = p.add(target.regionCode, 'varchar');
  const slotMinutes = (field: 'from' | 'to'): string =>
    `split_part(e->>'${field}', ':', 1)::int * 60 + split_part(e->>'${field}', ':', 2)::int`;
  /** The factor formulas over a volunteer row `r` (the profile `p`, or a pooled candidate `c`). */
  const valuesOver = (r: 'p' | 'c', distanceKm: string | null): ReturnType<typeof factorValuesSql> =>
    factorValuesSql({
      requiredSkills: required,
      // |required ∩ held| as one containment test per required skill (see feed.sql.ts).
      skillOverlap:
        requiredSkills.length > 0
          ? requiredSkills.map((skill) => `(CASE WHEN ${r}.skills @> ARRAY[${p.add(skill, 'text')}] THEN 1 ELSE 0 END)`).join(' + ')
          : '0',
      distanceKm,
      needRegion,
      volunteerRegion: `${r}.region_code`,
      overlapMinutes:
        `(SELECT COALESCE(sum(${slotOverlapSql(`${r}.week_start`, `${r}.week_length`, 'sl.f', 'sl.t')}), 0)` +
        ` FROM (SELECT ((e->>'weekday')::int - 1) * 1440 + ${slotMinutes('from')} AS f, ((e->>'weekday')::int - 1) * 1440 + ${slotMinutes('to')} AS t` +
        ` FROM jsonb_array_elements(${r}.availability) AS e) sl)`,
      weekLength: `${r}.week_length`,
      speaksLocal: aliasList ? `EXISTS (SELECT 1 FROM unnest(${r}.languages) AS l(name) WHERE btrim(l.name) = ANY(${aliasList}))` : 'false',
      servedNeed: `${r}.need_minutes > 0`,
      servedOrganization: `${r}.org_minutes > 0`,
      reliability: `${r}.reliability`,
      committedMinutes: `${r}.committed_minutes`,
      capMinutes: `${r}.cap_minutes`,
    });
  // First stage: rank the eligible volunteers by what their profile alone says (skills, distance, language: 60
  // of the 100 points) and keep the best `pool`; only those get the per-volunteer history and the full score.
  const profileOnly = valuesOver('p', distance);
  const weights = MATCHING.volunteer.weights;
  const preScore = (['skills', 'distance', 'language'] as const).map((f) => `${num(weights[f])} * (${profileOnly[f]})`).join(' + ');

  const pool = [
    'SELECT p.user_id, p.volunteer_number, p.region_code, p.skills, p.languages, p.availability, p.monthly_hour_cap,',
    `       ${distance ?? 'NULL::float8'} AS distance_km`,
    '  FROM volunteer_profiles p',
    ` WHERE ${where.join('\n   AND ')}`,
    ` ORDER BY ${preScore} DESC, p.user_id`,
    ` LIMIT ${p.add(MATCHING.volunteer.candidatePool, 'int')}`,
  ].join('\n');

  // Per-volunteer history, for the candidates only (engagement's own formulas, see hours.policy.ts).
  const ctes = [
    `pool AS (${pool})`,
    `attendance AS (SELECT g.user_id, count(*) FILTER (WHERE g.status = 'completed') AS attended, count(*) FILTER (WHERE g.status = 'no_show') AS no_shows,
                           count(*) FILTER (WHERE g.status = 'cancelled' AND g.late_cancellation) AS late
                      FROM signups g WHERE g.user_id IN (SELECT user_id FROM pool) GROUP BY g.user_id)`,
    `served AS (SELECT h.user_id, COALESCE(sum(h.minutes) FILTER (WHERE h.need_id = ${needId}), 0) AS need_minutes, sum(h.minutes) AS org_minutes
                  FROM hour_records h WHERE h.org_id = ${orgId} AND h.status = 'verified' GROUP BY h.user_id)`,
    `month_hours AS (SELECT h.user_id, sum(h.minutes) AS minutes FROM hour_records h
                      WHERE h.user_id IN (SELECT user_id FROM pool) AND h.status IN ('verified', 'pending')
                        AND h.served_on >= ${monthStart} AND h.served_on < ${monthEnd} GROUP BY h.user_id)`,
    `month_booked AS (SELECT g.user_id, sum(extract(epoch FROM ss.ends_at - ss.starts_at) / 60) AS minutes
                        FROM signups g JOIN shift_occupancy ss ON ss.shift_id = g.shift_id
                       WHERE g.user_id IN (SELECT user_id FROM pool) AND g.status = 'confirmed'
                         AND ss.starts_at >= ${monthStart} AND ss.starts_at < ${monthEnd} GROUP BY g.user_id)`,
    `shift_window AS (SELECT ${weekStartSql(shiftStart)} AS week_start, ${weekLengthSql(shiftStart, shiftEnd)} AS week_length)`,
  ];

  const candidates = [
    'SELECT pool.*, w.week_start, w.week_length,',
    '       COALESCE(sv.need_minutes, 0)::float8 AS need_minutes, COALESCE(sv.org_minutes, 0)::float8 AS org_minutes,',
    '       round(least(1, (COALESCE(a.attended, 0) + 2)::numeric',
    '         / (COALESCE(a.attended, 0) + COALESCE(a.no_shows, 0) + 0.5 * COALESCE(a.late, 0) + 2.5)), 3)::float8 AS reliability,',
    '       (COALESCE(mh.minutes, 0) + COALESCE(mb.minutes, 0))::float8 AS committed_minutes,',
    `       (COALESCE(pool.monthly_hour_cap, ${defaultCap}) * 60)::float8 AS cap_minutes`,
    '  FROM pool CROSS JOIN shift_window w',
    '  LEFT JOIN attendance a ON a.user_id = pool.user_id',
    '  LEFT JOIN served sv ON sv.user_id = pool.user_id',
    '  LEFT JOIN month_hours mh ON mh.user_id = pool.user_id',
    '  LEFT JOIN month_booked mb ON mb.user_id = pool.user_id',
  ].join('\n');

  const values = valuesOver('c', distance ? 'c.distance_km' : null);

  let after = '';
  if (options.after) {
    const score = p.add(Number(options.after.score), 'int');
    const id = p.add(options.after.id, 'uuid');
    after = ` WHERE (ranked.score < ${score} OR (ranked.score = ${score} AND ranked.user_id > ${id}))`;
  }
  const text = [
    `WITH ${ctes.join(',\n')}`,
    'SELECT r.user_id, r.volunteer_number, r.region_code, r.languages, r.distance_km, r.need_minutes, r.org_minutes, r.reliability,',
    '       r.committed_minutes, r.cap_minutes, r.score,',
    `       ${VOLUNTEER_FACTORS.map((f) => `r.f_${f}, r.c_${f}`).join(', ')},`,
    `       ARRAY(SELECT x FROM unnest(${required}) AS x WHERE x = ANY(r.skills)) AS matched_skills`,
    '  FROM (',
    `    SELECT * FROM (${scoredSql(candidates, values)}) ranked${after}`,
    `    ORDER BY ranked.score DESC, ranked.user_id ASC LIMIT ${p.add(options.limit + 1, 'int')}`,
    '  ) r',
    ' ORDER BY r.score DESC, r.user_id ASC',
  ].join('\n');
  return { text, values: p.values };
}
