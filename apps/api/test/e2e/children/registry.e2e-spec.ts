import { createChild, validIdNumber } from '../../factories/children.factory';
import { bearer, createOrganization, createWorld, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

describe('children registry: change, exit and list', () => {
  let t: TestApp;
  let world: World;
  let otherNgoOwner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    otherNgoOwner = await registerUser(t);
    await createOrganization(t, otherNgoOwner, { kind: 'ngo' });
  });

  afterAll(async () => {
    await t.close();
  });

  const read = (id: string, by: TestUser = world.ngo.owner) => t.http().get(`/api/v1/children/${id}`).set(bearer(by));
  const patch = (id: string, body: Record<string, unknown>, by: TestUser = world.ngo.coordinator) =>
    t.http().patch(`/api/v1/children/${id}`).set(bearer(by)).send(body);
  const exit = (id: string, body: Record<string, unknown>, by: TestUser = world.ngo.coordinator) =>
    t.http().post(`/api/v1/children/${id}/exit`).set(bearer(by)).send(body);

  describe('PATCH /children/{id}', () => {
    it('should change fields, bump the version and keep a category change as history when the version is current', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { legalName: '张改名', idNumber: validIdNumber() });
      const res = await patch(id, {
        version: 1,
        grade: '四年级',
        categories: ['left_behind_grandparent', 'low_income_dibao'],
        categoryChangeReason: '家庭纳入低保',
        categoryChangeEffectiveOn: '2026-06-01',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 2, grade: '四年级', categories: ['left_behind_grandparent', 'low_income_dibao'] });
      expect(res.body.categoryHistory).toEqual([
        expect.objectContaining({ from: [], to: ['left_behind_grandparent'] }),
        expect.objectContaining({
          from: ['left_behind_grandparent'],
          to: ['left_behind_grandparent', 'low_income_dibao'],
          reason: '家庭纳入低保',
          effectiveOn: '2026-06-01',
        }),
      ]);
    });

    it('should answer 409 conflict and change nothing when the version is stale', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      expect((await patch(id, { version: 1, grade: '一年级' })).status).toBe(200);
      const stale = await patch(id, { version: 1, grade: '二年级' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('conflict');
      expect((await read(id)).body).toMatchObject({ grade: '一年级', version: 2 });
    });

    it('should answer 400 naming categoryChangeReason when categories change without a reason', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      const res = await patch(id, { version: 1, categories: ['orphan'] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'categoryChangeReason' })]);
      expect((await read(id)).body).toMatchObject({ categories: ['left_behind_grandparent'], version: 1 });
    });

    it('should answer 400 naming the field when the body carries a field outside the allow-list', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      for (const field of ['registeredOn', 'householdOf', 'status', 'orgId']) {
        const res = await patch(id, { version: 1, [field]: field === 'householdOf' ? id : '2026-01-01' });
        expect({ field, status: res.status, fields: (res.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({
          field,
          status: 400,
          fields: [field],
        });
      }
    });

    it('should answer 400 naming version when the body has no version', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      const res = await patch(id, { grade: '三年级' });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(['version']);
    });

    it('should move the next visit from the registration date when the risk level changes and no visit was made', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      const res = await patch(id, { version: 1, riskLevel: 'high' });
      expect(res.body).toMatchObject({ riskLevel: 'high', nextVisitDue: '2026-03-31' });
    });

    it('should re-encrypt the legal name, find the child by the new name and audit only field names when identity changes', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { legalName: '旧名字', idNumber: validIdNumber() });
      const newId = validIdNumber();
      const res = await patch(id, { version: 1, legalName: '新名字', idNumber: newId, address: '新地址一号' });
      expect(res.status).toBe(200);
      expect(res.body.identity).toMatchObject({ legalName: '新名字', idNumber: newId, address: '新地址一号' });
      const byNew = await t
        .http()
        .get(`/api/v1/organizations/${world.ngo.id}/children`)
        .query({ q: '新名字' })
        .set(bearer(world.ngo.owner));
      expect(byNew.body.data.map((r: { id: string }) => r.id)).toEqual([id]);
      const byOld = await t
        .http()
        .get(`/api/v1/organizations/${world.ngo.id}/children`)
        .query({ q: '旧名字' })
        .set(bearer(world.ngo.owner));
      expect(byOld.body.data).toEqual([]);
      const audit = await t.db.query<{ diff: Record<string, unknown> }>(
        "SELECT diff FROM audit_log WHERE entity_id = $1 AND action = 'child.updated'",
        [id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].diff).toMatchObject({
        fields: ['idNumber', 'legalName', 'address'],
        identityFields: ['idNumber', 'legalName', 'address'],
      });
      expect(JSON.stringify(audit[0].diff)).not.toMatch(/新名字|新地址|旧名字|\d{17}/);
    });

    it('should answer 409 conflict naming idNumber when the new ID number belongs to another child', async () => {
      const taken = validIdNumber();
      await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: taken });
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      const res = await patch(id, { version: 1, idNumber: taken });
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'idNumber' })]);
    });

    it('should answer 403 to staff and 404 to another NGO when they try to change a file', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      expect((await patch(id, { version: 1, grade: '五年级' }, world.ngo.staff)).status).toBe(403);
      expect((await patch(id, { version: 1, grade: '五年级' }, otherNgoOwner)).status).toBe(404);
      expect((await exit(id, { reason: 'moved', date: '2026-06-01' }, world.ngo.staff)).status).toBe(403);
      expect((await exit(id, { reason: 'moved', date: '2026-06-01' }, otherNgoOwner)).status).toBe(404);
    });
  });

  describe('POST /children/{id}/exit', () => {
    it('should close the file with its reason and refuse further changes and a second exit with 409 child_exited', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      const res = await exit(id, { reason: 'parents_returned', date: '2026-07-01' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'exited', exitReason: 'parents_returned', exitedOn: '2026-07-01', visitOverdue: false });
      const again = await exit(id, { reason: 'moved', date: '2026-07-02' });
      expect([again.status, again.body.code]).toEqual([409, 'child_exited']);
      const change = await patch(id, { version: res.body.version, grade: '六年级' });
      expect([change.status, change.body.code]).toEqual([409, 'child_exited']);
    });

    it('should answer 400 naming reason when the reason is not one of the codes', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      const res = await exit(id, { reason: 'bored', date: '2026-07-01' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    });

    it('should answer 400 naming date when the exit is before the registration', async () => {
      const id = await createChild(t, world.ngo.owner, world.ngo.id, { idNumber: validIdNumber() });
      const res = await exit(id, { reason: 'moved', date: '2026-01-01' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
    });
  });

  describe('GET /organizations/{orgId}/children', () => {
    let ngo: string;
    let owner: TestUser;
    const ids: Record<string, string> = {};
    const list = (query: Record<string, string | string[]>, by: TestUser = owner) =>
      t.http().get(`/api/v1/organizations/${ngo}/children`).query(query).set(bearer(by));
    const idsOf = (res: { body: { data: Array<{ id: string }> } }): string[] => res.body.data.map((r) => r.id).sort();
    const expected = (...names: string[]): string[] => names.map((n) => ids[n]).sort();

    beforeAll(async () => {
      owner = await registerUser(t);
      ngo = await createOrganization(t, owner, { kind: 'ngo' });
      ids.young = await createChild(t, owner, ngo, {
        legalName: '王小一',
        birthDate: '2022-01-01',
        idNumber: validIdNumber('2022-01-01'),
        categories: ['orphan'],
        regionCode: '430523100',
      });
      ids.middle = await createChild(t, owner, ngo, {
        legalName: '王小二',
        birthDate: '2015-04-12',
        idNumber: validIdNumber('2015-04-12'),
        categories: ['left_behind_single_parent'],
        regionCode: '430523101',
      });
      ids.older = await createChild(t, owner, ngo, {
        legalName: '王小三',
        birthDate: '2010-01-01',
        idNumber: validIdNumber('2010-01-01'),
        categories: ['left_behind_grandparent', 'low_income_dibao'],
        regionCode: '430522',
        registeredOn: undefined,
      });
      ids.exited = await createChild(t, owner, ngo, { legalName: '王小四', idNumber: validIdNumber(), categories: ['orphan'] });
      await exit(ids.exited, { reason: 'moved', date: '2026-04-01' }, owner);
    });

    it('should list active children with the total when no filter is given', async () => {
      const res = await list({});
      expect(res.status).toBe(200);
      expect(idsOf(res)).toEqual(expected('young', 'middle', 'older'));
      expect(res.body.total).toBe(3);
    });

    it('should list only exited children when status is exited', async () => {
      expect(idsOf(await list({ status: 'exited' }))).toEqual(expected('exited'));
    });

    it('should match any of several categories when category is repeated', async () => {
      expect(idsOf(await list({ category: ['orphan', 'low_income_dibao'] }))).toEqual(expected('young', 'older'));
      expect(idsOf(await list({ category: 'orphan,left_behind_single_parent' }))).toEqual(expected('young', 'middle'));
    });

    it('should match a group of categories when group is given', async () => {
      expect(idsOf(await list({ group: 'left_behind' }))).toEqual(expected('middle', 'older'));
      expect(idsOf(await list({ group: 'in_difficulty' }))).toEqual(expected('young', 'older'));
    });

    it('should filter by age band on the Beijing date when ageBand is given', async () => {
      expect(idsOf(await list({ ageBand: 'under6' }))).toEqual(expected('young'));
      expect(idsOf(await list({ ageBand: '6to14' }))).toEqual(expected('middle'));
      expect(idsOf(await list({ ageBand: '15to18' }))).toEqual(expected('older'));
    });

    it('should match townships of a county when regionCode is a county code', async () => {
      expect(idsOf(await list({ regionCode: '430523' }))).toEqual(expected('young', 'middle'));
      expect(idsOf(await list({ regionCode: '430523100' }))).toEqual(expected('young'));
    });

    it('should list only children whose visit is past due when visitOverdue is true', async () => {
      expect(idsOf(await list({ visitOverdue: 'true' }))).toEqual(expected('young', 'middle'));
    });

    it('should find a child by exact legal name or by alias when q is given', async () => {
      expect(idsOf(await list({ q: '王小二' }))).toEqual(expected('middle'));
      expect(idsOf(await list({ q: ' 王 小二 ' }))).toEqual(expected('middle'));
      expect(idsOf(await list({ q: '王小' }))).toEqual([]);
      const alias = (await read(ids.older, owner)).body.alias as string;
      expect(idsOf(await list({ q: alias.toLowerCase() }))).toEqual(expected('older'));
    });

    it('should page with a cursor and keep the total when limit is smaller than the list', async () => {
      const first = await list({ limit: '2' });
      expect(first.body.data).toHaveLength(2);
      expect(first.body.total).toBe(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await list({ limit: '2', cursor: first.body.nextCursor });
      expect(second.body.data).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      expect([...idsOf(first), ...idsOf(second)].sort()).toEqual(expected('young', 'middle', 'older'));
    });

    it('should answer 400 naming the parameter when a filter is malformed', async () => {
      for (const [field, value] of [
        ['category', 'nope'],
        ['ageBand', 'adult'],
        ['limit', '101'],
        ['regionCode', 'abc'],
        ['cursor', 'garbage'],
      ]) {
        const res = await list({ [field]: value });
        expect({ field, status: res.status, fields: (res.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({
          field,
          status: 400,
          fields: [field],
        });
      }
    });

    it('should show legal names to the owner and write one audit row naming the count but no name', async () => {
      const before = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'child.identity_list_read' AND org_id = $1", [ngo]);
      const res = await list({});
      expect(res.body.data.map((r: { legalName?: string }) => r.legalName).sort()).toEqual(['王小一', '王小三', '王小二']);
      const rows = await t.db.query<{ diff: Record<string, unknown>; actor_user_id: string }>(
        "SELECT diff, actor_user_id FROM audit_log WHERE action = 'child.identity_list_read' AND org_id = $1",
        [ngo],
      );
      expect(rows.length - before.length).toBe(1);
      expect(rows[rows.length - 1]).toMatchObject({ actor_user_id: owner.id, diff: { fields: ['legalName'], count: 3 } });
      expect(JSON.stringify(rows.map((r) => r.diff))).not.toMatch(/王/);
    });

    it('should give staff rows without legal names and write no identity audit row', async () => {
      // Staff of another NGO are not members of this one.
      expect((await list({}, world.ngo.staff)).status).toBe(404);
      const staffList = await t.http().get(`/api/v1/organizations/${world.ngo.id}/children`).set(bearer(world.ngo.staff));
      expect(staffList.status).toBe(200);
      expect(staffList.body.data.length).toBeGreaterThan(0);
      expect(staffList.body.data.every((r: Record<string, unknown>) => !('legalName' in r) && !('identity' in r))).toBe(true);
      const rows = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'child.identity_list_read' AND actor_user_id = $1", [
        world.ngo.staff.id,
      ]);
      expect(rows).toHaveLength(0);
    });

    it('should answer 404 to another NGO, a company member, a volunteer and the platform administrator', async () => {
      for (const viewer of [otherNgoOwner, world.company.owner, world.volunteer, await loginAdmin(t)]) {
        expect((await list({}, viewer)).status).toBe(404);
      }
    });
  });
});
