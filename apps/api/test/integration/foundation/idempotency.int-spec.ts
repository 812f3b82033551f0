import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TransactionRunner, managerOf, type Tx } from '../../../src/common/database/transaction-runner';
import { RequestContext } from '../../../src/common/context/request-context';
import { IdempotencyRepository } from '../../../src/common/idempotency/idempotency.repository';
import { IdempotencyService } from '../../../src/common/idempotency/idempotency.service';
import { dataSourceOptions } from '../../../src/database/data-source-options';
import { createTestDatabase, type TestDatabase } from '../../support/database';

describe('IdempotencyService on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let transactions: TransactionRunner;
  let idempotency: IdempotencyService;
  const userId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, 20));
    await ds.initialize();
    transactions = new TransactionRunner(ds);
    idempotency = new IdempotencyService(new IdempotencyRepository(ds));
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** The "business write": one append-only row tagged with `marker`, answering its id. */
  async function create(tx: Tx, marker: string, delayMs = 0): Promise<{ id: string; marker: string }> {
    const rows: Array<{ id: string }> = await managerOf(tx).query(
      "INSERT INTO audit_log (action, entity_type, entity_id, diff) VALUES ('test.created', 'test', $1, '{}') RETURNING id",
      [marker],
    );
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return { id: rows[0].id, marker };
  }

  const count = async (marker: string): Promise<number> =>
    (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.created' AND entity_id = $1", [marker]))[0].n;

  /** Runs `fn` as an `@Idempotent()` route `POST /things` would, with `key` as the client's Idempotency-Key. */
  function asRoute<T>(key: string | null, fn: () => Promise<T>): Promise<T> {
    return RequestContext.run(
      { requestId: randomUUID(), ip: null, userId, idempotency: { userId, operation: 'POST /things', key } },
      fn,
    );
  }

  function call(key: string | null, body: unknown, marker: string, delayMs = 0): Promise<{ id: string; marker: string }> {
    return asRoute(key, () => transactions.run((tx) => idempotency.once(tx, body, () => create(tx, marker, delayMs))));
  }

  it('should answer the first answer and create nothing when the same key and body come again', async () => {
    const marker = randomUUID();
    const first = await call('key-1', { a: 1, b: [1, 2] }, marker);
    const again = await call('key-1', { b: [1, 2], a: 1 }, marker);
    expect(again).toEqual(first);
    expect(await count(marker)).toBe(1);
  });

  it('should answer 422 idempotency_key_reused when the same key comes with another body', async () => {
    const marker = randomUUID();
    await call('key-2', { a: 1 }, marker);
    await expect(call('key-2', { a: 2 }, marker)).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    expect(await count(marker)).toBe(1);
  });

  it('should create once and answer everyone the same when one key is sent ten times at once', async () => {
    const marker = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => call('key-3', { n: 3 }, marker, 50)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await count(marker)).toBe(1);
  });

  it('should create every time when no key is sent', async () => {
    const marker = randomUUID();
    await call(null, {}, marker);
    await call(null, {}, marker);
    expect(await count(marker)).toBe(2);
  });

  it('should create exactly once when the first attempt’s connection is killed before commit and the client retries', async () => {
    const marker = randomUUID();
    const killed = asRoute('key-4', () =>
      transactions.run((tx) =>
        idempotency.once(tx, {}, async () => {
          const created = await create(tx, marker);
          const [{ pid }] = await managerOf(tx).query<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
          // Another session ends this connection: the transaction never commits.
          await db.query('SELECT pg_terminate_backend($1)', [pid]);
          await managerOf(tx).query('SELECT 1');
          return created;
        }),
      ),
    );
    await expect(killed).rejects.toThrow();
    expect(await count(marker)).toBe(0);
    const retry = await call('key-4', {}, marker);
    expect(await count(marker)).toBe(1);
    expect((await call('key-4', {}, marker)).id).toBe(retry.id);
  });
});
