import { beijingToday, addDays } from '../../../src/modules/children/child-dates';
import { createChild, giveConsent } from '../../factories/children.factory';
import { createShiftNeed, clearForChildContact } from '../../factories/engagement.factory';
import { bearer, createOrganization, createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

describe('children registry: consent, services, assessments, timeline and follow-ups', () => {
  let t: TestApp;
  let world: World;
  let otherNgo: { id: string; owner: TestUser };
  const today = beijingToday();

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    const owner = await registerUser(t);
    otherNgo = { id: await createOrganization(t, owner, { kind: 'ngo' }), owner };
  });

  afterAll(async () => {
    await t.close();
  });

  const child = (overrides: Record<string, unknown> = {}) => createChild(t, world.ngo.coordinator, world.ngo.id, overrides);
  const audits = async (childId: string, action: string) =>
    (await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log WHERE entity_id = $1 AND action = $2', [childId, action]))[0].n;
  const file = async (childId: string) => (await t.http().get(`/api/v1/children/${childId}`).set(bearer(world.ngo.staff))).body;

  describe('consent', () => {
    it('should keep the guardian encrypted, show it to the owner with one audit row, and hide it from staff when a consent is recorded', async () => {
      const id = await child();
      const put = await giveConsent(t, world.ngo.coordinator, id, ['service_delivery', 'share_with_volunteers'], { givenBy: '王秀英' });
      expect(put).toMatchObject({ childId: id, givenBy: '王秀英', scopes: ['service_delivery', 'share_with_volunteers'], current: true, withdrawnAt: null });
      const stored = await t.db.query<Record<string, unknown>>('SELECT * FROM child_consents WHERE child_id = $1', [id]);
      expect(JSON.stringify(stored)).not.toContain('王秀英');

      const before = await audits(id, 'child.identity_read');
      const owner = await t.http().get(`/api/v1/children/${id}/consent`).set(bearer(world.ngo.owner));
      expect(owner.status).toBe(200);
      expect(owner.body.givenBy).toBe('王秀英');
      expect(Number(await audits(id, 'child.identity_read'))).toBe(Number(before) + 1);

      const staff = await t.http().get(`/api/v1/children/${id}/consent`).set(bearer(world.ngo.staff));
      expect(staff.status).toBe(200);
      expect(Object.keys(staff.body).sort()).toEqual(['childId', 'current', 'expiresAt', 'givenAt', 'id', 'method', 'relation', 'scopes', 'withdrawnAt']);
      expect(Number(await audits(id, 'child.identity_read'))).toBe(Number(before) + 1);
      expect((await file(id)).consentScopes).toEqual(['service_delivery', 'share_with_volunteers']);
    });

    it('should answer null before any consent and 404 to a volunteer or another NGO when the consent is read', async () => {
      const id = await child();
      const none = await t.http().get(`/api/v1/children/${id}/consent`).set(bearer(world.ngo.owner));
      expect(none.status).toBe(200);
      expect(none.text).toBe('null');
      for (const viewer of [world.volunteer, otherNgo.owner]) {
        expect((await t.http().get(`/api/v1/children/${id}/consent`).set(bearer(viewer))).status).toBe(404);
      }
      const staff = await t
        .http()
        .put(`/api/v1/children/${id}/consent`)
        .set(bearer(world.ngo.staff))
        .send({ givenBy: '王秀英', relation: '祖母', method: 'paper', scopes: ['service_delivery'], givenAt: '2026-03-01T10:00:00+08:00' });
      expect(staff.status).toBe(403);
    });

    it('should keep the replaced consent as history and empty consentScopes when a consent is replaced and then withdrawn', async () => {
      const id = await child();
      await giveConsent(t, world.ngo.owner, id, ['service_delivery']);
      await giveConsent(t, world.ngo.owner, id, ['photos_internal']);
      expect((await file(id)).consentScopes).toEqual(['photos_internal']);
      const withdrawn = await t.http().delete(`/api/v1/children/${id}/consent`).set(bearer(world.ngo.owner));
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ current: false, withdrawnAt: expect.any(String) });
      expect((await file(id)).consentScopes).toEqual([]);
      const rows = await t.db.query<{ withdrawn_by: string | null }>('SELECT withdrawn_by FROM child_consents WHERE child_id = $1', [id]);
      expect(rows.map((r) => r.withdrawn_by)).toEqual([world.ngo.owner.id, world.ngo.owner.id]);
      expect((await t.http().delete(`/api/v1/children/${id}/consent`).set(bearer(world.ngo.owner))).status).toBe(404);
      const timeline = await t.http().get(`/api/v1/children/${id}/timeline`).set(bearer(world.ngo.staff));
      const events = timeline.body.filter((e: { kind: string }) => e.kind === 'consent').map((e: { summary: { event: string } }) => e.summary.event);
      expect(events.sort()).toEqual(['given', 'given', 'replaced', 'withdrawn']);
    });

    it('should leave consentScopes empty when the consent has expired', async () => {
      const id = await child();
      await giveConsent(t, world.ngo.owner, id, ['service_delivery'], { givenAt: '2026-03-01T10:00:00+08:00', expiresAt: '2026-03-02T10:00:00+08:00' });
      expect((await file(id)).consentScopes).toEqual([]);
      expect((await t.http().get(`/api/v1/children/${id}/consent`).set(bearer(world.ngo.owner))).body.current).toBe(false);
    });

    it('should answer 400 naming each field when a consent body is wrong', async () => {
      const id = await child();
      const put = (body: Record<string, unknown>) =>
        t
          .http()
          .put(`/api/v1/children/${id}/consent`)
          .set(bearer(world.ngo.owner))
          .send({ givenBy: '王秀英', relation: '祖母', method: 'paper', scopes: ['service_delivery'], givenAt: '2026-03-01T10:00:00+08:00', ...body });
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ scopes: ['registry_forever'] }, 'scopes'],
        [{ method: 'telepathy' }, 'method'],
        [{ givenAt: '2999-01-01T00:00:00+08:00' }, 'givenAt'],
        [{ expiresAt: '2026-02-01T00:00:00+08:00' }, 'expiresAt'],
        [{ givenBy: '' }, 'givenBy'],
      ];
      for (const [body, field] of cases) {
        const res = await put(body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(new RegExp(`^${field}`)) })]));
      }
      expect(await t.db.query('SELECT 1 FROM child_consents WHERE child_id = $1', [id])).toEqual([]);
    });
  });

  describe('services and visits', () => {
    it('should move nextVisitDue by the risk cadence only forward when family visits are recorded', async () => {
      const id = await child({ riskLevel: 'high', registeredOn: '2026-03-01' });
      expect((await file(id)).nextVisitDue).toBe('2026-03-31');
      const visit = await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send({ kind: 'family_visit', date: '2026-03-10', notes: '家中整洁' });
      expect(visit.status).toBe(201);
      expect(visit.body).toMatchObject({ childId: id, kind: 'family_visit', date: '2026-03-10', recordedBy: world.ngo.staff.id });
      expect((await file(id)).nextVisitDue).toBe('2026-04-09');
      await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send({ kind: 'family_visit', date: '2026-03-05' });
      expect((await file(id)).nextVisitDue).toBe('2026-04-09');
      await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send({ kind: 'school_visit', date: '2026-03-20' });
      expect((await file(id)).nextVisitDue).toBe('2026-04-09');
      const list = await t.http().get(`/api/v1/children/${id}/services?limit=2`).set(bearer(world.ngo.staff));
      expect(list.body.data.map((s: { date: string }) => s.date)).toEqual(['2026-03-20', '2026-03-10']);
      const next = await t.http().get(`/api/v1/children/${id}/services?limit=2&cursor=${list.body.nextCursor}`).set(bearer(world.ngo.staff));
      expect(next.body).toMatchObject({ data: [expect.objectContaining({ date: '2026-03-05' })], nextCursor: null });
    });

    it('should flag visitOverdue when nextVisitDue has passed and clear it when a family visit is recorded today', async () => {
      const id = await child({ riskLevel: 'high', registeredOn: addDays(today, -40), birthDate: '2015-04-12' });
      expect(await file(id)).toMatchObject({ visitOverdue: true });
      await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send({ kind: 'family_visit', date: today });
      expect(await file(id)).toMatchObject({ visitOverdue: false, nextVisitDue: addDays(today, 30) });
    });

    it('should record the last parent contact and clear parentContactOverdue when a parent_child_call is logged', async () => {
      const id = await child({ registeredOn: addDays(today, -60), categories: ['left_behind_single_parent'] });
      expect(await file(id)).toMatchObject({ parentContactOverdue: true, lastParentContactOn: null });
      const call = await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send({ kind: 'parent_child_call', date: addDays(today, -1) });
      expect(call.status).toBe(201);
      expect(await file(id)).toMatchObject({ parentContactOverdue: false, lastParentContactOn: addDays(today, -1) });
    });

    it('should answer 400 naming the field and write nothing when a service is in the future, lacks its amount or links another NGO', async () => {
      const id = await child();
      const foreign = await createShiftNeed(t, otherNgo.owner, otherNgo.id);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ kind: 'family_visit', date: '2999-01-01' }, 'date'],
        [{ kind: 'family_visit', date: '2026-13-01' }, 'date'],
        [{ kind: 'cash_aid', date: '2026-03-05' }, 'amountFen'],
        [{ kind: 'tutoring', date: '2026-03-05', amountFen: 100 }, 'amountFen'],
        [{ kind: 'material_aid', date: '2026-03-05' }, 'quantity'],
        [{ kind: 'teleport', date: '2026-03-05' }, 'kind'],
        [{ kind: 'tutoring', date: '2026-03-05', needId: foreign.needId }, 'needId'],
        [{ kind: 'tutoring', date: '2026-03-05', shiftId: foreign.shiftId }, 'shiftId'],
        [{ kind: 'tutoring', date: '2026-03-05', needId: '00000000-0000-4000-8000-000000000000' }, 'needId'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send(body);
        expect({ field, status: res.status, fields: (res.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ field, status: 400, fields: [field] });
      }
      expect(await t.db.query('SELECT 1 FROM child_services WHERE child_id = $1', [id])).toEqual([]);
      const own = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
      const linked = await t
        .http()
        .post(`/api/v1/children/${id}/services`)
        .set(bearer(world.ngo.staff))
        .send({ kind: 'cash_aid', date: '2026-03-05', amountFen: 50000, needId: own.needId, shiftId: own.shiftId });
      expect(linked.status).toBe(201);
      expect(linked.body).toMatchObject({ amountFen: 50000, needId: own.needId, shiftId: own.shiftId });
    });

    it('should answer 409 child_exited when a service, assessment or consent is recorded for an exited child', async () => {
      const id = await child();
      await t.db.query("UPDATE children SET status = 'exited', exited_on = '2026-04-01', exit_reason = 'moved' WHERE id = $1", [id]);
      const service = await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send({ kind: 'family_visit', date: '2026-04-02' });
      const assessment = await t.http().post(`/api/v1/children/${id}/assessments`).set(bearer(world.ngo.staff)).send({ kind: 'academic', date: '2026-04-02', score: 70 });
      const consent = await t
        .http()
        .put(`/api/v1/children/${id}/consent`)
        .set(bearer(world.ngo.owner))
        .send({ givenBy: '王秀英', relation: '祖母', method: 'paper', scopes: ['service_delivery'], givenAt: '2026-03-01T10:00:00+08:00' });
      expect([service.body.code, assessment.body.code, consent.body.code]).toEqual(['child_exited', 'child_exited', 'child_exited']);
      expect([service.status, assessment.status, consent.status]).toEqual([409, 409, 409]);
      const timeline = await t.http().get(`/api/v1/children/${id}/timeline`).set(bearer(world.ngo.staff));
      expect(timeline.body[0]).toMatchObject({ kind: 'exit', at: '2026-04-01', summary: { reason: 'moved' } });
    });

    it('should answer 404 to a volunteer and another NGO when they record a service', async () => {
      const id = await child();
      for (const viewer of [world.volunteer, otherNgo.owner, world.company.owner]) {
        const res = await t.http().post(`/api/v1/children/${id}/services`).set(bearer(viewer)).send({ kind: 'family_visit', date: '2026-03-05' });
        expect(res.status).toBe(404);
      }
    });
  });

  describe('assessments and timeline', () => {
    it('should move nextReassessmentDue and list the timeline newest first when assessments and services are recorded', async () => {
      const id = await child({ registeredOn: '2026-03-01' });
      const a = await t.http().post(`/api/v1/children/${id}/assessments`).set(bearer(world.ngo.staff)).send({ kind: 'wellbeing', date: '2026-03-15', score: 42, concern: true });
      expect(a.status).toBe(201);
      expect(a.body).toMatchObject({ kind: 'wellbeing', date: '2026-03-15', score: 42, concern: true });
      expect((await file(id)).nextReassessmentDue).toBe(addDays('2026-03-15', 180));
      await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send({ kind: 'counselling', date: '2026-03-20' });
      const list = await t.http().get(`/api/v1/children/${id}/assessments`).set(bearer(world.ngo.staff));
      expect(list.body.data).toHaveLength(1);
      const timeline = await t.http().get(`/api/v1/children/${id}/timeline`).set(bearer(world.ngo.staff));
      expect(timeline.status).toBe(200);
      expect(timeline.body.map((e: { kind: string; at: string }) => `${e.kind}@${e.at.slice(0, 10)}`)).toEqual([
        'service@2026-03-20',
        'assessment@2026-03-15',
        'category_change@2026-03-01',
        'registered@2026-03-01',
      ]);
      expect(JSON.stringify(timeline.body)).not.toMatch(/测试儿童|测试监护人|测试村/);
    });

    it('should answer 400 naming score and date when an assessment is out of range', async () => {
      const id = await child();
      const score = await t.http().post(`/api/v1/children/${id}/assessments`).set(bearer(world.ngo.staff)).send({ kind: 'academic', date: '2026-03-15', score: 101 });
      expect(score.status).toBe(400);
      expect(score.body.errors).toEqual([expect.objectContaining({ field: 'score' })]);
      const date = await t.http().post(`/api/v1/children/${id}/assessments`).set(bearer(world.ngo.staff)).send({ kind: 'academic', date: '2999-03-15', score: 50 });
      expect(date.status).toBe(400);
      expect(date.body.errors).toEqual([expect.objectContaining({ field: 'date', code: 'in_the_future' })]);
    });
  });

  describe('follow-ups', () => {
    it('should pair a staff social worker, count their service as a contact and end the pairing when asked', async () => {
      const id = await child();
      const created = await t
        .http()
        .post(`/api/v1/children/${id}/follow-ups`)
        .set(bearer(world.ngo.coordinator))
        .send({ userId: world.ngo.staff.id, role: 'social_worker', contactEveryDays: 7, startedOn: addDays(today, -10) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ userId: world.ngo.staff.id, displayName: '工作人员', lastContactOn: null, contactOverdue: true, endedOn: null });
      await t.http().post(`/api/v1/children/${id}/services`).set(bearer(world.ngo.staff)).send({ kind: 'companionship', date: addDays(today, -2) });
      const list = await t.http().get(`/api/v1/children/${id}/follow-ups`).set(bearer(world.ngo.coordinator));
      expect(list.body.data).toEqual([expect.objectContaining({ id: created.body.id, lastContactOn: addDays(today, -2), contactOverdue: false })]);
      const again = await t
        .http()
        .post(`/api/v1/children/${id}/follow-ups`)
        .set(bearer(world.ngo.coordinator))
        .send({ userId: world.ngo.staff.id, role: 'social_worker', contactEveryDays: 7 });
      expect(again.status).toBe(409);
      const ended = await t.http().post(`/api/v1/children/${id}/follow-ups/${created.body.id}/end`).set(bearer(world.ngo.coordinator)).send({});
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ endedOn: today, contactOverdue: false });
      expect((await t.http().post(`/api/v1/children/${id}/follow-ups/${created.body.id}/end`).set(bearer(world.ngo.coordinator)).send({})).status).toBe(409);
    });

    it('should refuse a stranger as social worker, a volunteer without a safeguarding check, and staff creating pairings', async () => {
      const id = await child();
      const post = (by: TestUser, body: Record<string, unknown>) => t.http().post(`/api/v1/children/${id}/follow-ups`).set(bearer(by)).send({ contactEveryDays: 14, ...body });
      const stranger = await post(world.ngo.owner, { userId: world.volunteer.id, role: 'social_worker' });
      expect(stranger.status).toBe(400);
      expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
      const unchecked = await post(world.ngo.owner, { userId: world.volunteer.id, role: 'volunteer' });
      expect(unchecked.status).toBe(403);
      expect(unchecked.body.code).toBe('safeguarding_required');
      expect((await post(world.ngo.staff, { userId: world.ngo.staff.id, role: 'social_worker' })).status).toBe(403);
      const bad = await post(world.ngo.owner, { userId: world.ngo.staff.id, role: 'social_worker', contactEveryDays: 0 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'contactEveryDays' })]);
      expect(await t.db.query('SELECT 1 FROM child_follow_ups WHERE child_id = $1', [id])).toEqual([]);

      const cleared = await registerUser(t, { displayName: '结对志愿者' });
      await clearForChildContact(t, world.ngo.coordinator, world.ngo.id, cleared);
      const paired = await post(world.ngo.owner, { userId: cleared.id, role: 'volunteer' });
      expect(paired.status).toBe(201);
      expect(paired.body).toMatchObject({ role: 'volunteer', displayName: '结对志愿者' });
    });
  });
});
