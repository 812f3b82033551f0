import { checkCharacter } from '../../../src/modules/children/id-number';
import { bearer, createOrganization, createWorld, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

const FIRST17 = '43052320150412001';
const ID_NUMBER = FIRST17 + checkCharacter(FIRST17);

describe('children registry: create and read', () => {
  let t: TestApp;
  let world: World;
  let admin: TestUser;
  let otherNgoOwner: TestUser;
  let childId: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    admin = await loginAdmin(t);
    otherNgoOwner = await registerUser(t);
    await createOrganization(t, otherNgoOwner, { kind: 'ngo' });
    const res = await t
      .http()
      .post(`/api/v1/organizations/${world.ngo.id}/children`)
      .set(bearer(world.ngo.coordinator))
      .send({
        legalName: '李小明',
        gender: 'male',
        birthDate: '2015-04-12',
        idNumber: ID_NUMBER,
        regionCode: '430523',
        address: '湖南省邵阳县某某村三组',
        categories: ['left_behind_grandparent', 'low_income_dibao'],
        guardians: [{ name: '王秀英', relation: '祖母', phone: '13800138000' }],
        schoolName: '塘渡口镇中心小学',
        registeredOn: '2026-03-01',
      });
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    childId = res.body.id as string;
  });

  afterAll(async () => {
    await t.close();
  });

  const read = (viewer: TestUser) => t.http().get(`/api/v1/children/${childId}`).set(bearer(viewer));

  it('should answer 201 with an alias, a household, the first visit due and identity when a coordinator registers a child', async () => {
    const res = await read(world.ngo.owner);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: childId,
      organizationId: world.ngo.id,
      alias: expect.stringMatching(/^C-[2-9A-Z]{6}$/),
      ageBand: expect.stringMatching(/^(6to14|15to18)$/),
      status: 'active',
      categories: ['left_behind_grandparent', 'low_income_dibao'],
      householdId: expect.any(String),
      nextVisitDue: '2026-05-30',
      categoryHistory: [
        expect.objectContaining({ from: [], to: ['left_behind_grandparent', 'low_income_dibao'], effectiveOn: '2026-03-01' }),
      ],
    });
  });

  it('should show identity fields to the owner and audit the read without personal data when the owner reads', async () => {
    const res = await read(world.ngo.owner);
    expect(res.body.identity).toEqual({
      legalName: '李小明',
      idNumber: ID_NUMBER,
      address: '湖南省邵阳县某某村三组',
      guardians: [{ name: '王秀英', relation: '祖母', phone: '13800138000' }],
    });
    const rows = await t.db.query<{ actor_user_id: string; diff: Record<string, unknown> }>(
      "SELECT actor_user_id, diff FROM audit_log WHERE entity_type = 'child' AND entity_id = $1 AND action = 'child.identity_read'",
      [childId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.actor_user_id === world.ngo.owner.id)).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/李小明|王秀英|13800138000|某某村/);
    expect(JSON.stringify(rows)).not.toContain(ID_NUMBER);
  });

  it('should give staff the file without identity and write no identity audit when staff reads', async () => {
    const before = await t.db.query("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'child.identity_read'", [childId]);
    const res = await read(world.ngo.staff);
    expect(res.status).toBe(200);
    expect(res.body.alias).toEqual(expect.any(String));
    expect(res.body).not.toHaveProperty('identity');
    expect(JSON.stringify(res.body)).not.toMatch(/李小明|王秀英|13800138000/);
    const after = await t.db.query("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'child.identity_read'", [childId]);
    expect(after.length).toBe(before.length);
  });

  it('should answer 404 when another NGO, a company, a volunteer or the platform administrator reads the child', async () => {
    for (const viewer of [otherNgoOwner, world.company.owner, world.volunteer, admin]) {
      const res = await read(viewer);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('李小明');
    }
  });

  it('should answer 404 when a volunteer or the platform administrator registers a child in the NGO, and 403 for staff', async () => {
    const body = { legalName: '张三', gender: 'female', birthDate: '2016-01-01', regionCode: '430523', categories: ['orphan'] };
    for (const viewer of [world.volunteer, admin]) {
      const res = await t.http().post(`/api/v1/organizations/${world.ngo.id}/children`).set(bearer(viewer)).send(body);
      expect(res.status).toBe(404);
    }
    const staff = await t.http().post(`/api/v1/organizations/${world.ngo.id}/children`).set(bearer(world.ngo.staff)).send(body);
    expect(staff.status).toBe(403);
  });

  it('should answer 422 invalid_id_number naming idNumber and write nothing when the check character is wrong', async () => {
    const wrong = FIRST17 + (checkCharacter(FIRST17) === '0' ? '1' : '0');
    const count = async () => (await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM children'))[0].n;
    const before = await count();
    const res = await t
      .http()
      .post(`/api/v1/organizations/${world.ngo.id}/children`)
      .set(bearer(world.ngo.owner))
      .send({ legalName: '赵四', gender: 'male', birthDate: '2015-04-12', idNumber: wrong, regionCode: '430523', categories: ['orphan'] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'invalid_id_number', errors: [expect.objectContaining({ field: 'idNumber' })] });
    expect(JSON.stringify(res.body)).not.toContain(wrong);
    expect(await count()).toBe(before);
  });

  it('should answer 400 naming the field when a category is unknown or the birth date is in the future', async () => {
    const post = (body: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/v1/organizations/${world.ngo.id}/children`)
        .set(bearer(world.ngo.owner))
        .send({ legalName: '钱五', gender: 'male', birthDate: '2015-04-12', regionCode: '430523', categories: ['orphan'], ...body });
    const category = await post({ categories: ['unknown_kind'] });
    expect(category.status).toBe(400);
    expect(category.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^categories/) })]),
    );
    const future = await post({ birthDate: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'birthDate' })]);
  });

  it('should store no plaintext identity in the children table', async () => {
    const rows = await t.db.query<Record<string, unknown>>('SELECT * FROM children WHERE id = $1', [childId]);
    const dump = JSON.stringify(rows);
    for (const secret of ['李小明', ID_NUMBER, '某某村', '王秀英', '13800138000']) expect(dump).not.toContain(secret);
  });

  it('should return no foreign rows through the app role when the application filter is removed', async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: t.db.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('kindred.org_ids', $1, true)", [world.company.id]);
      expect((await client.query('SELECT id FROM children')).rowCount).toBe(0);
      await client.query("SELECT set_config('kindred.org_ids', $1, true)", [world.ngo.id]);
      expect((await client.query('SELECT id FROM children')).rowCount).toBeGreaterThanOrEqual(1);
      await client.query('COMMIT');
      expect((await client.query('SELECT id FROM children')).rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
