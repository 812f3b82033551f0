import { addMember, bearer, createOrganization, createWorld, loginAdmin, registerUser } from '../../factories/identity.factory';
import { startTestApp, TEST_ADMIN, type TestApp } from '../../support/app';

describe('organisations and memberships', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should make the creator owner of an unverified organisation when one is created', async () => {
    const owner = await registerUser(t);
    const res = await t.http().post('/api/v1/organizations').set(bearer(owner)).send({ kind: 'ngo', name: '邵阳市春晖社工服务中心', regionCode: '430500' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'ngo', verified: false, status: 'unverified', regionCode: '430500' });
    const me = await t.http().get('/api/v1/me').set(bearer(owner));
    expect(me.body.memberships).toEqual([{ organizationId: res.body.id, organizationName: '邵阳市春晖社工服务中心', organizationKind: 'ngo', role: 'owner' }]);
    expect(me.body.isPlatformAdmin).toBe(false);
  });

  it('should refuse an unknown region code naming regionCode', async () => {
    const owner = await registerUser(t);
    const res = await t.http().post('/api/v1/organizations').set(bearer(owner)).send({ kind: 'ngo', name: '某机构', regionCode: '999999' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'regionCode' })]);
  });

  it('should refuse kind platform when a user tries to create one', async () => {
    const owner = await registerUser(t);
    const res = await t.http().post('/api/v1/organizations').set(bearer(owner)).send({ kind: 'platform', name: '假平台', regionCode: '430524' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('kind');
  });

  it('should hide an unverified organisation from non-members and show it to members and administrators', async () => {
    const owner = await registerUser(t);
    const stranger = await registerUser(t);
    const id = await createOrganization(t, owner, { verified: false });
    expect((await t.http().get(`/api/v1/organizations/${id}`).set(bearer(stranger))).status).toBe(404);
    expect((await t.http().get(`/api/v1/organizations/${id}`).set(bearer(owner))).status).toBe(200);
    expect((await t.http().get(`/api/v1/organizations/${id}`).set(bearer(await loginAdmin(t)))).status).toBe(200);
  });

  it('should refuse a role of another kind of organisation with role_not_allowed', async () => {
    const world = await createWorld(t);
    const someone = await registerUser(t);
    const res = await t.http().post(`/api/v1/organizations/${world.ngo.id}/members`).set(bearer(world.ngo.owner)).send({ login: someone.login, role: 'csr_manager' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('role_not_allowed');
  });

  it('should keep at least one owner when the last owner tries to leave or step down', async () => {
    const owner = await registerUser(t);
    const id = await createOrganization(t, owner);
    const leave = await t.http().delete(`/api/v1/organizations/${id}/members/${owner.id}`).set(bearer(owner));
    expect(leave.status).toBe(409);
    expect(leave.body.code).toBe('last_owner');
    const demote = await t.http().patch(`/api/v1/organizations/${id}/members/${owner.id}`).set(bearer(owner)).send({ role: 'staff' });
    expect(demote.status).toBe(409);
  });

  it('should leave exactly one owner when two owners demote each other at the same time', async () => {
    const a = await registerUser(t);
    const b = await registerUser(t);
    const id = await createOrganization(t, a);
    await addMember(t, a, id, b, 'owner');
    const [ab, ba] = await Promise.all([
      t.http().patch(`/api/v1/organizations/${id}/members/${b.id}`).set(bearer(a)).send({ role: 'staff' }),
      t.http().patch(`/api/v1/organizations/${id}/members/${a.id}`).set(bearer(b)).send({ role: 'staff' }),
    ]);
    expect([ab.status, ba.status].sort()).toEqual([200, 409]);
    const owners = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM memberships WHERE org_id = $1 AND role = 'owner'", [id]);
    expect(owners[0].n).toBe(1);
  });

  it('should take away organisation rights at once when a member is removed, with the same token', async () => {
    const world = await createWorld(t);
    const before = await t.http().get(`/api/v1/organizations/${world.ngo.id}/members`).set(bearer(world.ngo.coordinator));
    expect(before.status).toBe(200);
    const removed = await t.http().delete(`/api/v1/organizations/${world.ngo.id}/members/${world.ngo.coordinator.id}`).set(bearer(world.ngo.owner));
    expect(removed.status).toBe(204);
    const after = await t.http().get(`/api/v1/organizations/${world.ngo.id}/members`).set(bearer(world.ngo.coordinator));
    expect(after.status).toBe(404);
  });

  it('should take away rights inside a suspended organisation until it is verified again', async () => {
    const world = await createWorld(t);
    const admin = await loginAdmin(t);
    expect((await t.http().post(`/api/v1/organizations/${world.ngo.id}/suspend`).set(bearer(admin))).body.status).toBe('suspended');
    const someone = await registerUser(t);
    const add = await t.http().post(`/api/v1/organizations/${world.ngo.id}/members`).set(bearer(world.ngo.owner)).send({ login: someone.login, role: 'staff' });
    expect(add.status).toBe(403);
    expect(add.body.code).toBe('organization_suspended');
    expect((await t.http().post(`/api/v1/organizations/${world.ngo.id}/verify`).set(bearer(admin))).body.status).toBe('verified');
    const again = await t.http().post(`/api/v1/organizations/${world.ngo.id}/members`).set(bearer(world.ngo.owner)).send({ login: someone.login, role: 'staff' });
    expect(again.status).toBe(201);
  });

  it('should list only the caller’s organisations when a non-administrator lists them', async () => {
    const world = await createWorld(t);
    const res = await t.http().get('/api/v1/organizations?limit=200').set(bearer(world.ngo.staff));
    expect(res.status).toBe(200);
    expect((res.body.data as Array<{ id: string }>).map((o) => o.id)).toEqual([world.ngo.id]);
  });

  it('should page through all organisations without duplicates when an administrator lists them', async () => {
    const admin = await loginAdmin(t);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.http().get(`/api/v1/organizations?limit=3${cursor ? `&cursor=${cursor}` : ''}`).set(bearer(admin));
      expect(res.status).toBe(200);
      seen.push(...(res.body.data as Array<{ id: string }>).map((o) => o.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    const total = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
    expect(seen.length).toBe(total[0].n);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('platform administrator bootstrap', () => {
  it('should create the administrator once and re-hash only when the password changes', async () => {
    const first = await startTestApp();
    try {
      const admins = () => first.db.query<{ n: number; hash: string }>('SELECT count(*)::int AS n, max(password_hash) AS hash FROM users WHERE is_platform_admin');
      const before = await admins();
      expect(before[0].n).toBe(1);
      // A second start with the same settings changes nothing.
      const second = await startTestApp({}, first.db);
      expect(await admins()).toEqual(before);
      await second.close();
      // A changed password is applied, and the old one stops working.
      const third = await startTestApp({ ADMIN_PASSWORD: 'A-new-admin-password-2' }, first.db);
      const after = await admins();
      expect(after[0].n).toBe(1);
      expect(after[0].hash).not.toBe(before[0].hash);
      expect((await third.http().post('/api/v1/auth/login').send({ login: TEST_ADMIN.login, password: 'A-new-admin-password-2' })).status).toBe(200);
      expect((await third.http().post('/api/v1/auth/login').send({ login: TEST_ADMIN.login, password: TEST_ADMIN.password })).status).toBe(401);
      await third.close();
    } finally {
      await first.close();
    }
  });
});
