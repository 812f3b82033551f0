import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { addMember, bearer, createOrganization, registerUser, type TestUser } from '../../factories/identity.factory';
import { TEST_ADMIN, type TestApp } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { connectLive, quiet, type LiveClient } from '../../support/live-client';
import { describeWithRedis } from '../../support/redis';

/** How long one API process may take to answer its health check. */
const START_UP_MS = 90_000;

const ROOT = join(__dirname, '../../../../..');

/** One API process, started the way production starts it (main.ts), on its own port. */
interface ApiProcess {
  name: string;
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Every process this file started, stopped in afterAll even when a start-up failed half-way. */
const spawned: Array<{ child: ChildProcess; exited: Promise<void> }> = [];

async function startApi(name: string, db: TestDatabase, redisUrl: string, options: { admin: boolean }): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        // swc makes the TypeScript start-up about twice as fast as tsc's transpiler.
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_SWC: 'true',
        NODE_ENV: 'test',
        DATABASE_URL: db.appUrl,
        MIGRATION_DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        DATA_DIR: join(tmpdir(), `kindred-scale-out-${name}-${process.pid}`),
        JWT_SECRET: 'scale-out-access-secret-0123456789abcdef012345',
        JWT_REFRESH_SECRET: 'scale-out-refresh-secret-0123456789abcdef0123',
        // Only one creates the administrator: two first starts at once would race to create the same account.
        ...(options.admin ? { ADMIN_LOGIN: TEST_ADMIN.login, ADMIN_PASSWORD: TEST_ADMIN.password } : {}),
        LOGIN_THROTTLE_LIMIT: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  spawned.push({ child, exited });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up:\n${output.join('')}`);
    const ok = await request(url)
      .get('/api/v1/health')
      .then((res) => res.status === 200)
      .catch(() => false);
    if (ok) break;
    // Generous: two TypeScript start-ups (now eleven contexts) compete with the other test files for two cores.
    if (Date.now() - started > START_UP_MS) throw new Error(`${name} did not start within ${START_UP_MS / 1000} s:\n${output.join('')}`);
    await quiet(100);
  }
  return { name, child, url, output, exited };
}

/** The identity factories only need `http()`; this points them at one running process. */
const via = (api: ApiProcess): TestApp => ({ http: () => request(api.url) }) as unknown as TestApp;

describeWithRedis('live fan-out across two API processes on one PostgreSQL and one Redis', (redisUrl) => {
  let db: TestDatabase;
  let apis: ApiProcess[] = [];
  let client: LiveClient | null = null;

  /** The process whose publisher session holds the advisory lock (its pid is in the session's application_name). */
  const publisherPid = async (): Promise<number | null> => {
    const rows = await db.query<{ app: string }>(
      `SELECT a.application_name AS app
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    const match = rows.map((r) => /^kindred-live-publisher:(\d+)$/.exec(r.app)).find(Boolean);
    return match ? Number(match[1]) : null;
  };

  const storedPosition = async (): Promise<number> =>
    Number((await db.query<{ position: string }>("SELECT position FROM outbox_cursor WHERE name = 'events'"))[0]?.position ?? 0);

  const orgEventIds = async (orgId: string, after: number): Promise<number[]> =>
    (await db.query<{ id: string }>('SELECT id FROM events WHERE $1::uuid = ANY(org_ids) AND id > $2 ORDER BY id', [orgId, after])).map(
      (r) => Number(r.id),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    apis = await Promise.all([startApi('a', db, redisUrl, { admin: true }), startApi('b', db, redisUrl, { admin: false })]);
  }, START_UP_MS + 30_000);

  afterAll(async () => {
    client?.close();
    for (const { child } of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(spawned.map(({ exited }) => exited));
    await db.drop();
  });

  it('should deliver a write through one process to a client on the other exactly once and survive killing the publisher', async () => {
    // Exactly one of the two holds the publisher role.
    let leaderPid: number | null = null;
    for (let i = 0; i < 50 && leaderPid === null; i += 1) {
      leaderPid = await publisherPid();
      if (leaderPid === null) await quiet(100);
    }
    const leader = apis.find((api) => api.child.pid === leaderPid);
    const follower = apis.find((api) => api !== leader);
    expect(leader).toBeDefined();
    expect(follower).toBeDefined();

    // Writes go through the publisher's process; the client sits on the other one.
    const owner = await registerUser(via(leader!), { displayName: '跨进程机构负责人' });
    const orgId = await createOrganization(via(leader!), owner);
    const [start] = (await db.query<{ id: string }>('SELECT max(id) AS id FROM events')).map((r) => Number(r.id));
    // Connect once those writes are published, so that the client starts after them.
    for (let i = 0; i < 100 && (await storedPosition()) < start; i += 1) await quiet(50);
    client = await connectLive(follower!.url, { token: owner.accessToken });
    await client.waitForReplayDone();

    const members: TestUser[] = [];
    for (let i = 0; i < 3; i += 1) {
      const member = await registerUser(via(leader!), { displayName: `成员${i}` });
      await addMember(via(leader!), owner, orgId, member, 'staff');
      members.push(member);
    }
    const beforeKill = await orgEventIds(orgId, start);
    expect(beforeKill).toHaveLength(3);
    await client.waitForEvents(3);
    await quiet();
    expect(client.events.map((e) => e.eventId)).toEqual(beforeKill);

    // Commit a burst through the publisher and kill it at once: some may not have been sent yet.
    await Promise.all(
      members.map((m) =>
        request(leader!.url)
          .patch(`/api/v1/organizations/${orgId}/members/${m.id}`)
          .set(bearer(owner))
          .send({ role: 'coordinator' })
          .expect(200),
      ),
    );
    leader!.child.kill('SIGKILL');
    await leader!.exited;

    // Writes through the survivor, which must take the role over and continue from the stored position.
    for (const m of members) {
      await request(follower!.url)
        .patch(`/api/v1/organizations/${orgId}/members/${m.id}`)
        .set(bearer(owner))
        .send({ role: 'staff' })
        .expect(200);
    }
    const all = await orgEventIds(orgId, start);
    expect(all).toHaveLength(9);
    await client.waitForEvents(9, 10_000);
    await quiet(1000);
    expect(client.events.map((e) => e.eventId)).toEqual(all);
    expect(client.events.map((e) => (e.data as { role: string }).role)).toEqual([
      ...['staff', 'staff', 'staff'],
      ...['coordinator', 'coordinator', 'coordinator'],
      ...['staff', 'staff', 'staff'],
    ]);
    expect(await publisherPid()).toBe(follower!.child.pid);
    expect(await storedPosition()).toBe(all[all.length - 1]);
  });
});
