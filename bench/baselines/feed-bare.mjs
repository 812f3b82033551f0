// Bare baseline for the `feed` scenario: GET /api/v1/me/matches?limit=20 in plain node:http + pg (Pool of 10).
// It sends what the app sends, in the same order and parallelism: the three principal reads, the volunteer's
// snapshot (profile, code of conduct, safeguarding checks, sign-ups, hour records and totals, attendance) beside
// the suspended organisations, the ranking statement (built by the app's own compiled builder, widening the
// ring like the FeedService), and the page's organisation names; then the same JSON.
// Env: PORT, HOST, DATABASE_URL, JWT_SECRET, MATCHING_MODULES (this run's dist/apps/api/src/modules).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import * as SQL from './matching-app-sql.mjs';
import { pool, principalOf, Problem, serve } from './support/bare.mjs';

// TypeORM hands `date` columns over as text; so must we (birth dates).
pg.types.setTypeParser(1082, (value) => value);

const modules = process.env.MATCHING_MODULES;
if (!modules) throw new Error('MATCHING_MODULES is not set');
const require = createRequire(import.meta.url);
const { buildFeedQuery } = require(join(modules, 'matching/sql/feed.sql.js'));
const { volunteerFacts } = require(join(modules, 'matching/volunteer-snapshot.js'));
const { explainVolunteerMatch } = require(join(modules, 'matching/reasons.js'));
const { MATCHING } = require(join(modules, 'matching/matching.config.js'));
const { standingAt } = require(join(modules, 'volunteers/safeguarding.policy.js'));
const { reliability } = require(join(modules, 'engagement/hours.policy.js'));

const WIDEN_BELOW = MATCHING.page.defaultLimit;

let skillNames = null;
async function names() {
  if (!skillNames) skillNames = new Map((await pool.query(SQL.SKILLS)).rows.map((s) => [s.code, { zh: s.name_zh, en: s.name_en }]));
  return skillNames;
}

const iso = (d) => (d ? d.toISOString() : null);
const roundKm = (km, step) => (km === null ? null : Math.round(km / step) * step);

async function snapshotOf(userId, now) {
  // HoursService.ledgerOf: the records, then the totals; beside the attendance counts.
  const ledger = async () => {
    const records = await pool.query(SQL.HOUR_RECORDS, [userId]);
    await pool.query(SQL.HOUR_TOTALS, [userId, null]);
    return records.rows;
  };
  const [profileRows, [coc, profileAgain], checks, signups, [records, attendance]] = await Promise.all([
    pool.query(SQL.PROFILE, [userId]),
    Promise.all([pool.query(SQL.CODE_OF_CONDUCT, [now]), pool.query(SQL.PROFILE, [userId])]),
    pool.query(SQL.CHECKS, [userId]),
    pool.query(SQL.SIGNUPS, [userId]),
    Promise.all([ledger(), pool.query(SQL.ATTENDANCE, [userId])]),
  ]);
  const p = profileRows.rows[0];
  if (!p)
    throw new Problem(404, 'not_found', 'Create your volunteer profile first (PUT /api/v1/me/volunteer-profile): the feed is ranked by it');
  const f = (name) => p[`VolunteerProfileEntity_${name}`];
  const current = coc.rows[0]?.CodeOfConductVersionEntity_version ?? null;
  const accepted = current !== null && profileAgain.rows[0]?.VolunteerProfileEntity_code_of_conduct_version_accepted === current;
  const standing = standingAt(
    checks.rows.map((c) => ({
      result: c.SafeguardingCheckEntity_result,
      expiresAt: c.SafeguardingCheckEntity_expires_at,
      liftedAt: c.SafeguardingCheckEntity_lifted_at,
    })),
    now,
  );
  const a = attendance.rows[0];
  return {
    userId,
    skills: f('skills'),
    languages: f('languages'),
    regionCode: f('region_code'),
    location: f('lat') !== null && f('lng') !== null ? { lat: f('lat'), lng: f('lng') } : null,
    availability: f('availability'),
    monthlyHourCap: f('monthly_hour_cap'),
    birthDate: f('birth_date'),
    childContactUntil: standing.status === 'valid' && accepted && standing.validUntil ? standing.validUntil : null,
    signups: signups.rows.map((s) => ({ shiftId: s.shift_id, status: s.status, startsAt: s.starts_at, endsAt: s.ends_at })),
    hourRecords: records.map((r) => ({
      needId: r.HourRecordEntity_need_id,
      orgId: r.HourRecordEntity_org_id,
      minutes: r.HourRecordEntity_minutes,
      status: r.HourRecordEntity_status,
      servedOn: r.HourRecordEntity_served_on,
    })),
    reliability: reliability({ attended: a.attended, noShows: a.no_shows, lateCancellations: a.late }),
  };
}

serve(async (request, url) => {
  if (request.method !== 'GET' || url.pathname !== '/api/v1/me/matches') throw new Problem(404, 'route_not_found', 'No such route');
  const principal = await principalOf(request);
  const limit = Number(url.searchParams.get('limit') ?? MATCHING.page.defaultLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MATCHING.page.maxLimit) throw new Problem(400, 'validation_failed', 'limit');
  const now = new Date();
  const [snapshot, suspended] = await Promise.all([snapshotOf(principal.userId, now), pool.query(SQL.ORGS_BY_STATUS, ['suspended'])]);
  const hiddenOrgIds = suspended.rows.map((o) => o.o_id);
  const facts = volunteerFacts(snapshot, now);
  const rings = MATCHING.volunteer.feedRadiiKm;
  const fetch = Math.max(limit, WIDEN_BELOW);
  const run = async (ring) => {
    const q = buildFeedQuery(snapshot, { now, hiddenOrgIds, includeFull: false, limit: fetch, after: null, radiusKm: rings[ring] }, facts);
    return (await pool.query(q.text, q.values)).rows;
  };
  let ring = 0;
  let rows = await run(ring);
  while (snapshot.location && rows.length < WIDEN_BELOW && ring < rings.length - 1) rows = await run(++ring);
  const page = rows.slice(0, limit);
  const orgIds = [...new Set(page.map((r) => r.org_id))];
  const [orgs, skillNames] = await Promise.all([
    orgIds.length ? pool.query(SQL.organizationsByIds(orgIds.length), orgIds) : { rows: [] },
    names(),
  ]);
  const orgName = new Map(orgs.rows.map((o) => [o.o_id, o.o_name]));
  const data = page.map((row) => {
    const explained = explainVolunteerMatch(
      row,
      {
        requiredSkills: row.required_skills,
        matchedSkills: row.matched_skills,
        distanceKm: roundKm(row.distance_km, 0.1),
        needRegion: row.region_code,
        volunteerRegion: snapshot.regionCode,
        availabilityShare: row.f_availability,
        spokenLanguages: facts.spokenLanguages,
        needMinutes: facts.servedMinutesByNeed.get(row.need_id) ?? 0,
        orgMinutes: facts.servedMinutesByOrg.get(row.org_id) ?? 0,
        reliability: snapshot.reliability,
        committedMinutes: facts.committedMinutes,
        capMinutes: facts.capMinutes,
      },
      skillNames,
    );
    return {
      needId: row.need_id,
      shiftId: row.shift_id,
      need: {
        id: row.need_id,
        organizationId: row.org_id,
        organizationName: orgName.get(row.org_id) ?? null,
        type: row.type,
        title: row.title,
        regionCode: row.region_code,
        location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
        childContact: row.child_contact,
        requiredSkills: row.required_skills,
        minAge: row.min_age,
        status: row.need_status,
        startsAt: iso(row.need_starts_at),
        endsAt: iso(row.need_ends_at),
        targetFen: row.target_fen === null ? null : Number(row.target_fen),
        beneficiaryCount: row.beneficiary_count,
        programmeId: row.programme_id,
        publishedAt: iso(row.published_at),
        createdAt: row.need_created_at.toISOString(),
        distanceKm: roundKm(row.distance_km, 0.1),
      },
      shift: {
        id: row.shift_id,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        capacity: row.capacity,
        confirmedCount: row.confirmed_count,
        waitlistCount: row.waitlist_count,
        full: row.confirmed_count >= row.capacity,
      },
      ...explained,
      actions: { signUp: { method: 'POST', href: `/api/v1/shifts/${row.shift_id}/signups` } },
    };
  });
  // The baseline does not page on: nextCursor is only reported as present or not.
  return { status: 200, body: { data, nextCursor: rows.length > limit ? 'more' : null, modelVersion: MATCHING.modelVersion } };
});
