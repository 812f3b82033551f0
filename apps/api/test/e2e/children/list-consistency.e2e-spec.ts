import { createChild, validIdNumber } from '../../factories/children.factory';
import { bearer, createOrganization, createWorld, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

/**
 * T3: for every role, a child appears in the registry list exactly when its
 * file answers 200, and a list row carries identity exactly when the file does.
 */
describe('children registry: lists agree with single reads', () => {
  let t: TestApp;
  const roles: Record<string, TestUser> = {};
  let orgs: string[];
  const childIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const world = await createWorld(t);
    const otherOwner = await registerUser(t);
    const otherNgo = await createOrganization(t, otherOwner, { kind: 'ngo' });
    Object.assign(roles, {
      owner: world.ngo.owner,
      coordinator: world.ngo.coordinator,
      staff: world.ngo.staff,
      other_ngo_owner: otherOwner,
      company_member: world.company.employee,
      volunteer: world.volunteer,
      platform_admin: await loginAdmin(t),
    });
    orgs = [world.ngo.id, otherNgo];
    const names = ['一致甲', '一致乙', '一致丙', '一致丁', '一致戊', '一致己'];
    for (const [i, name] of names.entries()) {
      const org = i < 4 ? 0 : 1;
      const by = org === 0 ? world.ngo.coordinator : otherOwner;
      const id = await createChild(t, by, orgs[org], {
        legalName: name,
        idNumber: validIdNumber(),
        categories: i % 2 ? ['orphan'] : ['left_behind_relative'],
      });
      childIds.push(id);
      if (i === 3 || i === 5) {
        const res = await t.http().post(`/api/v1/children/${id}/exit`).set(bearer(by)).send({ reason: 'moved', date: '2026-05-01' });
        expect(res.status).toBe(200);
      }
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(['owner', 'coordinator', 'staff', 'other_ngo_owner', 'company_member', 'volunteer', 'platform_admin'])(
    'should list a child exactly when its file answers 200 and show identity in both or neither when the caller is %s',
    async (role) => {
      const viewer = roles[role];
      const listed = new Map<string, Record<string, unknown>>();
      for (const org of orgs) {
        for (const status of ['active', 'exited']) {
          const res = await t.http().get(`/api/v1/organizations/${org}/children`).query({ status, limit: '100' }).set(bearer(viewer));
          expect([200, 404]).toContain(res.status);
          if (res.status === 200) for (const row of res.body.data) listed.set(row.id, row);
        }
      }
      const seen: Array<{ id: string; listed: boolean; read: boolean; listedName: string | null; readName: string | null }> = [];
      for (const id of childIds) {
        const file = await t.http().get(`/api/v1/children/${id}`).set(bearer(viewer));
        expect([200, 404]).toContain(file.status);
        const row = listed.get(id);
        seen.push({
          id,
          listed: row !== undefined,
          read: file.status === 200,
          listedName: (row?.legalName as string | undefined) ?? null,
          readName: (file.body.identity?.legalName as string | undefined) ?? null,
        });
      }
      expect(seen.map((s) => ({ id: s.id, listed: s.listed, identity: s.listedName }))).toEqual(
        seen.map((s) => ({ id: s.id, listed: s.read, identity: s.readName })),
      );
      // The world is not empty for the NGO's members and empty for everyone else.
      const visible = seen.filter((s) => s.read).length;
      expect(visible).toBe(['owner', 'coordinator', 'staff'].includes(role) ? 4 : role === 'other_ngo_owner' ? 2 : 0);
      expect(seen.some((s) => s.readName !== null)).toBe(role !== 'staff' && visible > 0);
    },
  );
});
