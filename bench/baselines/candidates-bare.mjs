// Bare baseline for the `candidates` scenario: GET /api/v1/needs/{id}/candidates?limit=20 in plain node:http + pg
// (Pool of 10). Same statements as the app, in the same order: the principal reads, the need with its organisation
// and goods lines (NeedsService.get), the need and organisation again and its shifts (ShiftsService.list), the
// code of conduct in force, the ranking statement (built by the app's own compiled builder, widening the ring like
// CandidatesService) and the page's display names; then the same JSON.
// Env: PORT, HOST, DATABASE_URL, JWT_SECRET, MATCHING_MODULES (this run's dist/apps/api/src/modules).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as SQL from './matching-app-sql.mjs';
import { canCoordinate, pool, principalOf, Problem, serve, UUID } from './support/bare.mjs';

const modules = process.env.MATCHING_MODULES;
if (!modules) throw new Error('MATCHING_MODULES is not set');
const require = createRequire(import.meta.url);
const { buildCandidatesQuery } = require(join(modules, 'matching/sql/candidates.sql.js'));
const { explainVolunteerMatch } = require(join(modules, 'matching/reasons.js'));
const { canonicalLanguages } = require(join(modules, 'matching/local-languages.js'));
const { MATCHING } = require(join(modules, 'matching/matching.config.js'));

const WIDEN_BELOW = MATCHING.page.defaultLimit;
const TAKING_SIGNUPS = new Set(['open', 'filled', 'in_progress']);

let skillNames = null;
async function names() {
  if (!skillNames) skillNames = new Map((await pool.query(SQL.SKILLS)).rows.map((s) => [s.code, { zh: s.name_zh, en: s.name_en }]));
  return skillNames;
}

/** NeedsService.readable: the need and its organisation's facts; who may see it. */
async function readable(principal, needId) {
  const need = (await pool.query(SQL.NEED, [needId])).rows[0];
  if (!need) throw new Problem(404, 'not_found', 'Need not found');
  const orgId = need.NeedEntity_org_id;
  const org = (await pool.query(SQL.organizationsByIds(1), [orgId])).rows[0];
  const member =
    principal.isPlatformAdmin || principal.memberships.some((m) => m.organizationId === orgId && m.organizationStatus !== 'suspended');
  if (!member && !(need.NeedEntity_status !== 'draft' && org?.o_status === 'verified'))
    throw new Problem(404, 'not_found', 'Need not found');
  return need;
}

serve(async (request, url) => {
  const match = /^\/api\/v1\/needs\/([^/]+)\/candidates$/.exec(url.pathname);
  if (request.method !== 'GET' || !match) throw new Problem(404, 'route_not_found', 'No such route');
  const principal = await principalOf(request);
  const needId = match[1];
  if (!UUID.test(needId)) throw new Problem(400, 'validation_failed', 'id');
  const limit = Number(url.searchParams.get('limit') ?? MATCHING.page.defaultLimit);
  const n = await readable(principal, needId);
  await pool.query(SQL.NEED_ITEMS, [needId]);
  const orgId = n.NeedEntity_org_id;
  if (!canCoordinate(principal, orgId)) throw new Problem(404, 'not_found', 'Need not found');
  if (!TAKING_SIGNUPS.has(n.NeedEntity_status)) throw new Problem(409, 'need_not_open', 'need_not_open');
  const now = new Date();
  await readable(principal, needId);
  const shifts = (await pool.query(SQL.SHIFTS, [needId])).rows;
  const seats = new Map((await pool.query(SQL.SHIFT_OCCUPANCY, [shifts.map((s) => s.ShiftEntity_id)])).rows.map((o) => [o.shift_id, o]));
  const shift = shifts
    .filter((s) => s.ShiftEntity_status === 'scheduled' && s.ShiftEntity_starts_at.getTime() > now.getTime())
    .sort((a, b) => a.ShiftEntity_starts_at - b.ShiftEntity_starts_at || a.ShiftEntity_id.localeCompare(b.ShiftEntity_id))[0];
  if (!shift)
    return {
      status: 200,
      body: { needId, shiftId: null, shiftFull: false, data: [], nextCursor: null, modelVersion: MATCHING.modelVersion },
    };
  const target = {
    needId,
    orgId,
    regionCode: n.NeedEntity_region_code,
    location: n.NeedEntity_lat !== null && n.NeedEntity_lng !== null ? { lat: n.NeedEntity_lat, lng: n.NeedEntity_lng } : null,
    requiredSkills: n.NeedEntity_required_skills,
    childContact: n.NeedEntity_child_contact,
    minAge: n.NeedEntity_min_age,
    shift: { id: shift.ShiftEntity_id, startsAt: shift.ShiftEntity_starts_at, endsAt: shift.ShiftEntity_ends_at },
  };
  const codeOfConductVersion = (await pool.query(SQL.CODE_OF_CONDUCT, [now])).rows[0]?.CodeOfConductVersionEntity_version ?? null;
  const rings = MATCHING.volunteer.candidateRadiiKm;
  const fetch = Math.max(limit, WIDEN_BELOW);
  const run = async (ring) => {
    const q = buildCandidatesQuery(target, { now, codeOfConductVersion, limit: fetch, after: null, radiusKm: rings[ring] });
    return (await pool.query(q.text, q.values)).rows;
  };
  let ring = 0;
  let rows = await run(ring);
  while (target.location && rows.length < WIDEN_BELOW && ring < rings.length - 1) rows = await run(++ring);
  const page = rows.slice(0, limit);
  const [users, skillNames] = await Promise.all([
    page.length
      ? pool.query(
          SQL.usersByIds(page.length),
          page.map((r) => r.user_id),
        )
      : { rows: [] },
    names(),
  ]);
  const displayName = new Map(users.rows.map((u) => [u.u_id, u.u_display_name]));
  const data = page.map((row) => {
    const km = row.distance_km === null ? null : Math.round(row.distance_km);
    const explained = explainVolunteerMatch(
      row,
      {
        requiredSkills: target.requiredSkills,
        matchedSkills: row.matched_skills,
        distanceKm: km,
        needRegion: target.regionCode,
        volunteerRegion: row.region_code,
        availabilityShare: row.f_availability,
        spokenLanguages: canonicalLanguages(row.languages),
        needMinutes: row.need_minutes,
        orgMinutes: row.org_minutes,
        reliability: row.reliability,
        committedMinutes: row.committed_minutes,
        capMinutes: row.cap_minutes,
      },
      skillNames,
    );
    return {
      userId: row.user_id,
      displayName: displayName.get(row.user_id) ?? '',
      volunteerNumber: row.volunteer_number,
      countyCode: row.region_code.slice(0, 6),
      distanceKm: km,
      matchedSkills: row.matched_skills,
      ...explained,
      actions: { invite: { method: 'POST', href: `/api/v1/shifts/${shift.ShiftEntity_id}/invitations`, body: { userId: row.user_id } } },
    };
  });
  return {
    status: 200,
    body: {
      needId,
      shiftId: shift.ShiftEntity_id,
      shiftFull: seats.get(shift.ShiftEntity_id).confirmed_count >= seats.get(shift.ShiftEntity_id).capacity,
      data,
      nextCursor: rows.length > limit ? 'more' : null,
      modelVersion: MATCHING.modelVersion,
    },
  };
});
