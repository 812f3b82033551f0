import { bearer, createOrganization, loginAdmin, registerUser, uniqueEmail, TEST_PASSWORD } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

describe('audit log', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should refuse UPDATE, DELETE and TRUNCATE inside PostgreSQL through the owner’s and the application’s connection', async () => {
    await registerUser(t);
    await expect(t.db.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    // The app's own DataSource connects as a role without UPDATE, DELETE or TRUNCATE on the table:
    // refused by the grants before the trigger is reached.
    const { DataSource } = await import('typeorm');
    const ds = t.app.get(DataSource);
    await expect(ds.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied for table audit_log/);
    await expect(ds.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(/permission denied for table audit_log/);
    await expect(ds.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied for table audit_log/);
  });

  it('should leave exactly one audit row for a committed write and none for a rolled-back one', async () => {
    const email = uniqueEmail('audit');
    const ok = await t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, displayName: '审计' });
    expect(ok.status).toBe(201);
    const rows = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.registered' AND entity_id = $1", [ok.body.user.id]);
    expect(rows[0].n).toBe(1);

    // A duplicate membership fails after the organisation row was locked: the transaction rolls back entirely.
    const owner = await registerUser(t);
    const orgId = await createOrganization(t, owner);
    const member = await registerUser(t);
    const add = () => t.http().post(`/api/v1/organizations/${orgId}/members`).set(bearer(owner)).send({ login: member.login, role: 'staff' });
    expect((await add()).status).toBe(201);
    expect((await add()).status).toBe(409);
    const added = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'membership.added' AND org_id = $1", [orgId]);
    expect(added[0].n).toBe(1);
  });

  it('should record who did what under which request id without personal data', async () => {
    const owner = await registerUser(t, { email: uniqueEmail('who') });
    const res = await t.http().post('/api/v1/organizations').set(bearer(owner)).set('x-request-id', 'req-audit-1').send({ kind: 'ngo', name: '审计测试', regionCode: '430524' });
    const rows = await t.db.query<{ actor_user_id: string; request_id: string; diff: object }>(
      "SELECT actor_user_id, request_id, diff FROM audit_log WHERE action = 'organization.created' AND entity_id = $1",
      [res.body.id],
    );
    expect(rows).toEqual([{ actor_user_id: owner.id, request_id: 'req-audit-1', diff: { kind: 'ngo', regionCode: '430524' } }]);
    const all = await t.db.query<{ diff: object }>('SELECT diff FROM audit_log');
    expect(JSON.stringify(all)).not.toMatch(/@|1[3-9]\d{9}|Correct-horse/);
  });

  it('should let the owner page through the organisation’s entries and refuse staff', async () => {
    const owner = await registerUser(t);
    const orgId = await createOrganization(t, owner);
    for (let i = 0; i < 3; i++) {
      const m = await registerUser(t);
      await t.http().post(`/api/v1/organizations/${orgId}/members`).set(bearer(owner)).send({ login: m.login, role: 'staff' });
    }
    const page1 = await t.http().get(`/api/v1/audit-log?organizationId=${orgId}&limit=2`).set(bearer(owner));
    expect(page1.status).toBe(200);
    expect(page1.body.data).toHaveLength(2);
    const page2 = await t.http().get(`/api/v1/audit-log?organizationId=${orgId}&limit=200&cursor=${page1.body.nextCursor}`).set(bearer(owner));
    const ids = [...page1.body.data, ...page2.body.data].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const count = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE org_id = $1', [orgId]);
    expect(ids).toHaveLength(count[0].n);
    const admin = await loginAdmin(t);
    expect((await t.http().get('/api/v1/audit-log').set(bearer(admin))).status).toBe(200);
    expect((await t.http().get('/api/v1/audit-log').set(bearer(owner))).status).toBe(400);
  });
});
