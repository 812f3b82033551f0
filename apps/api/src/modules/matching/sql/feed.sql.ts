import type { NeedStatus, NeedType } from '@kindred/contracts';
import { boundingBox } from '../../needs';
import { languageSkillsSpoken, prefixesSpeaking } from '../local-languages';
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
import { MATCHING, type VolunteerFactor } from '../matching.config';
import type { RankedCursor } from '../ranked-cursor';
import { volunteerFacts, type VolunteerFacts, type VolunteerSnapshot } from '../volunteer-snapshot';
import { weeklyIntervals } from '../weekly-time';

/** Need statuses whose shifts take sign-ups (as engagement's seats decide); a filled need only has full shifts. */
const STATUSES_TAKING_SIGNUPS = ['open', 'in_progress'];
const STATUSES_WITH_WAITLIST = ['open', 'filled', 'in_progress'];

export interface FeedOptions {
  now: Date;
  /** Organisations whose needs are never listed (suspended). */
  hiddenOrgIds: readonly string[];
  /** Also suggest full shifts (the volunteer would be waitlisted). */
  includeFull: boolean;
  limit: number;
  after: RankedCursor | null;
  /** The candidate radius: the first ring of the config unless the feed or candidates service widens it. */
  radiusKm?: number;
  /** Only the evaluation script compares other weights; the API always ranks with the configured ones. */
  weights?: Readonly<Record<VolunteerFactor, number>>;
}

/** One row of the feed statement. */
export interface FeedRow extends FactorRow {
  need_id: string;
  org_id: string;
  type: NeedType;
  title: string;
  region_code: string;
  child_contact: boolean;
  required_skills: string[];
  lat: number | null;
  lng: number | null;
  min_age: number | null;
  need_status: NeedStatus;
  need_starts_at: Date | null;
  need_ends_at: Date | null;
  /** bigint: pg answers a string. */
  target_fen: string | null;
  beneficiary_count: number;
  programme_id: string | null;
  published_at: Date | null;
  need_created_at: Date;
  shift_id: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  confirmed_count: number;
  waitlist_count: number;
  distance_km: number | null;
  sort_key: string;
  matched_skills: string[];
}

/**
 * The region prefix whose needs are always candidates (the volunteer's
 * county; the city or province when that is all the profile says).
 */
export function areaPrefix(regionCode: string): string {
  if (/^\d{2}0000$/.test(regionCode)) return regionCode.slice(0, 2);
  if (/^\d{4}00$/.test(regionCode)) return regionCode.slice(0, 4);
  return regionCode.slice(0, 6);
}

/**
 * The feed as one statement: upcoming shifts of listed needs near the
 * volunteer (within the candidate radius, or in their county without
 * coordinates), minus every hard filter, scored by the shared model, ordered
 * by score, then start time, then shift id, and cut to one page (+1 row, to
 * know whether there is more). Two stages: the best `feedPool` needs by their
 * need-level factors, then their shifts with the full score.
 *
 * Candidate generation uses the needs indexes: `ix_needs_lat_lng` for the
 * box, `ix_needs_region_prefix` for the county (a BitmapOr of the two), then
 * `ix_shifts_need` for each need's upcoming shifts.
 */
export function buildFeedQuery(
  snapshot: VolunteerSnapshot,
  options: FeedOptions,
  facts: VolunteerFacts = volunteerFacts(snapshot, options.now),
): SqlQuery {
  const p = new SqlParams();
  const where: string[] = [];
  where.push(`n.status = ANY(${p.add(options.includeFull ? STATUSES_WITH_WAITLIST : STATUSES_TAKING_SIGNUPS, 'varchar[]')})`);
  if (options.hiddenOrgIds.length > 0) where.push(`NOT (n.org_id = ANY(${p.add(options.hiddenOrgIds, 'uuid[]')}))`);

  // Candidate area: within the radius (a box on ix_needs_lat_lng, then the exact distance), plus the
  // county's needs that have no coordinates (all of the county's when the volunteer has none).
  // Region codes are digits only, so the prefix needs no LIKE escaping.
  const county = `n.region_code LIKE ${p.add(`${areaPrefix(snapshot.regionCode)}%`, 'varchar')}`;
  const area: string[] = [];
  let distance: string | null = null;
  let withinRadius: string | null = null;
  if (snapshot.location) {
    const { lat, lng } = snapshot.location;
    const radius = options.radiusKm ?? MATCHING.volunteer.feedRadiiKm[0];
    const box = boundingBox(lat, lng, radius);
    distance = distanceKmSql('n.lat', 'n.lng', p.add(lat, 'float8'), p.add(lng, 'float8'));
    area.push(
      `(n.lat BETWEEN ${p.add(box.minLat, 'float8')} AND ${p.add(box.maxLat, 'float8')} AND n.lng BETWEEN ${p.add(box.minLng, 'float8')} AND ${p.add(box.maxLng, 'float8')})`,
    );
    area.push(`(n.lat IS NULL AND ${county})`);
    withinRadius = `(n.lat IS NULL OR n.distance_km <= ${p.add(radius, 'float8')})`;
  } else {
    area.push(county);
  }
  where.push(`(${area.join(' OR ')})`);

  // Need-level hard filters (the shift-level ones follow in the second stage).
  if (!snapshot.childContactUntil) where.push('NOT n.child_contact');
  if (!snapshot.birthDate) where.push('n.min_age IS NULL');

  const skills = p.add(snapshot.skills, 'text[]');
  const slots = weeklyIntervals(snapshot.availability);
  const spoken = facts.spokenLanguages;
  const prefixes = prefixesSpeaking(spoken);
  const languageSkills = languageSkillsSpoken(spoken);
  const prefixList =
    prefixes.length > 0
      ? p.add(
          prefixes.map((x) => `${x}%`),
          'text[]',
        )
      : null;
  const languageSkillList = languageSkills.length > 0 ? p.add(languageSkills, 'text[]') : null;
  const servedNeeds = [...facts.servedMinutesByNeed].filter(([, m]) => m > 0).map(([id]) => id);
  const servedOrgs = [...facts.servedMinutesByOrg].filter(([, m]) => m > 0).map(([id]) => id);
  const servedNeedList = servedNeeds.length > 0 ? p.add(servedNeeds, 'uuid[]') : null;
  const servedOrgList = servedOrgs.length > 0 ? p.add(servedOrgs, 'uuid[]') : null;
  const volunteerRegion = p.add(snapshot.regionCode, 'varchar');
  const heldSkills = snapshot.skills.map((skill) => p.add(skill, 'text'));
  // The volunteer's own factors: constants of this statement, bound once for both stages.
  const reliability = p.add(snapshot.reliability, 'float8');
  const committedMinutes = p.add(facts.committedMinutes, 'float8');
  const capMinutes = p.add(facts.capMinutes, 'float8');
  /** The factor formulas over a need row `r` (a need `n`, or a candidate shift `c` of a pooled need). */
  const valuesOver = (r: 'n' | 'c', distanceKm: string | null): ReturnType<typeof factorValuesSql> => {
    const speaks = [
      ...(prefixList ? [`${r}.region_code LIKE ANY(${prefixList})`] : []),
      ...(languageSkillList ? [`${r}.required_skills && ${languageSkillList}`] : []),
    ];
    return factorValuesSql({
      requiredSkills: `${r}.required_skills`,
      // |required ∩ held| as one containment test per held skill (both lists hold no duplicates): no subquery per row.
      skillOverlap:
        heldSkills.length > 0
          ? heldSkills.map((skill) => `(CASE WHEN ${r}.required_skills @> ARRAY[${skill}] THEN 1 ELSE 0 END)`).join(' + ')
          : '0',
      distanceKm,
      needRegion: `${r}.region_code`,
      volunteerRegion,
      overlapMinutes:
        slots.length > 0
          ? slots.map((slot) => slotOverlapSql(`${r}.week_start`, `${r}.week_length`, num(slot.from), num(slot.to))).join('\n + ')
          : '0',
      weekLength: `${r}.week_length`,
      speaksLocal: speaks.length > 0 ? `(${speaks.join(' OR ')})` : 'false',
      servedNeed: servedNeedList ? `${r}.${r === 'n' ? 'id' : 'need_id'} = ANY(${servedNeedList})` : 'false',
      servedOrganization: servedOrgList ? `${r}.org_id = ANY(${servedOrgList})` : 'false',
      reliability,
      committedMinutes,
      capMinutes,
    });
  };
  // First stage: rank the area's needs by what the need alone says (skills, distance, language, continuity: 70 of
  // the 100 points; availability is the shift's and the rest are the volunteer's) and keep the best `feedPool`.
  const weights = options.weights ?? MATCHING.volunteer.weights;
  const needOnly = valuesOver('n', distance ? 'n.distance_km' : null);
  const preScore = (['skills', 'distance', 'language', 'continuity'] as const)
    .map((f) => `${num(weights[f])} * (${needOnly[f]})`)
    .join(' + ');
  // The inner level computes each need's distance once (OFFSET 0 keeps PostgreSQL from folding it back in).
  const pool = [
    'SELECT n.id AS need_id, n.org_id, n.type, n.title, n.region_code, n.child_contact, n.required_skills, n.lat, n.lng, n.min_age,',
    '       n.status AS need_status, n.starts_at AS need_starts_at, n.ends_at AS need_ends_at, n.target_fen, n.beneficiary_count,',
    '       n.programme_id, n.published_at, n.created_at AS need_created_at, n.distance_km',
    '  FROM (SELECT n.id, n.org_id, n.type, n.title, n.region_code, n.child_contact, n.required_skills, n.lat, n.lng, n.min_age, n.status,',
    '               n.starts_at, n.ends_at, n.target_fen, n.beneficiary_count, n.programme_id, n.published_at, n.created_at,',
    `               ${distance ?? 'NULL::float8'} AS distance_km`,
    `          FROM needs n WHERE ${where.join('\n           AND ')} OFFSET 0) n`,
    withinRadius ? ` WHERE ${withinRadius}` : '',
    ` ORDER BY ${preScore} DESC, n.id`,
    ` LIMIT ${p.add(MATCHING.volunteer.feedPool, 'int')}`,
  ]
    .filter(Boolean)
    .join('\n');

  // Second stage: the pooled needs' upcoming shifts, minus the shift-level hard filters (the same rules a sign-up
  // enforces, engagement/eligibility.ts).
  const horizon = new Date(options.now.getTime() + MATCHING.volunteer.horizonDays * 86_400_000);
  const shiftWhere = [
    `s.status = 'scheduled'`,
    `s.starts_at > ${p.add(options.now.toISOString(), 'timestamptz')}`,
    `s.starts_at <= ${p.add(horizon.toISOString(), 'timestamptz')}`,
  ];
  if (snapshot.childContactUntil)
    shiftWhere.push(`(NOT n.child_contact OR s.ends_at <= ${p.add(snapshot.childContactUntil.toISOString(), 'timestamptz')})`);
  if (snapshot.birthDate) {
    shiftWhere.push(
      `(n.min_age IS NULL OR extract(year FROM age((s.starts_at AT TIME ZONE 'UTC')::date, ${p.add(snapshot.birthDate, 'date')})) >= n.min_age)`,
    );
  }
  if (!options.includeFull) shiftWhere.push('o.confirmed_count < o.capacity');
  if (facts.signedUpShiftIds.length > 0) shiftWhere.push(`NOT (s.id = ANY(${p.add(facts.signedUpShiftIds, 'uuid[]')}))`);
  // A volunteer holds few confirmed shifts to come: one inline condition each is far cheaper than a join per row.
  for (const b of facts.busy) {
    shiftWhere.push(
      `NOT (s.starts_at < ${p.add(b.endsAt.toISOString(), 'timestamptz')} AND ${p.add(b.startsAt.toISOString(), 'timestamptz')} < s.ends_at)`,
    );
  }
  const candidates = [
    'SELECT n.*, s.id AS shift_id, s.starts_at, s.ends_at, o.capacity, o.confirmed_count, o.waitlist_count,',
    `       ${weekStartSql('s.starts_at')} AS week_start,`,
    `       ${weekLengthSql('s.starts_at', 's.ends_at')} AS week_length`,
    // Seats as engagement publishes them (a view of its own table): a sign-up shows here as soon as it commits.
    `  FROM (${pool}) n JOIN shifts s ON s.need_id = n.need_id JOIN shift_occupancy o ON o.shift_id = s.id`,
    ` WHERE ${shiftWhere.join('\n   AND ')}`,
  ].join('\n');
  const values = valuesOver('c', distance ? 'c.distance_km' : null);

  let after = '';
  if (options.after) {
    const score = p.add(Number(options.after.score), 'int');
    const key = p.add(options.after.key, 'timestamptz');
    const id = p.add(options.after.id, 'uuid');
    after = ` WHERE (ranked.score < ${score} OR (ranked.score = ${score} AND (ranked.starts_at, ranked.shift_id) > (${key}, ${id})))`;
  }
  const text = [
    'SELECT r.*,',
    `       to_char(r.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key,`,
    `       ARRAY(SELECT x FROM unnest(r.required_skills) AS x WHERE x = ANY(${skills})) AS matched_skills`,
    '  FROM (',
    `    SELECT * FROM (${scoredSql(candidates, values, options.weights)}) ranked${after}`,
    `    ORDER BY ranked.score DESC, ranked.starts_at ASC, ranked.shift_id ASC LIMIT ${p.add(options.limit + 1, 'int')}`,
    '  ) r',
    ' ORDER BY r.score DESC, r.starts_at ASC, r.shift_id ASC',
  ].join('\n');
  return { text, values: p.values };
}
