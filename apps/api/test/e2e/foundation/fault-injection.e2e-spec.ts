import { randomUUID } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { runLedgerChecks } from '../../../src/modules/giving/sql/ledger-checks';
import { createGoodsNeed, pledge, type GoodsNeed } from '../../factories/giving.factory';
import { createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { embeddedOwnerUrl, postmasterPid, startApiProcess, stopApiProcess, type ApiProcess } from '../../support/api-process';
import { startTestApp, TEST_ADMIN, TEST_LOG_DIR, type TestApp } from '../../support/app';
import { TEST_APP_ROLE } from '../../support/test-server';

type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

interface Attempted {
  key: string;
  /** Every status the client saw for this key, in order; the last one is the success. */
  statuses: number[];
  pledgeId: string;
}

const KEYS = 40;
const MAX_ATTEMPTS = 200;
const KILL_ROUNDS = 20;

/** A client that retries the same Idempotency-Key and body until it gets a 2xx, as the API's contract allows. */
async function pledgeUntilCreated(t: TestApp, donor: TestUser, needId: string, amountFen: number): Promise<Attempted> {
  const key = randomUUID();
  const statuses: number[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const res = await pledge(t, donor, { needId, kind: 'money', amountFen }, key);
    statuses.push(res.status);
    if (res.status >= 200 && res.status < 300) return { key, statuses, pledgeId: res.body.id as string };
    await sleep(25 + attempt * 5);
  }
  throw new Error(`key ${key} never succeeded: ${statuses.join(',')}`);
}

/** Exactly one pledge, one idempotency record, one audit row and one of each event per key: nothing lost, nothing doubled. */
async function expectExactlyOncePerKey(query: Query, needId: string, results: Attempted[], coverageEventsBefore: number): Promise<void> {
  const ids = results.map((r) => r.pledgeId);
  expect(new Set(ids).size).toBe(results.length);

  const pledges = await query<{ id: string }>('SELECT id FROM pledges WHERE need_id = $1', [needId]);
  expect(pledges.map((p) => p.id).sort()).toEqual([...ids].sort());

  const keys = await query<{ key: string; n: number; status: number }>(
    'SELECT key, count(*)::int AS n, min(response_status) AS status FROM idempotency_keys WHERE key = ANY($1) GROUP BY key',
    [results.map((r) => r.key)],
  );
  expect(keys).toHaveLength(results.length);
  expect(keys.every((k) => k.n === 1 && k.status === 201)).toBe(true);

  const audit = await query<{ id: string; n: number }>(
    `SELECT entity_id AS id, count(*)::int AS n FROM audit_log WHERE action = 'pledge.created' AND entity_id = ANY($1) GROUP BY entity_id`,
    [ids],
  );
  expect(audit).toHaveLength(results.length);
  expect(audit.every((a) => a.n === 1)).toBe(true);

  const created = await query<{ id: string; n: number }>(
    `SELECT payload->>'pledgeId' AS id, count(*)::int AS n FROM events WHERE type = 'pledge.created' AND payload->>'pledgeId' = ANY($1) GROUP BY 1`,
    [ids],
  );
  expect(created).toHaveLength(results.length);
  expect(created.every((e) => e.n === 1)).toBe(true);
  const [coverage] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events WHERE type = 'need.coverage_updated' AND need_id = $1`,
    [needId],
  );
  expect(coverage.n - coverageEventsBefore).toBe(results.length);
}

/**
 * Every key ended in a 2xx, and every failure before it was a 503 (with Retry-After) that the client is right
 * to retry with the same key: never a 500, never a 401 that would sign the person out, never 409/422 (the key
 * machinery breaking) nor a 400.
 */
const RETRIED_STATUSES = new Set([503]);

function expectOnlyRetriedServerFailures(results: Attempted[]): number[] {
  const failed = results.flatMap((r) => r.statuses.slice(0, -1));
  expect(results.every((r) => r.statuses.at(-1)! >= 200 && r.statuses.at(-1)! < 300)).toBe(true);
  expect(failed.filter((s) => !RETRIED_STATUSES.has(s))).toEqual([]);
  return failed;
}

async function coverageEvents(query: Query, needId: string): Promise<number> {
  const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'need.coverage_updated' AND need_id = $1`, [
    needId,
  ]);
  return row.n;
}

describe('writes with an Idempotency-Key under database faults', () => {
  describe('when the app’s PostgreSQL connections are terminated mid-load', () => {
    let t: TestApp;
    let need: GoodsNeed;
    let donors: TestUser[];

    beforeAll(async () => {
      t = await startTestApp();
      const world = await createWorld(t);
      need = await createGoodsNeed(t, world.ngo.coordinator, world.ngo.id, { targetFen: 100_000_000 });
      donors = await Promise.all([1, 2, 3, 4].map((n) => registerUser(t, { displayName: `捐赠人${n}` })));
    });

    afterAll(async () => {
      await t.close();
    });

    it('should create exactly one pledge, audit row and event per key when backends are terminated while clients retry', async () => {
      const before = await coverageEvents(t.db.query.bind(t.db), need.id);
      let terminated = 0;
      let loading = true;
      // Rounds of terminations while the load runs, then quiet, so the retries can finish.
      const killer = (async () => {
        for (let round = 0; round < KILL_ROUNDS && loading; round += 1) {
          const rows = await t.db.query<{ ok: boolean }>(
            `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
              WHERE datname = current_database() AND usename = $1 AND pid <> pg_backend_pid()`,
            [TEST_APP_ROLE],
          );
          terminated += rows.filter((r) => r.ok).length;
          await sleep(75);
        }
      })();
      const results = await Promise.all(
        Array.from({ length: KEYS }, (_, i) => pledgeUntilCreated(t, donors[i % donors.length], need.id, 1_000 + i)),
      ).finally(() => (loading = false));
      await killer;

      expect(terminated).toBeGreaterThan(0);
      const failed = expectOnlyRetriedServerFailures(results);
      // The faults landed while requests were in flight.
      expect(failed.length).toBeGreaterThan(0);
      await expectExactlyOncePerKey(t.db.query.bind(t.db), need.id, results, before);
      // The pool recovered: a plain request succeeds first time.
      expect((await t.http().get('/api/v1/health')).status).toBe(200);
    }, 120_000);
  });

  describe('when the embedded PostgreSQL is stopped and restarted mid-load', () => {
    const base = mkdtempSync(join(tmpdir(), 'kindred-fault-embedded-'));
    // Fixed ports below Linux's ephemeral range (32768–60999), so no test's outgoing connection or listen(0) can hold them.
    const pgPort = 25438;
    let api: ApiProcess;
    let t: TestApp;

    /** A fresh owner connection per query: a restart breaks any long-lived one. */
    const ownerQuery: Query = async <T>(sql: string, params: unknown[] = []) => {
      const client = new Client({ connectionString: embeddedOwnerUrl(pgPort) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      // The same path as `npm start`: no DATABASE_URL, so an embedded server, the API's own role, migrations as the owner.
      api = startApiProcess(24338, {
        DATA_DIR: base,
        EMBEDDED_PG_PORT: String(pgPort),
        LOG_LEVEL: 'debug',
        LOG_FILE: join(TEST_LOG_DIR, 'fault-injection-embedded.log'),
        ADMIN_LOGIN: TEST_ADMIN.login,
        ADMIN_PASSWORD: TEST_ADMIN.password,
        LOGIN_THROTTLE_LIMIT: '1000',
      });
      await api.waitForHealth(200, 90_000);
      t = { http: () => api.http() } as unknown as TestApp;
    }, 120_000);

    afterAll(async () => {
      await stopApiProcess(api);
      const realDir = realpathSync(join(base, 'pg'));
      if (realDir !== join(base, 'pg')) rmSync(realDir, { recursive: true, force: true });
      rmSync(base, { recursive: true, force: true });
    });

    it('should create exactly one pledge, audit row and event per key when the server restarts while clients retry', async () => {
      const world = await createWorld(t);
      const need = await createGoodsNeed(t, world.ngo.coordinator, world.ngo.id, { targetFen: 100_000_000 });
      const donors = await Promise.all([1, 2, 3, 4].map((n) => registerUser(t, { displayName: `捐赠人${n}` })));
      const before = await coverageEvents(ownerQuery, need.id);
      const firstPid = postmasterPid(join(base, 'pg'));

      const load = Promise.all(
        Array.from({ length: KEYS }, (_, i) => pledgeUntilCreated(t, donors[i % donors.length], need.id, 2_000 + i)),
      );
      // Stopped from outside mid-load (SIGINT: pg_ctl's fast shutdown); the API's supervisor starts it again.
      await sleep(150);
      process.kill(firstPid, 'SIGINT');
      const results = await load;

      expect(api.child.exitCode).toBeNull();
      expect(api.output.join('')).not.toContain('did not restart');
      expect(postmasterPid(join(base, 'pg'))).not.toBe(firstPid);
      const failed = expectOnlyRetriedServerFailures(results);
      expect(failed.length).toBeGreaterThan(0);
      await expectExactlyOncePerKey(ownerQuery, need.id, results, before);
      expect(await runLedgerChecks(async (sql) => ownerQuery<{ id: string }>(sql))).toEqual([]);
      expect((await t.http().get('/api/v1/health')).status).toBe(200);
    }, 120_000);
  });
});
