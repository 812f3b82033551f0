// DESIGN.md §7 / issue #8: candidates for a need (volunteers ranked for one of its shifts), p95 < 200 ms, over the
// same population as `feed` (100k needs, 200k volunteers; support/matching.mjs). Requests cycle through 500 open needs
// across the province as the platform administrator; the bare baseline sends the same statements (the ranking one
// built by the app's compiled builder) and verify() checks that it answered the same lists.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { api, tokenFor } from './support/kindred.mjs';
import { dropMatchingNeeds, ensureMatchingPopulation, rankedRequests, readRankedResults } from './support/matching.mjs';

const NEEDS = 500;
/** As in `feed`: each request ranks ~1,000 volunteers with their history; 10 connections keep it a latency test. */
const CONNECTIONS = 10;
const pathOf = (needId) => `/api/v1/needs/${needId}/candidates?limit=20`;

export default {
  name: 'candidates',
  description: `GET /api/v1/needs/{id}/candidates?limit=20 over ${NEEDS} needs, 200k volunteers (with checks and history)`,
  async setup(ctx) {
    const population = await ensureMatchingPopulation(ctx);
    const admin = (await ctx.query('SELECT id FROM users WHERE email = $1 OR phone = $1', [ctx.admin.login])).rows[0];
    const token = await tokenFor(ctx, admin.id);
    const needIds = (
      await ctx.query(
        `SELECT n.id FROM needs n WHERE n.status = 'open' AND n.org_id = ANY($1::uuid[])
            AND EXISTS (SELECT 1 FROM shifts s WHERE s.need_id = n.id AND s.starts_at > now() + interval '1 day')
          ORDER BY hashtext(n.id::text) LIMIT $2`,
        [population.orgIds, NEEDS],
      )
    ).rows.map((r) => r.id);
    const sizes = [];
    for (const id of needIds.slice(0, 5)) sizes.push((await api(ctx, 'GET', pathOf(id), { token })).data.length);
    ctx.log(`candidates: first lists have ${sizes.join(', ')} volunteers`);
    const files = {};
    for (const side of ['app', 'bare'])
      files[side] = join(tmpdir(), `kindred-bench-candidates-${side}-${randomBytes(4).toString('hex')}.json`);
    return {
      tokens: [token],
      needIds,
      paths: needIds.length,
      modules: join(dirname(ctx.appMainJs), 'modules'),
      files,
      warmupSeconds: ctx.flags?.load?.warmup ?? 2,
    };
  },
  app: (_ctx, data) => ({ method: 'GET', path: pathOf(data.needIds[0]), connections: CONNECTIONS, requestsHook: 'candidatesRequests' }),
  bare: (ctx, data) => ({
    server: 'baselines/candidates-bare.mjs',
    env: { JWT_SECRET: ctx.jwtSecret, MATCHING_MODULES: data.modules },
    readyPath: '/health',
    method: 'GET',
    path: pathOf(data.needIds[0]),
    connections: CONNECTIONS,
    requestsHook: 'candidatesRequests',
  }),
  targets: { maxErrors: 0 },
  async verify(ctx, data, result) {
    const problems = [];
    const { appP95, bareP95, compared, differing } = readRankedResults(data);
    if (result.app) result.app.latencyMs.p95 = appP95;
    if (result.bare) result.bare.latencyMs.p95 = bareP95;
    ctx.log(
      `candidates: p95 app ${appP95?.toFixed(1)} ms, bare ${bareP95?.toFixed(1)} ms; ${compared} answers compared, ${differing.length} differ`,
    );
    if (!(appP95 < 200)) problems.push(`p95 ${appP95?.toFixed(1)} ms ≥ 200 ms`);
    if (result.bare?.errors?.total) problems.push(`bare: ${result.bare.errors.total} errors (${JSON.stringify(result.bare.statusCodes)})`);
    if (differing.length) problems.push(`the baseline ranked ${differing.length} of ${compared} lists differently from the app`);
    return problems;
  },
  // `feed` (run next) reuses the population and takes the needs out; without it in this run, take them out here.
  async teardown(ctx) {
    const only = ctx.flags?.only ?? [];
    if (only.length > 0 && !only.includes('feed')) await dropMatchingNeeds(ctx);
  },
};

export function candidatesRequests(data, side) {
  return rankedRequests(data, side, (k) => pathOf(data.needIds[k % data.needIds.length]));
}
