// Bare baseline for `needs-search`: GET /api/v1/needs done by plain node:http + pg (Pool of 10) with
// the statements the app sends for it, in the same order (apps/api/src/modules/needs/README.md):
//   principal: user, memberships, session family (in parallel)
//   the ids of suspended organisations (OrganizationsService.idsWithStatusAsSystem)
//   the one search statement, built as buildNeedSearch() in needs-search.sql.ts builds it
//   the names of the page's organisations (OrganizationsService.summariesAsSystem)
// and answers the same { data: NeedSummaryView[], nextCursor } JSON.
// Handles the query parameters the scenario sends (type, regionCode, skills, near, radiusKm, from,
// to, limit, cursor; sort=newest) for a caller who is not a platform administrator.
// Env: PORT, HOST, DATABASE_URL, JWT_SECRET.
import { canReadNgoWork, pool, principalOf, Problem, serve } from './support/bare.mjs';

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_KM) / 180;
const DEFAULT_RADIUS_KM = 20;
const LISTED = `('open', 'filled', 'in_progress')`;
const US = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

const ORGS_COLUMNS = `"o"."id" AS "o_id", "o"."kind" AS "o_kind", "o"."name" AS "o_name", "o"."region_code" AS "o_region_code", "o"."status" AS "o_status", "o"."created_by" AS "o_created_by", "o"."verified_at" AS "o_verified_at", "o"."created_at" AS "o_created_at", "o"."updated_at" AS "o_updated_at"`;
const SUSPENDED_SQL = `SELECT ${ORGS_COLUMNS} FROM "organizations" "o" WHERE "o"."status" = $1 ORDER BY "o"."created_at" DESC, "o"."id" DESC LIMIT 1000`;
const SUSPENDED_AFTER_SQL = `SELECT ${ORGS_COLUMNS} FROM "organizations" "o" WHERE "o"."status" = $1 AND ("o"."created_at", "o"."id") < ($2, $3) ORDER BY "o"."created_at" DESC, "o"."id" DESC LIMIT 1000`;
const namesSql = (n) =>
  `SELECT ${ORGS_COLUMNS} FROM "organizations" "o" WHERE "o"."id" IN (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')}) ORDER BY "o"."created_at" DESC, "o"."id" DESC LIMIT ${n}`;

/** geo.ts boundingBox. */
function boundingBox(lat, lng, radiusKm) {
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const cos = Math.cos((widest * Math.PI) / 180);
  const dLng = cos < 1e-6 ? 180 : radiusKm / (KM_PER_DEGREE_LAT * cos);
  if (dLng >= 180 || lng - dLng < -180 || lng + dLng > 180) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  return { minLat, maxLat, minLng: lng - dLng, maxLng: lng + dLng };
}

/** regions.ts regionPrefix. */
function regionPrefix(code) {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

/** needs-search.sql.ts buildNeedSearch, for sort=newest. */
function buildNeedSearch(q) {
  const values = [];
  const param = (value, cast) => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  const where = [];
  const listed = [`n.status IN ${LISTED}`];
  if (q.hiddenOrgIds.length > 0) listed.push(`NOT (n.org_id = ANY(${param(q.hiddenOrgIds, 'uuid[]')}))`);
  where.push(
    q.ownOrgIds.length > 0 ? `(n.org_id = ANY(${param(q.ownOrgIds, 'uuid[]')}) OR (${listed.join(' AND ')}))` : listed.join(' AND '),
  );
  if (q.types?.length) where.push(`n.type = ANY(${param(q.types, 'varchar[]')})`);
  if (q.regionPrefix) where.push(`n.region_code LIKE ${param(`${q.regionPrefix}%`, 'varchar')}`);
  if (q.skills?.length) where.push(`n.required_skills && ${param(q.skills, 'text[]')}`);
  if (q.from) where.push(`COALESCE(n.ends_at, n.starts_at) >= ${param(q.from.toISOString(), 'timestamptz')}`);
  if (q.to) where.push(`n.starts_at <= ${param(q.to.toISOString(), 'timestamptz')}`);
  let distance = null;
  if (q.near) {
    const box = boundingBox(q.near.lat, q.near.lng, q.near.radiusKm);
    where.push(`n.lat BETWEEN ${param(box.minLat, 'float8')} AND ${param(box.maxLat, 'float8')}`);
    where.push(`n.lng BETWEEN ${param(box.minLng, 'float8')} AND ${param(box.maxLng, 'float8')}`);
    const lat = param(q.near.lat, 'float8');
    const lng = param(q.near.lng, 'float8');
    distance =
      `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(n.lat - ${lat}) / 2), 2)` +
      ` + cos(radians(${lat})) * cos(radians(n.lat)) * power(sin(radians(n.lng - ${lng}) / 2), 2)))))`;
    where.push(`${distance} <= ${param(q.near.radiusKm, 'float8')}`);
  }
  if (q.after) where.push(`(n.created_at, n.id) < (${param(q.after.key, 'timestamptz')}, ${param(q.after.id, 'uuid')})`);
  const text = [
    'SELECT n.id, n.org_id, n.type, n.title, n.region_code, n.lat, n.lng, n.child_contact, n.required_skills, n.min_age, n.status,',
    '       n.starts_at, n.ends_at, n.target_fen, n.beneficiary_count, n.programme_id, n.published_at, n.created_at,',
    `       to_char(n.created_at AT TIME ZONE 'UTC', ${US}) AS sort_key` + (distance ? `,\n       ${distance} AS distance_km` : ''),
    '  FROM needs n',
    ` WHERE ${where.join('\n   AND ')}`,
    ` ORDER BY n.created_at DESC, n.id DESC`,
    ` LIMIT ${param(q.fetch, 'int')}`,
  ].join('\n');
  return { text, values };
}

const list = (value) =>
  value === null
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);

function decodeCursor(text) {
  try {
    const [sort, key, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return sort === 'newest' ? { key, id } : null;
  } catch {
    return null;
  }
}

const iso = (d) => (d ? d.toISOString() : null);

async function search(request, url) {
  const principal = await principalOf(request);
  const p = url.searchParams;
  const limit = p.has('limit') ? Number(p.get('limit')) : 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new Problem(400, 'validation_failed', 'limit must be 1..200');
  if ((p.get('sort') ?? 'newest') !== 'newest') throw new Problem(400, 'validation_failed', 'this baseline answers sort=newest only');
  let near;
  if (p.has('near')) {
    const [lat, lng] = p.get('near').split(',').map(Number);
    near = { lat, lng, radiusKm: p.has('radiusKm') ? Number(p.get('radiusKm')) : DEFAULT_RADIUS_KM };
  }
  const after = p.has('cursor') ? decodeCursor(p.get('cursor')) : null;
  if (p.has('cursor') && !after) throw new Problem(400, 'validation_failed', 'cursor is not a cursor this list gave out');

  const ownOrgIds = principal.isPlatformAdmin
    ? []
    : principal.memberships.filter((m) => canReadNgoWork(principal, m.organizationId)).map((m) => m.organizationId);
  // OrganizationsService.idsWithStatusAsSystem('suspended'): pages of 1,000.
  const hiddenOrgIds = [];
  for (let cursor = null; ;) {
    const { rows } = cursor
      ? await pool.query(SUSPENDED_AFTER_SQL, ['suspended', cursor.createdAt, cursor.id])
      : await pool.query(SUSPENDED_SQL, ['suspended']);
    hiddenOrgIds.push(...rows.map((r) => r.o_id));
    const last = rows.at(-1);
    if (rows.length < 1000 || !last) break;
    cursor = { createdAt: last.o_created_at.toISOString(), id: last.o_id };
  }
  const query = buildNeedSearch({
    types: list(p.get('type')),
    regionPrefix: p.has('regionCode') ? regionPrefix(p.get('regionCode')) : undefined,
    skills: list(p.get('skills')),
    near,
    from: p.has('from') ? new Date(p.get('from')) : undefined,
    to: p.has('to') ? new Date(p.get('to')) : undefined,
    after,
    fetch: limit + 1,
    ownOrgIds,
    hiddenOrgIds,
  });
  const rows = (await pool.query(query.text, query.values)).rows;
  const page = rows.slice(0, limit);
  const orgIds = [...new Set(page.map((r) => r.org_id))];
  const names = new Map(orgIds.length ? (await pool.query(namesSql(orgIds.length), orgIds)).rows.map((o) => [o.o_id, o.o_name]) : []);
  const last = page.at(-1);
  return {
    status: 200,
    body: {
      data: page.map((r) => ({
        id: r.id,
        organizationId: r.org_id,
        organizationName: names.get(r.org_id) ?? null,
        type: r.type,
        title: r.title,
        regionCode: r.region_code,
        location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
        childContact: r.child_contact,
        requiredSkills: r.required_skills,
        minAge: r.min_age,
        status: r.status,
        startsAt: iso(r.starts_at),
        endsAt: iso(r.ends_at),
        targetFen: r.target_fen === null ? null : Number(r.target_fen),
        beneficiaryCount: r.beneficiary_count,
        programmeId: r.programme_id,
        publishedAt: iso(r.published_at),
        createdAt: r.created_at.toISOString(),
        ...(r.distance_km !== undefined ? { distanceKm: Math.round(r.distance_km * 100) / 100 } : {}),
      })),
      nextCursor:
        rows.length > limit && last ? Buffer.from(JSON.stringify(['newest', last.sort_key, last.id])).toString('base64url') : null,
    },
  };
}

serve(async (request, url) => {
  if (request.method !== 'GET' || url.pathname !== '/api/v1/needs') throw new Problem(404, 'not_found', 'No such route');
  return search(request, url);
});
