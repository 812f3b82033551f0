// Live fan-out (DESIGN.md §7, issue #4): commit-to-delivery latency with 1,000 and then 5,000 sockets
// spread over TWO API replicas on one PostgreSQL and one Redis, and the memory of each replica,
// beside two plain socket.io servers with the same Redis adapter doing one `io.to(room).emit` per event.
//
// Topology. The runner's own API has no Redis and would compete for the outbox publisher's advisory
// lock (one per database), so this scenario starts its own pair on a database of its own on the same
// server (`<bench db>_fanout`): replica A (the only one given ADMIN_*, started first, so it takes the
// publisher role) and replica B, both with REDIS_URL. Every socket belongs to one NGO (all are in its
// `org:` room); sockets alternate between A and B. A write is POST /organizations/{id}/members (adds a
// seeded user as staff: one `membership.changed` event to the org room), alternately through A and B;
// latency runs from that write's HTTP response to each socket's receipt of the event.
//
// Redis: REDIS_URL when set; otherwise a redis-server started here on a free 127.0.0.1 port when the
// binary exists; otherwise the scenario is skipped (it fails with a message starting "skipped").
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { freePort, startProcess, waitForHttp, waitForPort } from '../lib/processes.mjs';

const root = new URL('../..', import.meta.url).pathname;
const TIERS = [1000, 5000];
const RATE_PER_SECOND = 5;
const SECONDS = 12;
const WARMUP_EVENTS = 3;
// Users that the writes add to the organisation, one per write (the measured ones, the warm-up, a margin).
const JOINERS = TIERS.length * (RATE_PER_SECOND * SECONDS + WARMUP_EVENTS) + 50;
const TOKEN_TTL_SECONDS = 3600;
const START_TIMEOUT_MS = 180_000;
const TARGET_P99_MS = 300;
const TARGET_RSS_MIB = 1024;

/** What setup and the bare side started; teardown ends it (module state: the runner imports this file once). */
let state = null;

function baseEnv() {
  const env = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TZ']) if (process.env[key] !== undefined) env[key] = process.env[key];
  env.npm_package_version = process.env.npm_package_version ?? '0.1.0';
  return env;
}

function onPath(binary) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, binary))) return join(dir, binary);
  }
  return null;
}

function withDatabase(url, database, params = {}) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  for (const [k, v] of Object.entries(params)) parsed.searchParams.set(k, v);
  return parsed.toString();
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An access token as TokensService signs it: HS256 over {sub, sid, typ: 'access'}. */
function accessToken(secret, userId, familyId) {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, sid: familyId, typ: 'access', iat, exp: iat + TOKEN_TTL_SECONDS })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function logTail(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '';
}

async function startAndWait(ctx, { name, command, args, env, readyUrl, logFile }) {
  const handle = startProcess({ name, command, args, cwd: root, env, logFile });
  state.processes.push(handle);
  try {
    await waitForHttp(readyUrl, { handle, timeoutMs: START_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`${error.message}\n--- ${name} log (last lines) ---\n${logTail(logFile)}`, { cause: error });
  }
  return handle;
}

async function resolveRedis(ctx) {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  const binary = onPath('redis-server');
  if (!binary) return null;
  const port = await freePort();
  const handle = startProcess({
    name: 'fan-out redis-server',
    command: binary,
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    cwd: root,
    env: baseEnv(),
    logFile: join(ctx.runDir, 'fan-out-redis.log'),
  });
  state.processes.push(handle);
  await waitForPort(port, { handle, timeoutMs: 15_000 });
  ctx.log(`REDIS_URL is unset: started redis-server on 127.0.0.1:${port} (pid ${handle.pid})`);
  return `redis://127.0.0.1:${port}`;
}

async function stopAll() {
  if (!state) return;
  const processes = state.processes;
  state.processes = [];
  await Promise.all(processes.map((h) => h.stop()));
}

/** Seeds one NGO, its owner, TIERS.max staff members with sessions, and JOINERS users the writes will add. */
async function seed(url, jwtSecret, members) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const hash = (await pool.query('SELECT password_hash FROM users LIMIT 1')).rows[0]?.password_hash ?? 'x'.repeat(60);
    const tag = randomBytes(3).toString('hex');
    const ownerId = randomUUID();
    const orgId = randomUUID();
    const people = []; // [id, email, name, familyId | null]
    people.push([ownerId, `fanout.owner.${tag}@example.cn`, '扇出负责人', randomUUID()]);
    for (let i = 0; i < members; i++) people.push([randomUUID(), `fanout.${tag}.${i}@example.cn`, `成员${i + 1}`, randomUUID()]);
    const joiners = [];
    for (let i = 0; i < JOINERS; i++) {
      const id = randomUUID();
      joiners.push({ id, login: `fanout.${tag}.join${i}@example.cn` });
      people.push([id, joiners[i].login, `新成员${i + 1}`, null]);
    }
    const col = (i) => people.map((p) => p[i]);
    await pool.query(
      'INSERT INTO users (id, email, password_hash, display_name) SELECT id, email, $3, name FROM unnest($1::uuid[], $2::text[], $4::text[]) AS t(id, email, name)',
      [col(0), col(1), hash, col(2)],
    );
    await pool.query(
      `INSERT INTO organizations (id, kind, name, region_code, status, created_by, verified_at) VALUES ($1, 'ngo', '扇出测试公益', '110000', 'verified', $2, now())`,
      [orgId, ownerId],
    );
    const staff = people.slice(0, members + 1);
    await pool.query(
      `INSERT INTO memberships (org_id, user_id, role)
       SELECT $1, id, CASE WHEN id = $3 THEN 'owner' ELSE 'staff' END FROM unnest($2::uuid[]) AS t(id)`,
      [orgId, staff.map((p) => p[0]), ownerId],
    );
    await pool.query(
      `INSERT INTO sessions (family_id, user_id, token_hash, expires_at)
       SELECT family, id, encode(sha256(convert_to(family::text, 'UTF8')), 'hex'), now() + interval '1 day'
         FROM unnest($1::uuid[], $2::uuid[]) AS t(id, family)`,
      [staff.map((p) => p[0]), staff.map((p) => p[3])],
    );
    return {
      orgId,
      ownerToken: accessToken(jwtSecret, ownerId, people[0][3]),
      tokens: staff.slice(1).map((p) => accessToken(jwtSecret, p[0], p[3])),
      joiners,
    };
  } finally {
    await pool.end();
  }
}

/** Which replica holds the publisher's advisory lock (by the application_name each one connects with). */
async function publisherName(url) {
  const { rows } = await withClient(url, (client) =>
    client.query(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    ),
  );
  return rows.map((r) => r.application_name);
}

const f = (v, digits = 1) => (typeof v === 'number' ? v.toFixed(digits) : '—');

function tierLines(label, measured) {
  const lines = [];
  for (const t of measured?.fanout?.tiers ?? []) {
    const c = t.commitToDeliveryMs;
    const rss = Object.entries(t.rssMiB)
      .map(([name, r]) => `${name} ${r.peak}`)
      .join(' / ');
    const via = Object.entries(t.byWriteReplica)
      .map(([name, p]) => `${name} p99 ${f(p.p99)}`)
      .join(', ');
    lines.push(
      `${label.padEnd(4)} ${String(t.sockets).padStart(5)} sockets (${Object.values(t.perReplica).join('+')}): ` +
        `p50 ${f(c.p50)} ms, p99 ${f(c.p99)} ms, max ${f(c.max)} ms; delivered ${t.delivered}/${t.expected}, dup ${t.duplicates}; ` +
        `peak RSS MiB ${rss}; ${via}`,
    );
  }
  return lines;
}

export default {
  name: 'fan-out',
  description:
    'live event commit-to-delivery with 1,000 then 5,000 sockets over 2 API replicas + Redis vs 2 plain socket.io servers with the Redis adapter',
  async setup(ctx) {
    if (!ctx.appMainJs || !ctx.runDir) throw new Error('this runner does not give scenarios appMainJs/runDir (bench/run.mjs)');
    state = { processes: [], database: null, dataDir: null };
    const redisUrl = await resolveRedis(ctx);
    if (!redisUrl) throw new Error('skipped: REDIS_URL is unset and there is no redis-server on PATH to start');

    // A database of our own on the same server, so that the runner's API (no Redis) cannot take the publisher role.
    const benchDb = decodeURIComponent(new URL(ctx.databaseUrl).pathname.slice(1));
    const database = `${benchDb}_fanout`;
    const adminUrl = withDatabase(ctx.databaseUrl, 'postgres');
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
    state.database = { adminUrl, name: database };
    state.dataDir = mkdtempSync(join(tmpdir(), 'kindred-fanout-'));
    ctx.log(`created database ${database}; starting replicas A and B with REDIS_URL`);

    const jwtSecret = randomBytes(32).toString('hex');
    const common = {
      ...baseEnv(),
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      REDIS_URL: redisUrl,
      JWT_SECRET: jwtSecret,
      JWT_REFRESH_SECRET: randomBytes(32).toString('hex'),
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: state.dataDir,
      ADMIN_DIST_DIR: join(root, 'apps/admin/dist'),
    };
    const servers = [];
    for (const name of ['A', 'B']) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const started = Date.now();
      const handle = await startAndWait(ctx, {
        name: `fan-out API replica ${name}`,
        command: process.execPath,
        args: [ctx.appMainJs],
        env: {
          ...common,
          PORT: String(port),
          // application_name tells the replicas apart in pg_stat_activity (who holds the publisher lock).
          DATABASE_URL: withDatabase(ctx.databaseUrl, database, { application_name: `kindred-fanout-${name}` }),
          // Only A creates the admin: two replicas doing it on an empty database race.
          ...(name === 'A' ? { ADMIN_LOGIN: `admin@fanout.local`, ADMIN_PASSWORD: `bench-${randomBytes(9).toString('base64url')}` } : {}),
        },
        readyUrl: `${url}/api/v1/health`,
        logFile: join(ctx.runDir, `fan-out-replica-${name}.log`),
      });
      ctx.log(`replica ${name} (pid ${handle.pid}) answered health after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      servers.push({ name, url, pid: handle.pid });
    }

    const dbUrl = withDatabase(ctx.databaseUrl, database);
    const seeded = await seed(dbUrl, jwtSecret, Math.max(...TIERS));
    // The publisher takes the lock shortly after start; give B's first retry a moment in case A lost a race.
    let holders = [];
    for (let i = 0; i < 20 && holders.length === 0; i++) {
      holders = await publisherName(dbUrl);
      if (holders.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    for (const s of servers) if (holders.includes(`kindred-fanout-${s.name}`)) s.role = 'publisher';
    ctx.log(
      `seeded 1 NGO, ${Math.max(...TIERS)} staff with sessions, ${JOINERS} users to add; publisher: ${servers.find((s) => s.role)?.name ?? 'unknown'}`,
    );
    return {
      plan: {
        tiers: TIERS,
        ratePerSecond: RATE_PER_SECOND,
        seconds: SECONDS,
        warmupEvents: WARMUP_EVENTS,
        clients: 2,
        concurrency: 50,
        settleMs: 1500,
        graceSeconds: 15,
      },
      redisUrl,
      sides: { app: { kind: 'app', servers, ...seeded } },
    };
  },
  // The runner's `url` (its own API) is not used: the driver talks to the replicas in data.sides.app.
  app: {
    driver: 'drivers/socket-fanout.mjs',
    fixedLoad: true,
    duration: SECONDS,
    warmup: false,
    connections: Math.max(...TIERS),
    timeoutSeconds: 90,
  },
  // A function, so that it runs after the app side: stop the replicas (their cores and memory), start the baseline pair.
  async bare(ctx, data) {
    await stopAll();
    const servers = [];
    const key = `fanout-bare:${randomBytes(4).toString('hex')}`;
    for (const name of ['A', 'B']) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const handle = await startAndWait(ctx, {
        name: `fan-out baseline ${name}`,
        command: process.execPath,
        args: [join(root, 'bench/baselines/fanout-bare.mjs')],
        env: { ...baseEnv(), PORT: String(port), HOST: '127.0.0.1', REDIS_URL: data.redisUrl, REDIS_KEY: key },
        readyUrl: `${url}/health`,
        logFile: join(ctx.runDir, `fan-out-bare-${name}.log`),
      });
      servers.push({ name, url, pid: handle.pid });
    }
    data.sides.bare = { kind: 'bare', servers, room: `org:${data.sides.app.orgId}` };
    return {
      driver: 'drivers/socket-fanout.mjs',
      fixedLoad: true,
      duration: SECONDS,
      warmup: false,
      connections: Math.max(...TIERS),
      timeoutSeconds: 90,
    };
  },
  targets: { maxP99Ms: TARGET_P99_MS },
  async verify(ctx, data, result) {
    for (const line of [...tierLines('app', result.app), ...tierLines('bare', result.bare)]) ctx.log(line);
    const problems = [];
    for (const t of result.app?.fanout?.tiers ?? []) {
      if (t.missing > 0 || t.duplicates > 0)
        problems.push(`${t.sockets} sockets: ${t.missing} deliveries missing, ${t.duplicates} duplicated`);
      if (t.connected < t.sockets) problems.push(`${t.sockets} sockets: only ${t.connected} connected`);
      for (const [name, r] of Object.entries(t.rssMiB)) {
        if (r.peak >= TARGET_RSS_MIB) problems.push(`replica ${name} peaked at ${r.peak} MiB with ${t.sockets} sockets (≥ 1 GiB)`);
      }
    }
    return problems;
  },
  async teardown(ctx) {
    if (!state) return;
    await stopAll();
    if (state.database) {
      const { adminUrl, name } = state.database;
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch((error) =>
        ctx.log(`could not drop ${name}: ${error.message}`),
      );
    }
    if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
    state = null;
  },
};
