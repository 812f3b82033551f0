// Giving throughput: receipts and uses recorded by an NGO coordinator on many money pledges, at 50
// connections, beside the same transactions done plainly. Each side has its own 500 pledges (made
// through the API by 20 donors on one published goods need with a money target). Request k works on
// pledge k mod 500: a receipt of 100 fen on the first pass over the pledges, a use of 100 fen on the
// next, and so on; a use always comes 500 requests after the receipt it draws on, so with 50 in flight
// no use can exceed what was received (which would be a 422).
import { api, inParallel, publishedNeed, seedUsers, verifiedNgo } from './support/kindred.mjs';

const PLEDGES = 500;
const DONORS = 20;
const PLEDGED_FEN = 100_000_000;
const STEP_FEN = 100;

export default {
  name: 'pledge-receipt-use',
  description: `POST /pledges/:id/receipts and /usages alternating over ${PLEDGES} money pledges per side`,
  async setup(ctx) {
    const ngo = await verifiedNgo(ctx, 'giving');
    const need = await publishedNeed(ctx, ngo, {
      type: 'goods',
      title: '桃洪镇中心小学冬季物资',
      description: '为留守儿童准备冬衣和书包',
      targetFen: 2_000_000_000,
    });
    const donors = await seedUsers(ctx, DONORS, { label: 'giving-donor', displayName: '捐赠人' });
    const pledges = {};
    const started = Date.now();
    for (const side of ['app', 'bare']) {
      pledges[side] = await inParallel(PLEDGES, 8, async (i) => {
        const pledge = await api(ctx, 'POST', '/api/v1/pledges', {
          token: donors[i % DONORS].token,
          body: { needId: need.id, kind: 'money', amountFen: PLEDGED_FEN, note: `基准测试认捐 ${side} ${i + 1}` },
        });
        return pledge.id;
      });
    }
    ctx.log(`${2 * PLEDGES} pledges through the API in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { token: ngo.owner.token, pledges, usedAt: new Date().toISOString() };
  },
  app: { method: 'POST', path: '/api/v1/pledges/-/receipts', connections: 50, requestsHook: 'givingRequests' },
  bare: (ctx) => ({
    server: 'baselines/pledge-receipt-use-bare.mjs',
    env: { JWT_SECRET: ctx.jwtSecret },
    readyPath: '/health',
    method: 'POST',
    path: '/api/v1/pledges/-/receipts',
    connections: 50,
    requestsHook: 'givingRequests',
  }),
  targets: { maxErrors: 0 },
  async verify(ctx, data, result) {
    const problems = [];
    for (const side of ['app', 'bare']) {
      const m = result[side];
      if (m?.errors?.total) problems.push(`${side}: ${m.errors.total} errors (${JSON.stringify(m.statusCodes)})`);
      // The ledger must add up: per pledge, receipts = received_fen and uses = used_fen.
      const row = (
        await ctx.query(
          `SELECT count(*)::int AS pledges,
                  count(*) FILTER (WHERE p.received_fen <> coalesce(e.received, 0) OR p.used_fen <> coalesce(e.used, 0))::int AS off,
                  coalesce(sum(e.entries), 0)::int AS entries
             FROM pledges p
             LEFT JOIN (SELECT pledge_id, count(*) AS entries,
                               sum(amount_fen) FILTER (WHERE kind = 'receipt') AS received,
                               sum(amount_fen) FILTER (WHERE kind = 'usage') AS used
                          FROM pledge_ledger_entries GROUP BY pledge_id) e ON e.pledge_id = p.id
            WHERE p.id = ANY($1::uuid[])`,
          [data.pledges[side]],
        )
      ).rows[0];
      ctx.log(`${side}: ${row.entries} ledger entries on ${row.pledges} pledges`);
      if (row.off > 0) problems.push(`${side}: ${row.off} pledges whose totals disagree with their ledger`);
    }
    return problems;
  },
};

/** Runs in the driver process: request k is a receipt (even pass) or a use (odd pass) on pledge k mod 500. */
export function givingRequests(data, side) {
  const ids = data.pledges[side];
  const receipt = JSON.stringify({ amountFen: STEP_FEN });
  const usage = JSON.stringify({ amountFen: STEP_FEN, description: '购买冬衣发放给留守儿童', beneficiaryCount: 3, usedAt: data.usedAt });
  let k = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const i = k++;
        const use = Math.floor(i / ids.length) % 2 === 1;
        return {
          ...request,
          method: 'POST',
          path: `/api/v1/pledges/${ids[i % ids.length]}/${use ? 'usages' : 'receipts'}`,
          headers: { ...request.headers, authorization: `Bearer ${data.token}`, 'content-type': 'application/json' },
          body: use ? usage : receipt,
        };
      },
    },
  ];
}
