// `npm run bench`: builds the API, starts it on a fresh database, and runs every scenario in
// bench/scenarios against the app and against its bare baseline, with autocannon in a separate
// process. Prints one table and writes it as JSON under bench/results/. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { provisionDatabase, redactUrl } from './lib/database.mjs';
import {
  cpuSeconds,
  freePort,
  keepLedger,
  rssMiB,
  runningChildren,
  signalPid,
  startProcess,
  sweepOrphans,
  waitForHttp,
  waitForPort,
} from './lib/processes.mjs';
import { checkTargets, formatTable, tableRows, writeResults } from './lib/report.mjs';
import { loadScenarios, resolveSide } from './lib/scenarios.mjs';

const benchDir = new URL('.', import.meta.url).pathname;
const root = join(benchDir, '..');
const DEFAULTS = { duration: 10, connections: 50, warmup: 2 };
const APP_START_TIMEOUT_MS = 180_000;
const SERVER_READY_TIMEOUT_MS = 30_000;

const USAGE = `Usage: npm run bench -- [options]
  --only <names>       run only these scenarios (comma-separated, or repeat the flag)
  --duration <s>       measured seconds per side (default ${DEFAULTS.duration})
  --connections <n>    concurrent connections (default ${DEFAULTS.connections})
  --warmup <s>         warm-up seconds before each measured run (default ${DEFAULTS.warmup}; 0 = none)
  --no-build           use the existing dist/ instead of running nest build
  --help
Uses DATABASE_URL's server when set (creates and drops bench_<random>), otherwise an
embedded PostgreSQL on 127.0.0.1:54333 with data in .data/pg-bench.`;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
// A closed pipe (`npm run bench | head`) must not kill the run before it has cleaned up.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

function positiveNumber(name, value, integer) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)) || (name !== 'warmup' && n === 0)) {
    throw new Error(`--${name} must be a ${integer ? 'positive integer' : 'positive number'}`);
  }
  return n;
}

function parseFlags() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    help: values.help,
    build: !values['no-build'],
    only: (values.only ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
    // Only the flags actually given; they override scenario values (see resolveSide).
    load: Object.fromEntries(
      [
        ['duration', positiveNumber('duration', values.duration, false)],
        ['connections', positiveNumber('connections', values.connections, true)],
        ['warmup', positiveNumber('warmup', values.warmup, false)],
      ].filter(([, v]) => v !== undefined),
    ),
  };
}

function buildApi() {
  log('building the API (npx nest build api)');
  const result = spawnSync('npx', ['nest', 'build', 'api'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  if (result.status !== 0) {
    throw new Error('nest build api failed; fix the build, or rerun with --no-build to use the existing dist/');
  }
}

/**
 * Copies dist/ into this run's folder (inside the repository, so node_modules still resolves),
 * so that another `nest build` (which empties dist/) cannot pull files from under the app.
 */
async function snapshotDist(runDir) {
  const entry = 'apps/api/src/main.js';
  for (let attempt = 1; attempt <= 5; attempt++) {
    if (existsSync(join(root, 'dist', entry))) {
      try {
        cpSync(join(root, 'dist'), join(runDir, 'dist'), { recursive: true });
        if (existsSync(join(runDir, 'dist', entry))) return join(runDir, 'dist', entry);
      } catch {
        // A concurrent build was rewriting dist/; try again.
      }
    }
    await sleep(3000);
  }
  throw new Error(`dist/${entry} is missing; build the API (npx nest build api) or drop --no-build`);
}

function gitFacts() {
  const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (head.status !== 0) return null;
  return { commit: head.stdout.trim(), dirty: git(['status', '--porcelain']).stdout.trim().length > 0 };
}

function childEnv(extra) {
  const env = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TZ']) if (process.env[key] !== undefined) env[key] = process.env[key];
  // The health payload carries the version; both sides report the same one.
  env.npm_package_version = process.env.npm_package_version ?? '0.1.0';
  return { ...env, ...extra };
}

/** Runs one side's driver in its own process and returns its normalised result. */
async function drive(spec, runDir) {
  const specFile = join(runDir, `spec-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const budgetSeconds = spec.amount
    ? Math.max(spec.timeoutSeconds ?? 10, 60) * 5
    : spec.warmupSeconds + spec.durationSeconds + (spec.timeoutSeconds ?? 10) + 60;
  const driver = startProcess({
    name: 'load driver',
    command: process.execPath,
    args: [spec.driver, specFile],
    cwd: root,
    env: childEnv({}),
  });
  let stdout = '';
  let stderr = '';
  driver.child.stdout.on('data', (chunk) => (stdout += chunk));
  driver.child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const timer = sleep(budgetSeconds * 1000).then(() => 'timeout');
  if ((await Promise.race([driver.exited, timer])) === 'timeout') {
    await driver.stop(2000);
    throw new Error(`the load driver ran past ${budgetSeconds} s and was stopped`);
  }
  rmSync(specFile, { force: true });
  const { code, signal } = driver.exitInfo;
  const last = stdout.trim().split('\n').pop();
  if (code !== 0 || !last) throw new Error(`the load driver failed (${signal ?? `code ${code}`}): ${stderr.trim() || 'no output'}`);
  return JSON.parse(last);
}

/** Measures while recording the server process's CPU time and memory. */
async function measure(spec, serverPid, runDir) {
  const cpuBefore = cpuSeconds(serverPid);
  const result = await drive(spec, runDir);
  const cpuAfter = cpuSeconds(serverPid);
  return {
    ...result,
    connections: spec.connections,
    serverCpuSeconds: cpuBefore === null || cpuAfter === null ? null : Number((cpuAfter - cpuBefore).toFixed(2)),
    serverRssMiB: rssMiB(serverPid),
  };
}

function makeContext({ appUrl, databaseUrl, admin, jwtSecret, flags, appMainJs, runDir }) {
  let pool = null;
  return {
    appUrl,
    databaseUrl,
    admin,
    /** The API entry point of this run's dist/ snapshot, for scenarios that start more API processes (replicas). */
    appMainJs,
    /** This run's scratch folder (removed at the end of the run), e.g. for the logs of processes a scenario starts. */
    runDir,
    /** The API's JWT_SECRET, so a scenario can sign access tokens for users it seeds with SQL. */
    jwtSecret,
    flags,
    log: (message) => log(`  ${message}`),
    /** SQL on the bench database (a small pool of its own; not counted in any measurement). */
    query(sql, params) {
      pool ??= new pg.Pool({ connectionString: databaseUrl, max: 4 });
      return pool.query(sql, params);
    },
    /** One JSON request to the app; returns { status, headers, body }. */
    async http(method, path, { body, headers = {}, token } = {}) {
      const response = await fetch(new URL(path, appUrl), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      let parsed = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON; keep the text.
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      if (pool) await pool.end();
      pool = null;
    },
  };
}

async function runScenario(scenario, { ctx, appHandle, databaseUrl, flags, runDir }) {
  const result = { scenario: scenario.name, description: scenario.description ?? '' };
  let bare = null;
  try {
    log(`scenario ${scenario.name}: setup`);
    const data = (await scenario.setup?.(ctx)) ?? {};
    const shared = { ctx, data, defaults: DEFAULTS, flags: flags.load, benchDir };

    const appSpec = { ...(await resolveSide(scenario, 'app', shared)), url: ctx.appUrl };
    log(
      `scenario ${scenario.name}: app, ${appSpec.connections} connections, ${appSpec.amount ? `${appSpec.amount} requests` : `${appSpec.durationSeconds} s`} (+${appSpec.warmupSeconds} s warm-up)`,
    );
    result.app = await measure(appSpec, appHandle.pid, runDir);

    const bareSpec = await resolveSide(scenario, 'bare', shared);
    if (bareSpec.server) {
      const port = await freePort();
      bare = startProcess({
        name: `${scenario.name} baseline`,
        command: process.execPath,
        args: [bareSpec.server],
        cwd: root,
        env: childEnv({ ...bareSpec.serverEnv, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' }),
        logFile: join(runDir, `${scenario.name}-bare.log`),
      });
      bareSpec.url = `http://127.0.0.1:${port}`;
      if (bareSpec.readyPath)
        await waitForHttp(new URL(bareSpec.readyPath, bareSpec.url).toString(), { handle: bare, timeoutMs: SERVER_READY_TIMEOUT_MS });
      else await waitForPort(port, { handle: bare, timeoutMs: SERVER_READY_TIMEOUT_MS });
    }
    log(`scenario ${scenario.name}: bare`);
    result.bare = await measure(bareSpec, bare?.pid, runDir);
    result.ratio = {
      reqPerSec: result.app.reqPerSec / result.bare.reqPerSec,
      p99: result.app.latencyMs.p99 / result.bare.latencyMs.p99,
    };

    const problems = [];
    const targets = checkTargets(scenario.targets, result);
    problems.push(...targets.misses);
    if (scenario.verify) problems.push(...((await scenario.verify(ctx, data, result)) ?? []));
    result.problems = problems;
    result.check = scenario.targets || scenario.verify ? (problems.length === 0 ? 'ok' : `MISS: ${problems.join('; ')}`) : '';
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    log(`scenario ${scenario.name} failed: ${result.error}`);
  } finally {
    if (bare) await bare.stop();
    // Optional: ends what setup or a side started (extra processes, databases), whether or not the scenario failed.
    if (scenario.teardown) {
      try {
        await scenario.teardown(ctx);
      } catch (error) {
        log(`scenario ${scenario.name}: teardown failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return result;
}

async function main() {
  const flags = parseFlags();
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const startedAt = new Date();
  const scenarios = await loadScenarios(benchDir, flags.only);
  if (scenarios.length === 0) throw new Error('no scenarios in bench/scenarios');

  const runsDir = join(root, '.data', 'bench-runs');
  await sweepOrphans(runsDir, log);
  const runId = `${startedAt.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  const runDir = join(runsDir, runId);
  mkdirSync(runDir, { recursive: true });
  keepLedger(join(runDir, 'ledger.json'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kindred-bench-'));
  let database = null;
  let ctx = null;

  let interrupted = false;
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const handle of runningChildren()) await handle.stop();
      await ctx?.close().catch(() => undefined);
      await database?.dispose().catch((error) => log(`could not drop the bench database: ${error.message}`));
      rmSync(runDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
      if (existsSync(runsDir) && readdirSync(runsDir).length === 0) rmSync(runsDir, { recursive: true, force: true });
    })());
  const onSignal = (signal) => {
    log(`${signal}: stopping`);
    interrupted = true;
    // End the children at once; the rest of the clean-up may be cut short by the exit.
    for (const handle of runningChildren()) signalPid(handle.pid, 'SIGTERM');
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  // Last resort: whatever else goes wrong, do not leave the API or a baseline running.
  process.once('exit', () => {
    for (const handle of runningChildren()) signalPid(handle.pid, 'SIGKILL');
  });

  try {
    if (flags.build) buildApi();
    const mainJs = await snapshotDist(runDir);
    database = await provisionDatabase({ root, log });

    const port = await freePort();
    const admin = { login: 'admin@bench.local', password: `bench-${randomBytes(9).toString('base64url')}` };
    const jwtSecret = randomBytes(32).toString('hex');
    const appEnv = Object.assign({}, ...scenarios.map((s) => s.appEnv ?? {}));
    const appLog = join(runDir, 'app.log');
    log(`starting the API on 127.0.0.1:${port}`);
    const app = startProcess({
      name: 'the API',
      command: process.execPath,
      args: [mainJs],
      cwd: root,
      logFile: appLog,
      env: childEnv({
        ...appEnv,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        JWT_SECRET: jwtSecret,
        JWT_REFRESH_SECRET: randomBytes(32).toString('hex'),
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        ADMIN_LOGIN: admin.login,
        ADMIN_PASSWORD: admin.password,
        DATA_DIR: dataDir,
        ADMIN_DIST_DIR: join(root, 'apps/admin/dist'),
      }),
    });
    const appUrl = `http://127.0.0.1:${port}`;
    const appStarted = Date.now();
    try {
      await waitForHttp(`${appUrl}/api/v1/health`, { handle: app, timeoutMs: APP_START_TIMEOUT_MS });
    } catch (error) {
      const tail = existsSync(appLog) ? readFileSync(appLog, 'utf8').split('\n').slice(-30).join('\n') : '';
      throw new Error(`${error.message}\n--- app log (last lines) ---\n${tail}`, { cause: error });
    }
    log(`the API answered health after ${((Date.now() - appStarted) / 1000).toFixed(1)} s (migrations included)`);

    ctx = makeContext({ appUrl, databaseUrl: database.url, admin, jwtSecret, flags, appMainJs: mainJs, runDir });
    const results = [];
    for (const scenario of scenarios) {
      if (interrupted) break;
      results.push(await runScenario(scenario, { ctx, appHandle: app, databaseUrl: database.url, flags, runDir }));
    }

    if (interrupted) return 130;
    const rows = tableRows(results);
    const table = formatTable(rows);
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      git: gitFacts(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        totalMemMiB: Math.round(totalmem() / 2 ** 20),
        freeMemMiB: Math.round(freemem() / 2 ** 20),
        loadAvgAtEnd: loadavg().map((v) => Number(v.toFixed(2))),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        note: 'app, baseline, PostgreSQL and the load generator share the same cores',
      },
      database: {
        mode: database.mode,
        serverVersion: database.serverVersion,
        server: database.mode === 'server' ? redactUrl(process.env.DATABASE_URL) : '127.0.0.1:54333 (embedded)',
      },
      settings: { ...DEFAULTS, ...flags.load, only: flags.only },
      table: rows,
      scenarios: results,
    };
    const file = writeResults(benchDir, startedAt, report);
    process.stdout.write(`\n${table}\n\nWritten to ${relative(root, file)}\n`);
    return results.some((r) => r.error) ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
