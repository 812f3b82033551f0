// Bare baseline for `children-list`: GET /api/v1/organizations/{orgId}/children done by plain node:http + pg (Pool of
// 10) with the statements the app sends for it, in the same order (apps/api/src/modules/children/children.service.ts
// list, children.repository.ts listPage / listTotal / currentConsentScopes, the audit row of a page of names):
//   principal: user, memberships, session family (in parallel)
//   BEGIN; set_config('kindred.org_ids', …, true); the page; the total; the page's consent scopes; the audit row; COMMIT
// Every pooled connection runs as the API's unprivileged role (SET ROLE), so row-level security applies exactly as it
// does to the app. Answers the same { data: ChildListRow[], nextCursor, total } for an owner or coordinator (names
// decrypted) or staff (without). Handles category, group, ageBand, regionCode, visitOverdue, status, q, limit.
// Env: PORT, HOST, DATABASE_URL, JWT_SECRET, CHILD_DATA_KEY, APP_ROLE.
import { childCipher } from '../scenarios/support/child-cipher.mjs';
import { pool, principalOf, Problem, serve, transaction, UUID } from './support/bare.mjs';

const APP_ROLE = process.env.APP_ROLE ?? 'kindred_app';
if (!/^[a-z_][a-z0-9_]*$/.test(APP_ROLE)) throw new Error('APP_ROLE must be a role name');
pool.on('connect', (client) => {
  client.query(`SET ROLE "${APP_ROLE}"`).catch(() => undefined);
});
const cipher = childCipher(process.env.CHILD_DATA_KEY ?? '');

const LEFT_BEHIND = ['left_behind_single_parent', 'left_behind_grandparent', 'left_behind_relative', 'left_behind_institution'];
const IN_DIFFICULTY = [
  'orphan',
  'disability_or_illness',
  'low_income_dibao',
  'low_income_tekun',
  'de_facto_unattended',
  'difficulty_other',
];
const PARENT_CONTACT_ALERT_DAYS = 30;

const CHILD_COLUMNS = `c.id, c.org_id AS "orgId", c.household_id AS "householdId", c.alias, c.gender,
  to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate", c.region_code AS "regionCode", c.school_name AS "schoolName", c.grade,
  c.categories, c.living_arrangement AS "livingArrangement", c.social_assistance AS "socialAssistance", c.risk_level AS "riskLevel",
  c.status, to_char(c.registered_on, 'YYYY-MM-DD') AS "registeredOn", to_char(c.exited_on, 'YYYY-MM-DD') AS "exitedOn",
  c.exit_reason AS "exitReason", to_char(c.next_visit_due, 'YYYY-MM-DD') AS "nextVisitDue",
  to_char(c.next_reassessment_due, 'YYYY-MM-DD') AS "nextReassessmentDue",
  to_char(c.last_parent_contact_on, 'YYYY-MM-DD') AS "lastParentContactOn", c.legal_name_enc AS "legalNameEnc",
  c.id_number_enc AS "idNumberEnc", c.address_enc AS "addressEnc", c.guardians_enc AS "guardiansEnc", c.name_bidx AS "nameBidx",
  c.id_number_bidx AS "idNumberBidx", c.created_by AS "createdBy", c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;
const CONSENTS_SQL = `SELECT c.child_id AS "childId", array_agg(DISTINCT s.scope ORDER BY s.scope) AS scopes
         FROM child_consents c CROSS JOIN LATERAL unnest(c.scopes) AS s(scope)
        WHERE c.child_id = ANY($1::uuid[]) AND c.withdrawn_at IS NULL AND c.given_at <= $2
          AND (c.expires_at IS NULL OR c.expires_at > $2)
        GROUP BY c.child_id`;
const AUDIT_SQL = `INSERT INTO "audit_log"("actor_user_id", "action", "entity_type", "entity_id", "org_id", "request_id", "diff") VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING "id", "occurred_at"`;

/** children.repository.ts childListWhere. */
function childListWhere(filter) {
  const params = [];
  const p = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`c.org_id = ${p(filter.orgId)}::uuid`, `c.status = ${p(filter.status)}`];
  if (filter.categories?.length) where.push(`c.categories && ${p(filter.categories)}::text[]`);
  if (filter.ageBand) {
    const today = p(filter.today);
    if (filter.ageBand === 'under6') where.push(`c.birth_date > (${today}::date - interval '6 years')::date`);
    if (filter.ageBand === '6to14')
      where.push(
        `c.birth_date <= (${today}::date - interval '6 years')::date AND c.birth_date > (${today}::date - interval '15 years')::date`,
      );
    if (filter.ageBand === '15to18') where.push(`c.birth_date <= (${today}::date - interval '15 years')::date`);
  }
  if (filter.regionPrefix) where.push(`c.region_code LIKE ${p(filter.regionPrefix + '%')}`);
  if (filter.visitOverdue) where.push(`c.status = 'active' AND c.next_visit_due < ${p(filter.today)}::date`);
  if (filter.search) where.push(`(c.name_bidx = ${p(filter.search.nameBidx)} OR c.alias = ${p(filter.search.alias)})`);
  return { sql: where.join(' AND '), params };
}

const beijingToday = (now) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function ageBandOn(birthDate, on) {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age < 6 ? 'under6' : age <= 14 ? '6to14' : '15to18';
}

/** child.view.ts toChildSummary. */
function toChildSummary(child, today, consentScopes) {
  const active = child.status === 'active';
  const leftBehind = child.categories.some((c) => LEFT_BEHIND.includes(c));
  const lastContact = child.lastParentContactOn ?? child.registeredOn;
  return {
    id: child.id,
    organizationId: child.orgId,
    alias: child.alias,
    gender: child.gender,
    birthDate: child.birthDate,
    ageBand: ageBandOn(child.birthDate, today),
    regionCode: child.regionCode,
    schoolName: child.schoolName,
    grade: child.grade,
    categories: child.categories,
    householdId: child.householdId,
    livingArrangement: child.livingArrangement,
    socialAssistance: child.socialAssistance,
    riskLevel: child.riskLevel,
    status: child.status,
    registeredOn: child.registeredOn,
    exitedOn: child.exitedOn,
    exitReason: child.exitReason,
    nextVisitDue: child.nextVisitDue,
    nextReassessmentDue: child.nextReassessmentDue,
    visitOverdue: active && child.nextVisitDue !== null && child.nextVisitDue < today,
    lastParentContactOn: child.lastParentContactOn,
    parentContactOverdue: active && leftBehind && addDays(lastContact, PARENT_CONTACT_ALERT_DAYS) < today,
    consentScopes,
    version: child.version,
    updatedAt: child.updatedAt.toISOString(),
  };
}

const list = (value) => (value === null ? undefined : value.split(',').filter((v) => v !== ''));

async function listChildren(request, url, orgId) {
  const principal = await principalOf(request);
  const membership = principal.memberships.find((m) => m.organizationId === orgId && m.organizationKind === 'ngo');
  if (!membership || !['owner', 'coordinator', 'staff'].includes(membership.role))
    throw new Problem(404, 'not_found', 'Organization not found');
  const withIdentity = membership.role !== 'staff';
  const p = url.searchParams;
  const limit = p.has('limit') ? Number(p.get('limit')) : 50;
  const now = new Date();
  const today = beijingToday(now);
  const group = p.get('group') === 'left_behind' ? LEFT_BEHIND : p.get('group') === 'in_difficulty' ? IN_DIFFICULTY : [];
  let categories = list(p.get('category'));
  if (categories && categories.length === 0) categories = undefined;
  if (group.length) categories = categories ? categories.filter((c) => group.includes(c)) : [...group];
  if (categories && categories.length === 0) return { status: 200, body: { data: [], nextCursor: null, total: 0 } };
  const q = p.has('q') ? p.get('q').trim().normalize('NFKC').replace(/\s+/gu, '') : '';
  const filter = {
    orgId,
    status: p.get('status') ?? 'active',
    today,
    categories,
    ageBand: p.get('ageBand') ?? undefined,
    regionPrefix: p.get('regionCode') ?? undefined,
    visitOverdue: p.get('visitOverdue') === 'true',
    search: q ? { nameBidx: cipher.blindIndex('name', q), alias: q.toUpperCase() } : undefined,
  };
  return transaction(async (client) => {
    await client.query(`SELECT set_config('kindred.org_ids', $1, true)`, [orgId]);
    const page = childListWhere(filter);
    const pageParams = [...page.params, limit + 1];
    const rows = (
      await client.query(
        `SELECT ${CHILD_COLUMNS} FROM children c WHERE ${page.sql} ORDER BY c.registered_on DESC, c.id DESC LIMIT $${pageParams.length}`,
        pageParams,
      )
    ).rows;
    const shown = rows.slice(0, limit);
    const total = (await client.query(`SELECT count(*)::int AS n FROM children c WHERE ${page.sql}`, page.params)).rows[0].n;
    const scopes = new Map();
    if (shown.length > 0) {
      for (const row of (await client.query(CONSENTS_SQL, [shown.map((c) => c.id), now])).rows) scopes.set(row.childId, row.scopes);
    }
    const data = shown.map((child) => {
      const row = toChildSummary(child, today, scopes.get(child.id) ?? []);
      if (withIdentity) row.legalName = cipher.decrypt(child.legalNameEnc);
      return row;
    });
    if (withIdentity && data.length > 0) {
      await client.query(AUDIT_SQL, [
        principal.userId,
        'child.identity_list_read',
        'organization',
        orgId,
        orgId,
        null,
        JSON.stringify({ fields: ['legalName'], count: data.length }),
      ]);
    }
    const last = shown.at(-1);
    const nextCursor =
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([new Date(`${last.registeredOn}T00:00:00Z`).toISOString(), last.id])).toString('base64url')
        : null;
    return { status: 200, body: { data, nextCursor, total } };
  });
}

serve(async (request, url) => {
  const match = /^\/api\/v1\/organizations\/([^/]+)\/children$/.exec(url.pathname);
  if (request.method !== 'GET' || !match || !UUID.test(match[1])) throw new Problem(404, 'not_found', 'No such route');
  return listChildren(request, url, match[1]);
});
