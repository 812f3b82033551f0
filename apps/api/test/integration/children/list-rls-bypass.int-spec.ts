import { grantOrgScope } from '../../../src/common/auth/org-scope';
import { managerOf, TransactionRunner } from '../../../src/common/database/transaction-runner';
import { ChildCipher } from '../../../src/modules/children/child-cipher';
import { childListWhere, type ChildListFilter } from '../../../src/modules/children/children.repository';
import { createChild, validIdNumber } from '../../factories/children.factory';
import { createOrganization, registerUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

/**
 * T3's bypass half: the registry list's own SQL with the application's
 * organisation condition removed, in a transaction bound to organisation A,
 * returns no row of organisation B. Row-level security alone holds the line.
 */
describe('children list under row-level security without its organisation filter', () => {
  let t: TestApp;
  let runner: TransactionRunner;
  let ngoA: string;
  let ngoB: string;
  const idsB: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(TransactionRunner);
    const [ownerA, ownerB] = await Promise.all([registerUser(t), registerUser(t)]);
    ngoA = await createOrganization(t, ownerA, { kind: 'ngo' });
    ngoB = await createOrganization(t, ownerB, { kind: 'ngo' });
    await createChild(t, ownerA, ngoA, { legalName: '甲方儿童', idNumber: validIdNumber() });
    for (let i = 0; i < 3; i++) idsB.push(await createChild(t, ownerB, ngoB, { legalName: '乙方儿童', idNumber: validIdNumber() }));
  });

  afterAll(async () => {
    await t.close();
  });

  const listSql = async (bound: string, filter: ChildListFilter, orgFilter: boolean): Promise<Array<{ id: string; org_id: string }>> => {
    const { sql, params } = childListWhere(filter, orgFilter);
    return runner.runScoped(grantOrgScope(bound), (tx) =>
      managerOf(tx).query(`SELECT c.id, c.org_id FROM children c WHERE ${sql} ORDER BY c.registered_on DESC, c.id DESC`, params),
    );
  };

  it('should leave the organisation condition out of the SQL when orgFilter is false', () => {
    const filter: ChildListFilter = { orgId: ngoB, status: 'active', today: '2026-12-01' };
    expect(childListWhere(filter, true).sql).toContain('org_id');
    expect(childListWhere(filter, false).sql).not.toContain('org_id');
  });

  it('should return 0 rows of organisation B when the transaction is bound to A and the query asks for B without its filter', async () => {
    const rows = await listSql(ngoA, { orgId: ngoB, status: 'active', today: '2026-12-01' }, false);
    expect(rows.filter((r) => r.org_id === ngoB)).toEqual([]);
    expect(rows.map((r) => r.org_id)).toEqual([ngoA]);
  });

  it('should return 0 rows of organisation B when the filtered search matches only B by name', async () => {
    const cipher = new ChildCipher(t.config.children.dataKey);
    const filter: ChildListFilter = {
      orgId: ngoB,
      status: 'active',
      today: '2026-12-01',
      search: { nameBidx: cipher.blindIndex('name', '乙方儿童'), alias: '' },
    };
    expect(await listSql(ngoA, filter, false)).toEqual([]);
    // The same query bound to B finds them: the filter itself is right.
    expect((await listSql(ngoB, filter, false)).map((r) => r.id).sort()).toEqual([...idsB].sort());
  });
});
