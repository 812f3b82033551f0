// DESIGN.md §7: 1,000 concurrent sign-up attempts on one 50-seat shift, one per volunteer.
// Exactly 50 confirmed, 950 waitlisted in arrival order (positions 1..950), 0 errors; p99 ≤ 1.5 × bare.
// Each side gets its own fresh 50-seat shift and its own 1,000 volunteers, so the app and the baseline
// start from the same state.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { addShifts, publishedNeed, seedUsers, verifiedNgo } from './support/kindred.mjs';

const ATTEMPTS = 1000;
const CAPACITY = 50;
const HOUR = 3600_000;

function storm(path) {
  return {
    method: 'POST',
    path,
    amount: ATTEMPTS,
    connections: ATTEMPTS,
    fixedLoad: true,
    warmup: false,
    // A timed-out attempt would still be decided by the server; give the queue all the time it needs.
    timeoutSeconds: 120,
    requestsHook: 'stormRequests',
  };
}

export default {
  name: 'signup-storm',
  description: `${ATTEMPTS.toLocaleString('en-US')} concurrent sign-ups (one per volunteer) on one ${CAPACITY}-seat shift`,
  async setup(ctx) {
    const ngo = await verifiedNgo(ctx, 'storm');
    const startsAt = new Date(Date.now() + 2 * 24 * HOUR);
    const endsAt = new Date(startsAt.getTime() + 2 * HOUR);
    const shifts = {};
    await publishedNeed(ctx, ngo, { title: '周末陪伴（抢报）' }, async (need) => {
      for (const side of ['app', 'bare']) {
        [shifts[side]] = await addShifts(ctx, ngo, need.id, {
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          capacity: CAPACITY,
        });
      }
    });
    const data = {};
    for (const side of ['app', 'bare']) {
      const volunteers = await seedUsers(ctx, ATTEMPTS, { label: `storm-${side}` });
      data[side] = {
        shiftId: shifts[side],
        tokens: volunteers.map((v) => v.token),
        responseFile: join(tmpdir(), `kindred-bench-storm-${side}-${randomBytes(4).toString('hex')}.json`),
      };
    }
    ctx.log(`storm shifts: app ${shifts.app}, bare ${shifts.bare}; ${ATTEMPTS} volunteers each`);
    return data;
  },
  app: (ctx, data) => storm(`/api/v1/shifts/${data.app.shiftId}/signups`),
  bare: (ctx, data) => ({
    ...storm(`/api/v1/shifts/${data.bare.shiftId}/signups`),
    server: 'baselines/signups-bare.mjs',
    env: { JWT_SECRET: ctx.jwtSecret },
    readyPath: '/health',
  }),
  targets: { maxP99Ratio: 1.5, maxErrors: 0 },
  async verify(ctx, data, result) {
    const problems = [];
    for (const side of ['app', 'bare']) {
      problems.push(...(await checkSide(ctx, side, data[side], result[side])));
      rmSync(data[side].responseFile, { force: true });
    }
    return problems;
  },
};

/** Exactness of one side, from its answers and from the database. */
async function checkSide(ctx, side, { shiftId, responseFile }, measured) {
  const problems = [];
  const say = (text) => problems.push(`${side}: ${text}`);
  if (measured?.errors?.total) say(`${measured.errors.total} errors (${JSON.stringify(measured.statusCodes)})`);

  let answers = [];
  try {
    answers = JSON.parse(readFileSync(responseFile, 'utf8'));
  } catch {
    say('no answers recorded by the driver');
  }
  const failed = answers.filter((a) => a.status !== 201);
  if (failed.length > 0) {
    const kinds = new Map();
    for (const a of failed) {
      let what = a.body.slice(0, 200);
      try {
        const problem = JSON.parse(a.body);
        what = `${problem.code ?? ''} ${problem.detail ?? ''}`.trim();
      } catch {
        // not JSON; keep the text
      }
      const key = `${a.status} ${what}`;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
    say(`answers other than 201: ${[...kinds].map(([k, n]) => `${n}× ${k}`).join('; ')}`);
  }
  const bodies = answers.filter((a) => a.status === 201).map((a) => JSON.parse(a.body));
  const confirmed = bodies.filter((b) => b.status === 'confirmed');
  const positions = bodies
    .filter((b) => b.status === 'waitlisted')
    .map((b) => b.position)
    .sort((a, b) => a - b);
  if (answers.length !== ATTEMPTS) say(`${answers.length} answers, expected ${ATTEMPTS}`);
  if (confirmed.length !== CAPACITY) say(`${confirmed.length} answered confirmed, expected ${CAPACITY}`);
  if (confirmed.some((b) => b.position !== null)) say('a confirmed answer carries a position');
  if (positions.length !== ATTEMPTS - CAPACITY || positions.some((p, i) => p !== i + 1)) {
    say(`waitlist positions answered are not exactly 1..${ATTEMPTS - CAPACITY} (${positions.length} waitlisted)`);
  }

  const rows = (
    await ctx.query(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
              count(*)::int AS total, count(DISTINCT user_id)::int AS people,
              coalesce(array_agg(waitlist_seq ORDER BY waitlist_seq) FILTER (WHERE status = 'waitlisted'), '{}') AS seqs
         FROM signups WHERE shift_id = $1`,
      [shiftId],
    )
  ).rows[0];
  const seat = (await ctx.query('SELECT confirmed_count, waitlist_count, capacity FROM shift_seats WHERE shift_id = $1', [shiftId]))
    .rows[0];
  if (rows.confirmed !== CAPACITY || rows.waitlisted !== ATTEMPTS - CAPACITY || rows.total !== ATTEMPTS || rows.people !== ATTEMPTS) {
    say(`database holds ${rows.confirmed} confirmed / ${rows.waitlisted} waitlisted / ${rows.total} sign-ups of ${rows.people} people`);
  }
  if (rows.seqs.length !== ATTEMPTS - CAPACITY || rows.seqs.some((s, i) => s !== i + 1)) say('waitlist_seq in the database is not 1..950');
  if (seat.confirmed_count !== CAPACITY || seat.waitlist_count !== ATTEMPTS - CAPACITY) {
    say(`shift_seats counters ${seat.confirmed_count}/${seat.waitlist_count}, expected ${CAPACITY}/${ATTEMPTS - CAPACITY}`);
  }
  ctx.log(
    `${side}: ${confirmed.length} confirmed, ${positions.length} waitlisted (positions ${positions[0] ?? '—'}..${positions.at(-1) ?? '—'}), ` +
      `db ${rows.confirmed}/${rows.waitlisted}, ${problems.length === 0 ? 'exact' : 'NOT exact'}`,
  );
  return problems;
}

/**
 * Runs in the driver process: one token per attempt (each volunteer signs up once), and every
 * answer kept for verify(), written when the driver exits.
 */
export function stormRequests(data, side) {
  const { tokens, responseFile } = data[side];
  let next = 0;
  const answers = [];
  process.once('exit', () => writeFileSync(responseFile, JSON.stringify(answers)));
  return [
    {
      setupRequest: (request) => ({
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
      }),
      onResponse: (status, body) => answers.push({ status, body: String(body) }),
    },
  ];
}
