import { grantOrgScope } from '../../../src/common/auth/org-scope';
import { bindOrgScope, managerOf, TransactionRunner } from '../../../src/common/database/transaction-runner';
import { CHILDREN_TABLES } from '../../../src/database/migrations/1796300000000-Children';
import { createChild } from '../../factories/children.factory';
import { createOrganization, registerUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

/**
 * The database's own line of defence: through the API's role, a transaction
 * sees and writes only the children rows of the organisations bound to it,
 * whatever the application's queries ask for.
 */
describe('children row-level security', () => {
  let t: TestApp;
  let runner: TransactionRunner;
  let ngoA: string;
  let ngoB: string;

  const count = async (tx: Parameters<typeof managerOf>[0]): Promise<number> =>
    Number((await managerOf(tx).query('SELECT count(*)::int AS n FROM children'))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    runner = t.app.get(TransactionRunner);
    const [ownerA, ownerB] = await Promise.all([registerUser(t), registerUser(t)]);
    ngoA = await createOrganization(t, ownerA, { kind: 'ngo' });
    ngoB = await createOrganization(t, ownerB, { kind: 'ngo' });
    await createChild(t, ownerA, ngoA);
    await createChild(t, ownerA, ngoA);
    await createChild(t, ownerB, ngoB);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should keep row-level security enabled and forced on every children table', async () => {
    const rows = await t.db.query<{ relname: string; rls: boolean; forced: boolean }>(
      'SELECT relname, relrowsecurity AS rls, relforcerowsecurity AS forced FROM pg_class WHERE relname = ANY($1)',
      [[...CHILDREN_TABLES]],
    );
    expect(rows).toHaveLength(CHILDREN_TABLES.length);
    expect(rows.every((r) => r.rls && r.forced)).toBe(true);
  });

  it('should return no rows when a transaction is not bound to any organisation', async () => {
    expect(await runner.run((tx) => count(tx))).toBe(0);
  });

  it('should return only the bound organisation rows when the query has no filter of its own', async () => {
    expect(await runner.runScoped(grantOrgScope(ngoA), (tx) => count(tx))).toBe(2);
    expect(await runner.runScoped(grantOrgScope(ngoB), (tx) => count(tx))).toBe(1);
    expect(await runner.runScoped([grantOrgScope(ngoA), grantOrgScope(ngoB)], (tx) => count(tx))).toBe(3);
  });

  it('should widen the set when a transaction is bound twice', async () => {
    const seen = await runner.run(async (tx) => {
      const scoped = await bindOrgScope(tx, grantOrgScope(ngoA));
      const first = await count(scoped);
      await bindOrgScope(scoped, grantOrgScope(ngoB));
      return [first, await count(scoped)];
    });
    expect(seen).toEqual([2, 3]);
  });

  it('should not leak the binding to the next transaction on the same pooled connection', async () => {
    // The pool has one connection, so both transactions use it.
    await runner.runScoped(grantOrgScope(ngoA), (tx) => count(tx));
    expect(await runner.run((tx) => count(tx))).toBe(0);
    await runner.runScoped(grantOrgScope(ngoA), () => Promise.reject(new Error('rolled back'))).catch(() => undefined);
    expect(await runner.run((tx) => count(tx))).toBe(0);
  });

  it('should refuse to write a row of an organisation the transaction is not bound to', async () => {
    const write = runner.runScoped(grantOrgScope(ngoA), (tx) =>
      managerOf(tx).query('INSERT INTO child_households (org_id) VALUES ($1)', [ngoB]),
    );
    await expect(write).rejects.toMatchObject({ code: '42501' });
  });
});
