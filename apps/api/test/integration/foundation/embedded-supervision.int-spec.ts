import { mkdtempSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_PASSWORD, uniqueEmail } from '../../factories/identity.factory';
import { postmasterPid, startApiProcess, stopApiProcess, type ApiProcess } from '../../support/api-process';

// Fixed ports below Linux's ephemeral range (32768–60999), so no test's outgoing connection or listen(0) can hold them.
const PG_PORT = 25436;
const API_PORT = 24336;

/** How many times the API has said it restarted its server. */
const restarts = (api: ApiProcess): number => api.output.join('').split('Embedded PostgreSQL restarted').length - 1;

/** Waits until the supervisor has restarted the server once more than `before` (health alone may still be 200 while it stops). */
async function restartedSince(api: ApiProcess, before: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (restarts(api) <= before && Date.now() < deadline) await sleep(100);
  expect(restarts(api)).toBeGreaterThan(before);
}

describe('npm start supervising its embedded PostgreSQL', () => {
  const base = mkdtempSync(join(tmpdir(), 'kindred-supervised-'));
  const pgDir = join(base, 'pg');
  let api: ApiProcess;

  beforeAll(async () => {
    api = startApiProcess(API_PORT, { DATA_DIR: base, EMBEDDED_PG_PORT: String(PG_PORT), LOG_LEVEL: 'info' });
    // Generous: a TypeScript start-up, initdb and all migrations compete with other test files for two cores.
    await api.waitForHealth(200, 90_000);
  }, 120_000);

  afterAll(async () => {
    await stopApiProcess(api);
    const realDir = realpathSync(pgDir);
    if (realDir !== pgDir) rmSync(realDir, { recursive: true, force: true });
    rmSync(base, { recursive: true, force: true });
  });

  it('should restart the stopped server and answer 200 again without restarting the API, keeping the data', async () => {
    const email = uniqueEmail('supervised');
    const registered = await api.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, displayName: '守护测试' });
    expect(registered.status).toBe(201);
    const apiPid = api.child.pid;
    const before = postmasterPid(pgDir);
    const restartsBefore = restarts(api);

    // Stopped from outside, as `pg_ctl stop -m fast` does (SIGINT to the postmaster).
    process.kill(before, 'SIGINT');
    await restartedSince(api, restartsBefore);
    await api.waitForHealth(200, 30_000);

    expect(api.child.exitCode).toBeNull();
    expect(api.child.pid).toBe(apiPid);
    expect(postmasterPid(pgDir)).not.toBe(before);
    expect(api.output.join('')).toContain('Embedded PostgreSQL restarted');
    const login = await api.http().post('/api/v1/auth/login').send({ login: email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(registered.body.user.id);
  }, 60_000);

  it('should recover the same way when the postmaster is killed with SIGKILL', async () => {
    const before = postmasterPid(pgDir);
    const restartsBefore = restarts(api);
    process.kill(before, 'SIGKILL');
    await restartedSince(api, restartsBefore);
    await api.waitForHealth(200, 30_000);
    expect(api.child.exitCode).toBeNull();
    expect(postmasterPid(pgDir)).not.toBe(before);
  }, 60_000);

  it('should exit non-zero naming the data folder when the server cannot be restarted', async () => {
    // As root the requested folder is a link to one the server's OS user can reach: move the real one.
    const realDir = realpathSync(pgDir);
    process.kill(postmasterPid(realDir), 'SIGINT');
    // Without its data folder the server cannot start again, however often it is tried.
    renameSync(realDir, `${realDir}.away`);
    const patience = new AbortController();
    try {
      const code = await Promise.race([api.exited, sleep(40_000, 'still running', { signal: patience.signal }).catch(() => 'aborted')]);
      expect(code).toBe(1);
      expect(api.output.join('')).toContain(
        `Kindred is stopping: Embedded PostgreSQL stopped and did not restart after 5 attempts (data in ${realDir})`,
      );
    } finally {
      patience.abort();
      renameSync(`${realDir}.away`, realDir);
    }
  }, 60_000);
});
