// DESIGN.md §7: the volunteer feed (top 20 matches) with 100k needs and 200k volunteers, p95 < 100 ms.
// Each request is a different volunteer of 1,000 (their own profile, checks, history), so the ranking statement
// covers the whole province; the bare baseline sends the same statements (the ranking one built by the app's
// compiled builder) and verify() checks that it answered the same pages. See support/matching.mjs for the data.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { api } from './support/kindred.mjs';
import { dropMatchingNeeds, ensureMatchingPopulation, rankedRequests, readRankedResults } from './support/matching.mjs';

const PATH = '/api/v1/me/matches?limit=20';
/** A feed request is ~20 statements and ranks ~500-2,000 shifts: 50 closed-loop connections only measure a queue on 2 cores. */
const CONNECTIONS = 10;

export default {
  name: 'feed',
  description: `${PATH} for 1,000 different volunteers over 100k needs (≈200k shifts) and 200k volunteers`,
  async setup(ctx) {
    const population = await ensureMatchingPopulation(ctx);
    const first = await api(ctx, 'GET', PATH, { token: population.volunteers[0].token });
    const sizes = [];
    for (const v of population.volunteers.slice(0, 5)) sizes.push((await api(ctx, 'GET', PATH, { token: v.token })).data.length);
    ctx.log(`feed: first answers have ${sizes.join(', ')} matches (top score ${first.data[0]?.score ?? 'none'})`);
    const files = {};
    for (const side of ['app', 'bare']) files[side] = join(tmpdir(), `kindred-bench-feed-${side}-${randomBytes(4).toString('hex')}.json`);
    return {
      tokens: population.volunteers.map((v) => v.token),
      paths: 1,
      modules: join(dirname(ctx.appMainJs), 'modules'),
      files,
      warmupSeconds: ctx.flags?.load?.warmup ?? 2,
    };
  },
  app: { method: 'GET', path: PATH, connections: CONNECTIONS, requestsHook: 'feedRequests' },
  bare: (ctx, data) => ({
    server: 'baselines/feed-bare.mjs',
    env: { JWT_SECRET: ctx.jwtSecret, MATCHING_MODULES: data.modules },
    readyPath: '/health',
    method: 'GET',
    path: PATH,
    connections: CONNECTIONS,
    requestsHook: 'feedRequests',
  }),
  targets: { maxErrors: 0 },
  async verify(ctx, data, result) {
    const problems = [];
    const { appP95, bareP95, compared, differing } = readRankedResults(data);
    if (result.app) result.app.latencyMs.p95 = appP95;
    if (result.bare) result.bare.latencyMs.p95 = bareP95;
    ctx.log(
      `feed: p95 app ${appP95?.toFixed(1)} ms, bare ${bareP95?.toFixed(1)} ms; ${compared} answers compared, ${differing.length} differ`,
    );
    if (!(appP95 < 100)) problems.push(`p95 ${appP95?.toFixed(1)} ms ≥ 100 ms`);
    if (result.bare?.errors?.total) problems.push(`bare: ${result.bare.errors.total} errors (${JSON.stringify(result.bare.statusCodes)})`);
    if (differing.length) problems.push(`the baseline ranked ${differing.length} of ${compared} feeds differently from the app`);
    return problems;
  },
  // Later scenarios (needs-search) expect the needs table without these 100k needs.
  async teardown(ctx) {
    await dropMatchingNeeds(ctx);
  },
};

export function feedRequests(data, side) {
  return rankedRequests(data, side, () => PATH);
}
