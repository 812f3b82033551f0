import { createChild, giveConsent } from '../../factories/children.factory';
import { clearForChildContact, createShiftNeed } from '../../factories/engagement.factory';
import { bearer, createOrganization, createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

const LEGAL_NAMES = ['卡片儿童甲', '卡片儿童乙', '卡片儿童丙'];

describe('children registry: beneficiaries, consent gate and activity cards', () => {
  let t: TestApp;
  let world: World;
  let otherNgo: { id: string; owner: TestUser };

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    const owner = await registerUser(t);
    otherNgo = { id: await createOrganization(t, owner, { kind: 'ngo' }), owner };
  });

  afterAll(async () => {
    await t.close();
  });

  const child = (legalName: string, overrides: Record<string, unknown> = {}) =>
    createChild(t, world.ngo.coordinator, world.ngo.id, { legalName, schoolName: '塘渡口镇中心小学', ...overrides });
  const link = (needId: string, body: Record<string, unknown>, by: TestUser = world.ngo.coordinator) =>
    t.http().post(`/api/v1/needs/${needId}/beneficiaries`).set(bearer(by)).send(body);
  const card = (signupId: string, by: TestUser) => t.http().get(`/api/v1/signups/${signupId}/activity-card`).set(bearer(by));
  const signUp = async (shiftId: string, volunteer: TestUser) => {
    const res = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(volunteer));
    if (res.status !== 201) throw new Error(`sign-up: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; status: string };
  };
  const auditCount = async (action: string, signupId: string) =>
    Number(
      (await t.db.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_log WHERE action = $1 AND diff->>'signupId' = $2", [action, signupId]))[0]
        .n,
    );
  const links = async (needId: string) => (await t.db.query('SELECT child_id FROM need_beneficiaries WHERE need_id = $1', [needId])).length;

  it('should answer 409 consent_required naming the child and link nothing when one child of several lacks a service_delivery consent', async () => {
    const need = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const consented = await child(LEGAL_NAMES[0]);
    const without = await child(LEGAL_NAMES[1]);
    const expired = await child(LEGAL_NAMES[2]);
    await giveConsent(t, world.ngo.owner, consented, ['service_delivery']);
    await giveConsent(t, world.ngo.owner, without, ['photos_internal']);
    await giveConsent(t, world.ngo.owner, expired, ['service_delivery'], { givenAt: '2026-03-01T10:00:00+08:00', expiresAt: '2026-03-02T10:00:00+08:00' });
    const before = await t.db.query<{ beneficiary_count: number }>('SELECT beneficiary_count FROM needs WHERE id = $1', [need.needId]);
    const res = await link(need.needId, { childIds: [consented, without, expired] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'consent_required', errors: [{ field: 'childIds[1]' }, { field: 'childIds[2]' }].map((e) => expect.objectContaining(e)) });
    expect(await links(need.needId)).toBe(0);
    expect(await t.db.query("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'need.beneficiaries_linked'", [need.needId])).toEqual([]);
    expect(await t.db.query<{ beneficiary_count: number }>('SELECT beneficiary_count FROM needs WHERE id = $1', [need.needId])).toEqual(before);
  });

  it("should answer 404 naming the child when a child of another NGO is linked, 403 to staff and 404 to a volunteer or another NGO", async () => {
    const need = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const own = await child(LEGAL_NAMES[0]);
    await giveConsent(t, world.ngo.owner, own, ['service_delivery']);
    const foreign = await createChild(t, otherNgo.owner, otherNgo.id);
    const res = await link(need.needId, { childIds: [own, foreign] });
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'childIds[1]' })]);
    expect(await links(need.needId)).toBe(0);
    expect((await link(need.needId, { childIds: [own] }, world.ngo.staff)).status).toBe(403);
    expect((await link(need.needId, { childIds: [own] }, world.volunteer)).status).toBe(404);
    expect((await link(need.needId, { childIds: [own] }, otherNgo.owner)).status).toBe(404);
    const badGrant = await link(need.needId, { childIds: [own], needToKnow: { [foreign]: ['x'] } });
    expect(badGrant.status).toBe(400);
    expect(badGrant.body.errors).toEqual([expect.objectContaining({ field: `needToKnow.${foreign}` })]);
    const badIds = await link(need.needId, { childIds: ['not-a-uuid'] });
    expect(badIds.status).toBe(400);
    expect(badIds.body.errors).toEqual([expect.objectContaining({ field: expect.stringMatching(/^childIds/) })]);
  });

  it('should link consented children by alias only and make the need count them when they are linked and unlinked', async () => {
    const need = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const a = await child(LEGAL_NAMES[0]);
    const b = await child(LEGAL_NAMES[1]);
    for (const id of [a, b]) await giveConsent(t, world.ngo.owner, id, ['service_delivery']);
    const res = await link(need.needId, { childIds: [a, b], needToKnow: { [a]: ['对花生过敏'] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ needId: need.needId, beneficiaryCount: 2 });
    expect(res.body.children.map((c: Record<string, unknown>) => Object.keys(c).sort())).toEqual([
      ['ageBand', 'alias', 'childId', 'needToKnow'],
      ['ageBand', 'alias', 'childId', 'needToKnow'],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/卡片儿童|中心小学|测试村|13900139000/);
    expect((await t.http().get(`/api/v1/needs/${need.needId}`).set(bearer(world.ngo.coordinator))).body.beneficiaryCount).toBe(2);
    const staffView = await t.http().get(`/api/v1/needs/${need.needId}/beneficiaries`).set(bearer(world.ngo.staff));
    expect(staffView.body.children.map((c: { childId: string }) => c.childId).sort()).toEqual([a, b].sort());
    expect((await t.http().get(`/api/v1/needs/${need.needId}/beneficiaries`).set(bearer(world.volunteer))).status).toBe(404);
    const removed = await t.http().delete(`/api/v1/needs/${need.needId}/beneficiaries/${b}`).set(bearer(world.ngo.coordinator));
    expect(removed.status).toBe(200);
    expect(removed.body.beneficiaryCount).toBe(1);
    expect((await t.http().get(`/api/v1/needs/${need.needId}`).set(bearer(world.ngo.coordinator))).body.beneficiaryCount).toBe(1);
    expect((await t.http().delete(`/api/v1/needs/${need.needId}/beneficiaries/${b}`).set(bearer(world.ngo.coordinator))).status).toBe(404);
  });

  describe('activity card', () => {
    let need: { needId: string; shiftId: string };
    let shared: string;
    let unshared: string;
    let volunteer: TestUser;
    let waitlisted: TestUser;
    let signupId: string;
    let waitlistedId: string;

    beforeAll(async () => {
      need = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 1 });
      shared = await child(LEGAL_NAMES[0], { birthDate: '2015-04-12' });
      unshared = await child(LEGAL_NAMES[1]);
      await giveConsent(t, world.ngo.owner, shared, ['service_delivery', 'share_with_volunteers']);
      await giveConsent(t, world.ngo.owner, unshared, ['service_delivery']);
      const res = await link(need.needId, { childIds: [shared, unshared], needToKnow: { [shared]: ['对花生过敏', '需要轮椅'], [unshared]: ['怕狗'] } });
      expect(res.status).toBe(200);
      volunteer = await registerUser(t, { displayName: '卡片志愿者' });
      waitlisted = await registerUser(t, { displayName: '候补志愿者' });
      const first = await signUp(need.shiftId, volunteer);
      const second = await signUp(need.shiftId, waitlisted);
      expect([first.status, second.status]).toEqual(['confirmed', 'waitlisted']);
      signupId = first.id;
      waitlistedId = second.id;
    });

    it('should show exactly alias, age band and granted facts of children who consented to sharing and audit each child and fact once when the confirmed volunteer reads it', async () => {
      const res = await card(signupId, volunteer);
      expect(res.status).toBe(200);
      const alias = (await t.db.query<{ alias: string }>('SELECT alias FROM children WHERE id = $1', [shared]))[0].alias;
      expect(res.body).toEqual({ signupId, needId: need.needId, children: [{ alias, ageBand: '6to14', needToKnow: ['对花生过敏', '需要轮椅'] }] });
      expect(Object.keys(res.body.children[0]).sort()).toEqual(['ageBand', 'alias', 'needToKnow']);
      expect(JSON.stringify(res.body)).not.toMatch(/卡片儿童|中心小学|测试村|测试监护人|13900139000|430523/);
      expect(await auditCount('child.card_read', signupId)).toBe(1);
      expect(await auditCount('child.fact_read', signupId)).toBe(2);
      const rows = await t.db.query<{ entity_id: string; actor_user_id: string; org_id: string }>(
        "SELECT entity_id, actor_user_id, org_id FROM audit_log WHERE diff->>'signupId' = $1",
        [signupId],
      );
      expect(rows.every((r) => r.entity_id === shared && r.actor_user_id === volunteer.id && r.org_id === world.ngo.id)).toBe(true);
      await card(signupId, volunteer);
      expect(await auditCount('child.card_read', signupId)).toBe(2);
      expect(await auditCount('child.fact_read', signupId)).toBe(4);
    });

    it('should answer 404 when a waitlisted volunteer, another volunteer or the coordinator asks for the card', async () => {
      expect((await card(waitlistedId, waitlisted)).status).toBe(404);
      expect((await card(signupId, waitlisted)).status).toBe(404);
      expect((await card(signupId, world.volunteer)).status).toBe(404);
      expect((await card(signupId, world.ngo.coordinator)).status).toBe(404);
    });

    it('should leave a child off the card from the moment the guardian withdraws consent', async () => {
      const withdrawn = await t.http().delete(`/api/v1/children/${shared}/consent`).set(bearer(world.ngo.owner));
      expect(withdrawn.status).toBe(200);
      const res = await card(signupId, volunteer);
      expect(res.status).toBe(200);
      expect(res.body.children).toEqual([]);
      await giveConsent(t, world.ngo.owner, shared, ['service_delivery', 'share_with_volunteers'], {
        givenAt: '2026-03-01T10:00:00+08:00',
        expiresAt: '2026-03-02T10:00:00+08:00',
      });
      expect((await card(signupId, volunteer)).body.children).toEqual([]);
      await giveConsent(t, world.ngo.owner, shared, ['service_delivery', 'share_with_volunteers']);
      expect((await card(signupId, volunteer)).body.children).toHaveLength(1);
    });

    it('should commit no audit row of a card read that fails part-way', async () => {
      await t.db.query(`
        CREATE FUNCTION fail_second_fact() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.action = 'child.fact_read' AND NEW.diff->>'fact' = '1' THEN RAISE EXCEPTION 'injected failure'; END IF;
          RETURN NEW;
        END $$`);
      await t.db.query('CREATE TRIGGER fail_second_fact BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_second_fact()');
      try {
        const before = [await auditCount('child.card_read', signupId), await auditCount('child.fact_read', signupId)];
        const res = await card(signupId, volunteer);
        expect(res.status).toBe(500);
        expect([await auditCount('child.card_read', signupId), await auditCount('child.fact_read', signupId)]).toEqual(before);
      } finally {
        await t.db.query('DROP TRIGGER fail_second_fact ON audit_log');
        await t.db.query('DROP FUNCTION fail_second_fact()');
      }
    });

    it('should answer 404 when the need has no linked children', async () => {
      const bare = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
      const someone = await registerUser(t);
      const signup = await signUp(bare.shiftId, someone);
      expect((await card(signup.id, someone)).status).toBe(404);
    });

    it('should answer 403 safeguarding_required on a child-contact need once the volunteer is no longer cleared', async () => {
      const contact = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { childContact: true });
      const cleared = await registerUser(t, { displayName: '接触儿童志愿者' });
      await clearForChildContact(t, world.ngo.coordinator, world.ngo.id, cleared);
      const signup = await signUp(contact.shiftId, cleared);
      expect(signup.status).toBe('confirmed');
      const id = await child(LEGAL_NAMES[2]);
      await giveConsent(t, world.ngo.owner, id, ['service_delivery', 'share_with_volunteers']);
      expect((await link(contact.needId, { childIds: [id] })).status).toBe(200);
      expect((await card(signup.id, cleared)).status).toBe(200);
      // The check lapses after the sign-up (a record found would cancel the sign-up itself).
      await t.db.query(`UPDATE safeguarding_checks SET expires_at = now() - interval '1 minute' WHERE volunteer_user_id = $1`, [cleared.id]);
      const res = await card(signup.id, cleared);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('safeguarding_required');
      expect(await auditCount('child.card_read', signup.id)).toBe(1);
    });
  });
});
