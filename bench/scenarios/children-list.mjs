// Issue #14: the children list and search over 50,000 children of one NGO, with row-level security on, p95 < 100 ms.
// The children are generated with SQL (generate_series, a deterministic hash per choice) straight into `children`
// for one NGO, plus 5,000 in a second NGO that row-level security must keep out. Every row carries the same
// ciphertext of a made-up name (encrypted under the CHILD_DATA_KEY this scenario gives the API), but blind indexes
// vary: each row's ID-number index is its own, and ten names are each shared by five rows so `q` finds them.
// The caller is the NGO's owner (the heaviest path: names decrypted, one audit row per page). Requests cycle
// through first pages with the agreed filters (category, ageBand, visitOverdue, regionCode, q by name or alias);
// verify() checks that the baseline answered exactly what the app did.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childCipher } from './support/child-cipher.mjs';
import { api, verifiedNgo } from './support/kindred.mjs';

const CHILDREN = 50_000;
const OTHER_CHILDREN = 5_000;
/** A key for this run's API only (the bench database is dropped afterwards). */
const CHILD_DATA_KEY = '6b696e647265642d62656e63682d6368696c642d646174612d6b65792d303031';
const NAMES = ['罗欣怡', '刘浩宇', '王梓涵', '李子轩', '张雨桐', '陈俊杰', '杨诗涵', '周博文', '谢佳琪', '曾志明'];
const TOWNSHIPS = ['430524001', '430524002', '430524101', '430524102', '430524103', '430524105', '430524106', '430524109', '430524117', '430524200', '430524201']; // prettier-ignore
const CATEGORIES = [
  'left_behind_single_parent', 'left_behind_grandparent', 'left_behind_relative', 'left_behind_institution', 'orphan',
  'disability_or_illness', 'low_income_dibao', 'low_income_tekun', 'de_facto_unattended', 'difficulty_other',
]; // prettier-ignore

/** Generates `count` children for `orgId`; `nameRows` rows (every 1,000th) carry the real blind index of NAMES. */
export async function generateChildren(ctx, orgId, count, cipher, ownerId, label) {
  const u = (k) => `((hashint4(g * 131 + ${k} + ${label.length * 7919}) & 2147483647)::float8 / 2147483648)`;
  await ctx.query(`INSERT INTO child_households (id, org_id) SELECT md5($1 || g)::uuid, $2 FROM generate_series(1, $3) g`, [
    `${label}-household-`,
    orgId,
    Math.ceil(count * 0.6),
  ]);
  await ctx.query(
    `WITH r AS (SELECT g, ${u(1)} AS u1, ${u(2)} AS u2, ${u(3)} AS u3, ${u(4)} AS u4, ${u(5)} AS u5, ${u(6)} AS u6,
                       ${u(7)} AS u7, ${u(8)} AS u8, ${u(9)} AS u9
                  FROM generate_series(1, $3) g),
          p AS (SELECT r.*, (current_date - (u1 * 6500)::int) AS birth,
                       CASE WHEN u6 < 0.04 THEN 'exited' ELSE 'active' END AS status
                  FROM r)
     INSERT INTO children (org_id, household_id, alias, gender, birth_date, region_code, school_name, grade, categories,
                           living_arrangement, social_assistance, risk_level, status, registered_on, exited_on, exit_reason,
                           next_visit_due, next_reassessment_due, last_parent_contact_on, legal_name_enc, id_number_enc,
                           name_bidx, id_number_bidx, created_by)
     SELECT $1, md5($2 || (1 + (g % ceil($3 * 0.6)::int)))::uuid, 'B-' || lpad(upper(to_hex(g)), 6, '0'),
            CASE WHEN u2 < 0.5 THEN 'female' ELSE 'male' END, birth, ($4::text[])[1 + floor(u3 * array_length($4::text[], 1))::int],
            NULL, NULL,
            CASE WHEN u4 < 0.7 THEN ARRAY[($5::text[])[1 + floor(u5 * 10)::int]]
                 ELSE ARRAY[($5::text[])[1 + floor(u5 * 4)::int], ($5::text[])[5 + floor(u7 * 6)::int]] END,
            'grandparents', 'none', CASE WHEN u8 < 0.15 THEN 'high' WHEN u8 < 0.45 THEN 'medium' ELSE 'low' END,
            status, greatest(birth, current_date - (u9 * 1100)::int),
            CASE WHEN status = 'exited' THEN current_date - 10 END, CASE WHEN status = 'exited' THEN 'moved' END,
            CASE WHEN status = 'active' THEN current_date + (-40 + u7 * 130)::int END,
            CASE WHEN status = 'active' THEN current_date + (u8 * 180)::int END, NULL,
            $6, $6,
            CASE WHEN g % 1000 = 0 THEN ($7::text[])[1 + (g / 1000) % 10] ELSE encode(sha256(($8 || g)::bytea), 'hex') END,
            encode(sha256(($9 || g)::bytea), 'hex'), $10
       FROM p`,
    [
      orgId,
      `${label}-household-`,
      count,
      TOWNSHIPS,
      CATEGORIES,
      cipher.encrypt('基准儿童'),
      NAMES.map((n) => cipher.blindIndex('name', n)),
      `${label}-name-`,
      `${label}-id-`,
      ownerId,
    ],
  );
  // A current consent for every second child (the list reads each page's consent scopes).
  await ctx.query(
    `INSERT INTO child_consents (org_id, child_id, given_by_enc, relation, method, scopes, given_at)
     SELECT org_id, id, $2, '祖母', 'paper', ARRAY['service_delivery', 'share_with_volunteers'], now() - interval '30 days'
       FROM children WHERE org_id = $1 AND hashtext(id::text) % 2 = 0`,
    [orgId, cipher.encrypt('基准监护人')],
  );
}

export default {
  name: 'children-list',
  description: `GET /api/v1/organizations/{orgId}/children (first pages, filters, q) over ${CHILDREN.toLocaleString('en-US')} children of one NGO, RLS on`,
  appEnv: { CHILD_DATA_KEY },
  async setup(ctx) {
    const cipher = childCipher(CHILD_DATA_KEY);
    const ngo = await verifiedNgo(ctx, 'children');
    const other = await verifiedNgo(ctx, 'children-other');
    const started = Date.now();
    await generateChildren(ctx, ngo.orgId, CHILDREN, cipher, ngo.owner.id, 'a');
    await generateChildren(ctx, other.orgId, OTHER_CHILDREN, cipher, other.owner.id, 'b');
    // The steady state autovacuum keeps after a bulk load: statistics, and a visibility map for index-only counts.
    for (const table of ['children', 'child_households', 'child_consents']) await ctx.query(`VACUUM (ANALYZE) ${table}`);
    const counts = (await ctx.query('SELECT org_id, count(*)::int AS n FROM children GROUP BY org_id')).rows;
    ctx.log(
      `generated ${counts.map((c) => c.n.toLocaleString('en-US')).join(' + ')} children in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // Row-level security is what keeps the second NGO out: the API's role must not bypass it.
    const [rls] = (
      await ctx.query(
        `SELECT c.relrowsecurity AND c.relforcerowsecurity AS forced,
                (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $1) AS bypass
           FROM pg_class c WHERE c.relname = 'children'`,
        [APP_ROLE],
      )
    ).rows;
    if (!rls.forced || rls.bypass !== false) throw new Error(`row-level security is not in force for ${APP_ROLE}: ${JSON.stringify(rls)}`);
    const base = `/api/v1/organizations/${ngo.orgId}/children`;
    const paths = [
      base,
      `${base}?category=low_income_dibao`,
      `${base}?ageBand=6to14`,
      `${base}?visitOverdue=true`,
      `${base}?q=${encodeURIComponent(NAMES[3])}`,
      `${base}?category=orphan,de_facto_unattended&ageBand=under6`,
      `${base}?category=left_behind_grandparent&visitOverdue=true&regionCode=430524101`,
      `${base}?q=B-00C350`,
      `${base}?regionCode=430524102&ageBand=15to18`,
    ];
    const shapes = [];
    for (const path of paths) {
      const body = await api(ctx, 'GET', path, { token: ngo.owner.token });
      shapes.push(`${body.data.length}/${body.total}`);
    }
    ctx.log(`${paths.length} queries; rows/total per query: ${shapes.join(', ')}`);
    // One caller, one query at a time: where the time goes when nothing queues (median of 5, ms).
    const medians = [];
    for (const path of paths) {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await api(ctx, 'GET', path, { token: ngo.owner.token });
        times.push(performance.now() - started);
      }
      medians.push(times.sort((a, b) => a - b)[2].toFixed(1));
    }
    ctx.log(`alone, median ms per query: ${medians.join(', ')}`);
    const answers = {};
    for (const side of ['app', 'bare'])
      answers[side] = join(tmpdir(), `kindred-bench-children-${side}-${randomBytes(4).toString('hex')}.json`);
    return { paths, token: ngo.owner.token, answers };
  },
  app: { method: 'GET', path: '/api/v1/health', connections: 10, requestsHook: 'listRequests' },
  bare: (ctx) => ({
    server: 'baselines/children-list-bare.mjs',
    env: { JWT_SECRET: ctx.jwtSecret, CHILD_DATA_KEY, APP_ROLE },
    readyPath: '/health',
    method: 'GET',
    path: '/api/v1/health',
    connections: 10,
    requestsHook: 'listRequests',
  }),
  targets: { maxP95Ms: 100, maxErrors: 0 },
  async verify(ctx, data, result) {
    const problems = [];
    const read = (side) => {
      try {
        return JSON.parse(readFileSync(data.answers[side], 'utf8'));
      } catch {
        problems.push(`${side}: no answers recorded`);
        return {};
      } finally {
        rmSync(data.answers[side], { force: true });
      }
    };
    const app = read('app');
    const bare = read('bare');
    for (const side of ['app', 'bare']) {
      const m = result[side];
      if (m)
        ctx.log(
          `${side}: p50 ${m.latencyMs.p50} ms, p95 ${m.latencyMs.p95} ms, p99 ${m.latencyMs.p99} ms, ${m.reqPerSec.toFixed(0)} req/s`,
        );
    }
    if (result.bare?.errors?.total) problems.push(`bare: ${result.bare.errors.total} errors (${JSON.stringify(result.bare.statusCodes)})`);
    data.paths.forEach((path, i) => {
      if (!app[i] || !bare[i]) return;
      // updatedAt is the same row's; audit rows differ per request and are not in the answer.
      if (canonical(app[i]) !== canonical(bare[i]))
        problems.push(`query ${i + 1}: the baseline answered differently from the app (${path.slice(-80)})`);
    });
    if (problems.length === 0) ctx.log(`the baseline answered all ${data.paths.length} queries exactly as the app did`);
    return problems;
  },
};

/** The API's unprivileged role (DATABASE_APP_ROLE's default; the bench runner does not change it). */
const APP_ROLE = 'kindred_app';

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Runs in the driver process: one request entry per query, each client cycling through them. */
export function listRequests(data, side) {
  const answers = {};
  process.once('exit', () => writeFileSync(data.answers[side], JSON.stringify(answers)));
  return data.paths.map((path, i) => ({
    method: 'GET',
    path,
    headers: { authorization: `Bearer ${data.token}` },
    onResponse: (status, body) => {
      if (answers[i] === undefined && status === 200) answers[i] = JSON.parse(body);
    },
  }));
}
