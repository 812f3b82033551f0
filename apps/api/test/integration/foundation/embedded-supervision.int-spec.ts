import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { TEST_PASSWORD, uniqueEmail } from '../../factories/identity.factory';

const ROOT = join(__dirname, '../../../../..');
const PG_PORT = 54336;
const API_PORT = 34336;

interface Api {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/** The real entry point, as `npm start` runs it: no DATABASE_URL, so it starts and supervises its embedded server. */
function startApi(dataDir: string): Api {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_SWC: 'true',
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(PG_PORT),
        PORT: String(API_PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DEMO_DATA: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

const api = (): ReturnType<typeof request> => request(`http://127.0.0.1:${API_PORT}`);

async function healthStatus(): Promise<number> {
  return api()
    .get('/api/v1/health')
    .timeout(3000)
    .then((res) => res.status)
    .catch(() => 0);
}

async function waitForHealth(status: number, timeoutMs: number, started: Api): Promise<number[]> {
  const seen: number[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started.child.exitCode !== null) throw new Error(`the API exited:\n${started.output.join('')}`);
    const now = await healthStatus();
    seen.push(now);
    if (now === status) return seen;
    if (Date.now() > deadline) throw new Error(`health stayed ${now}:\n${started.output.join('')}`);
    await sleep(100);
  }
}

function postmasterPid(pgDir: string): number {
  return Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

describe('npm start supervising its embedded PostgreSQL', () => {
  const base = mkdtempSync(join(tmpdir(), 'kindred-supervised-'));
  const pgDir = join(base, 'pg');
  let started: Api;

  beforeAll(async () => {
    started = startApi(base);
    // Generous: a TypeScript start-up, initdb and all migrations compete with other test files for two cores.
    await waitForHealth(200, 90_000, started);
  }, 120_000);

  afterAll(async () => {
    if (started.child.exitCode === null) {
      started.child.kill('SIGTERM');
      await started.exited;
    }
    const realDir = realpathSync(pgDir);
    if (realDir !== pgDir) rmSync(realDir, { recursive: true, force: true });
    rmSync(base, { recursive: true, force: true });
  });

  it('should restart the stopped server and answer 200 again without restarting the API, keeping the data', async () => {
    const email = uniqueEmail('supervised');
    const registered = await api().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, displayName: '守护测试' });
    expect(registered.status).toBe(201);
    const apiPid = started.child.pid;
    const before = postmasterPid(pgDir);

    // Stopped from outside, as `pg_ctl stop -m fast` does (SIGINT to the postmaster).
    process.kill(before, 'SIGINT');
    await waitForHealth(200, 30_000, started);

    expect(started.child.exitCode).toBeNull();
    expect(started.child.pid).toBe(apiPid);
    expect(postmasterPid(pgDir)).not.toBe(before);
    expect(started.output.join('')).toContain('Embedded PostgreSQL restarted');
    const login = await api().post('/api/v1/auth/login').send({ login: email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(registered.body.user.id);
  }, 60_000);

  it('should recover the same way when the postmaster is killed with SIGKILL', async () => {
    const before = postmasterPid(pgDir);
    process.kill(before, 'SIGKILL');
    await waitForHealth(200, 30_000, started);
    expect(started.child.exitCode).toBeNull();
    expect(postmasterPid(pgDir)).not.toBe(before);
  }, 60_000);

  it('should exit non-zero naming the data folder when the server cannot be restarted', async () => {
    // As root the requested folder is a link to one the server's OS user can reach: move the real one.
    const realDir = realpathSync(pgDir);
    const before = postmasterPid(realDir);
    process.kill(before, 'SIGINT');
    // Without its data folder the server cannot start again, however often it is tried.
    renameSync(realDir, `${realDir}.away`);
    const patience = new AbortController();
    try {
      const code = await Promise.race([started.exited, sleep(40_000, 'still running', { signal: patience.signal }).catch(() => 'aborted')]);
      expect(code).toBe(1);
      expect(started.output.join('')).toContain(
        `Kindred is stopping: Embedded PostgreSQL stopped and did not restart after 5 attempts (data in ${realDir})`,
      );
    } finally {
      patience.abort();
      renameSync(`${realDir}.away`, realDir);
    }
  }, 60_000);
});
