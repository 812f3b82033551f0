import { grantOrgScope } from '../../../src/common/auth/org-scope';
import { managerOf, TransactionRunner, type Tx } from '../../../src/common/database/transaction-runner';
import { raiseConcern } from '../../factories/concerns.factory';
import { createOrganization, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

/**
 * Concerns under the database's own line of defence, through the API's role:
 * only the bound organisations' rows, and a reporter's own rows for reading
 * when `kindred.concern_reporter` names them — never for writing.
 */
describe('concerns row-level security', () => {
  let t: TestApp;
  let runner: TransactionRunner;
  let ngoA: string;
  let ngoB: string;
  let reporter: TestUser;

  const count = async (tx: Tx): Promise<number> => Number((await managerOf(tx).query('SELECT count(*)::int AS n FROM concerns'))[0].n);
  const asReporter = async (tx: Tx, userId: string): Promise<void> => {
    await managerOf(tx).query(`SELECT set_config('kindred.concern_reporter', $1, true)`, [userId]);
  };

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    runner = t.app.get(TransactionRunner);
    const [ownerA, ownerB] = await Promise.all([registerUser(t), registerUser(t)]);
    ngoA = await createOrganization(t, ownerA, { kind: 'ngo' });
    ngoB = await createOrganization(t, ownerB, { kind: 'ngo' });
    reporter = ownerA;
    await raiseConcern(t, ownerA, ngoA);
    await raiseConcern(t, ownerA, ngoA);
    await raiseConcern(t, ownerB, ngoB);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should keep row-level security enabled and forced on concerns', async () => {
    const [row] = await t.db.query<{ rls: boolean; forced: boolean }>(
      "SELECT relrowsecurity AS rls, relforcerowsecurity AS forced FROM pg_class WHERE relname = 'concerns'",
    );
    expect(row).toEqual({ rls: true, forced: true });
  });

  it('should return no rows when unbound and only the bound organisations rows when bound', async () => {
    expect(await runner.run((tx) => count(tx))).toBe(0);
    expect(await runner.runScoped(grantOrgScope(ngoA), (tx) => count(tx))).toBe(2);
    expect(await runner.runScoped([grantOrgScope(ngoA), grantOrgScope(ngoB)], (tx) => count(tx))).toBe(3);
  });

  it('should let a reporter read their own rows only, and not outlive the transaction', async () => {
    expect(
      await runner.run(async (tx) => {
        await asReporter(tx, reporter.id);
        return count(tx);
      }),
    ).toBe(2);
    expect(await runner.run((tx) => count(tx))).toBe(0);
  });

  it('should refuse a reporter changing or adding rows without the organisation bound', async () => {
    const changed = await runner.run(async (tx) => {
      await asReporter(tx, reporter.id);
      const [, affected] = (await managerOf(tx).query(`UPDATE concerns SET status = 'acknowledged' WHERE status = 'open'`)) as [
        unknown,
        number,
      ];
      return affected;
    });
    expect(changed).toBe(0);
    const insert = runner.run(async (tx) => {
      await asReporter(tx, reporter.id);
      await managerOf(tx).query(
        `INSERT INTO concerns (org_id, reporter_user_id, category, description_enc, child_description_enc, ack_due_at)
         VALUES ($1, $2, 'other', 'x', 'y', now())`,
        [ngoA, reporter.id],
      );
    });
    await expect(insert).rejects.toMatchObject({ code: '42501' });
  });
});
