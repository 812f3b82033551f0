// DESIGN.md §7: sustained sign-ups spread over 1,000 shifts at 100 connections; ≥ 0.5 × bare req/s.
// Each side has its own 1,000 shifts (5 published needs × a daily series of 200, at five different
// hours so no two overlap) and its own 2,003 volunteers. Request k is volunteer k mod 2,003 on shift
// k mod 1,000: every (volunteer, shift) pair is used at most once (2,003 and 1,000 are coprime), so
// no attempt is a duplicate or a schedule conflict; seats run out after 10 and later attempts are
// waitlisted (also 201).
import { addShifts, publishedNeed, seedUsers, verifiedNgo } from './support/kindred.mjs';

const NEEDS = 5;
const SHIFTS_PER_NEED = 200;
const VOLUNTEERS = 2003; // prime, so coprime with the 1,000 shifts
const CAPACITY = 10;
const HOUR = 3600_000;

export default {
  name: 'signups-sustained',
  description: `sign-ups over ${NEEDS * SHIFTS_PER_NEED} shifts, a different volunteer/shift pair per request`,
  async setup(ctx) {
    const ngo = await verifiedNgo(ctx, 'sustained');
    // Tomorrow 00:00 UTC (08:00 in Beijing); need i runs daily from 08:00 + 3i h for 2 h.
    const day = new Date(Math.ceil(Date.now() / (24 * HOUR)) * 24 * HOUR + 24 * HOUR);
    const shifts = { app: [], bare: [] };
    for (let i = 0; i < NEEDS; i++) {
      const startsAt = new Date(day.getTime() + 3 * i * HOUR);
      const series = {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        capacity: CAPACITY,
        rrule: `FREQ=DAILY;COUNT=${SHIFTS_PER_NEED}`,
        until: new Date(startsAt.getTime() + (SHIFTS_PER_NEED + 10) * 24 * HOUR).toISOString(),
      };
      await publishedNeed(ctx, ngo, { title: `长期陪伴 ${i + 1}` }, async (need) => {
        for (const side of ['app', 'bare']) shifts[side].push(await addShifts(ctx, ngo, need.id, series));
      });
    }
    const data = {};
    for (const side of ['app', 'bare']) {
      // Interleave the needs so that consecutive requests hit different needs and days.
      const ids = [];
      for (let j = 0; j < SHIFTS_PER_NEED; j++) for (const series of shifts[side]) ids.push(series[j]);
      const volunteers = await seedUsers(ctx, VOLUNTEERS, { label: `sustained-${side}` });
      data[side] = { shiftIds: ids, tokens: volunteers.map((v) => v.token) };
    }
    ctx.log(`${data.app.shiftIds.length} shifts and ${VOLUNTEERS} volunteers per side`);
    return data;
  },
  app: { method: 'POST', path: '/api/v1/shifts/-/signups', connections: 100, requestsHook: 'sustainedRequests' },
  bare: (ctx) => ({
    server: 'baselines/signups-bare.mjs',
    env: { JWT_SECRET: ctx.jwtSecret },
    readyPath: '/health',
    method: 'POST',
    path: '/api/v1/shifts/-/signups',
    connections: 100,
    requestsHook: 'sustainedRequests',
  }),
  targets: { minReqPerSecRatio: 0.5, maxErrors: 0 },
  async verify(ctx, data, result) {
    const problems = [];
    for (const side of ['app', 'bare']) {
      const m = result[side];
      if (m?.errors?.total) problems.push(`${side}: ${m.errors.total} errors (${JSON.stringify(m.statusCodes)})`);
      const row = (
        await ctx.query(
          `SELECT count(*)::int AS signups,
                  count(*) FILTER (WHERE g.status = 'confirmed')::int AS confirmed,
                  (SELECT count(*)::int FROM shift_seats s WHERE s.shift_id = ANY($1::uuid[]) AND s.confirmed_count > s.capacity) AS overbooked,
                  (SELECT coalesce(sum(s.confirmed_count + s.waitlist_count), 0)::int FROM shift_seats s WHERE s.shift_id = ANY($1::uuid[])) AS counted
             FROM signups g WHERE g.shift_id = ANY($1::uuid[])`,
          [data[side].shiftIds],
        )
      ).rows[0];
      ctx.log(`${side}: ${row.signups} sign-ups (${row.confirmed} confirmed) on ${data[side].shiftIds.length} shifts`);
      if (row.overbooked > 0) problems.push(`${side}: ${row.overbooked} shifts over capacity`);
      if (row.counted !== row.signups) problems.push(`${side}: seat counters say ${row.counted}, signups table ${row.signups}`);
    }
    return problems;
  },
};

/** Runs in the driver process: request k is volunteer k mod V on shift k mod S (each pair at most once). */
export function sustainedRequests(data, side) {
  const { shiftIds, tokens } = data[side];
  let k = 0;
  return [
    {
      setupRequest: (request) => {
        const i = k++;
        return {
          ...request,
          path: `/api/v1/shifts/${shiftIds[i % shiftIds.length]}/signups`,
          headers: { ...request.headers, authorization: `Bearer ${tokens[i % tokens.length]}` },
        };
      },
    },
  ];
}
