import { NEED_STATUSES, type NeedStatus } from '@kindred/contracts';
import { NeedFactsService } from '../../../src/modules/needs/need-facts.service';
import { NeedsService } from '../../../src/modules/needs/needs.service';
import { PrincipalService } from '../../../src/modules/identity/principal.service';
import { bearer, createOrganization, createWorld, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { addShift, beijingIn, createNeed, publish, publishedNeed, setStatus, TUTORING } from '../../factories/needs.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

interface EventRow {
  type: string;
  org_ids: string[];
  need_id: string | null;
  user_ids: string[];
  payload: Record<string, unknown>;
}

const ALLOWED = new Set([
  'draft>open',
  'draft>cancelled',
  'open>filled',
  'open>in_progress',
  'open>cancelled',
  'filled>open',
  'filled>in_progress',
  'filled>cancelled',
  'in_progress>completed',
  'in_progress>cancelled',
]);

describe('needs', () => {
  let t: TestApp;
  let world: World;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    admin = await loginAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const events = (needId: string) =>
    t.db.query<EventRow>(`SELECT type, org_ids, need_id, user_ids, payload FROM events WHERE payload->>'needId' = $1 ORDER BY id`, [
      needId,
    ]);
  const get = (user: TestUser, id: string) => t.http().get(`/api/v1/needs/${id}`).set(bearer(user));

  describe('creating', () => {
    it('should create a draft with child contact on by default for tutoring, audit it and tell only the organisation', async () => {
      const res = await t
        .http()
        .post('/api/v1/needs')
        .set(bearer(world.ngo.coordinator))
        .send({ ...TUTORING, organizationId: world.ngo.id });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ...TUTORING,
        organizationId: world.ngo.id,
        status: 'draft',
        childContact: true,
        minAge: null,
        items: [],
        targetFen: null,
        publishedAt: null,
      });
      expect(res.body.organizationName).toEqual(expect.any(String));
      const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'need' AND entity_id = $1", [
        res.body.id,
      ]);
      expect(audit.map((a) => a.action)).toEqual(['need.created']);
      expect(await events(res.body.id as string)).toEqual([
        {
          type: 'need.updated',
          org_ids: [world.ngo.id],
          need_id: null,
          user_ids: [],
          payload: { needId: res.body.id, organizationId: world.ngo.id, status: 'draft', changed: ['created'] },
        },
      ]);
    });

    it.each([
      ['tutoring', true],
      ['companionship', true],
      ['summer_camp', true],
      ['counselling', true],
      ['family_visit', true],
      ['parent_child_call', true],
      ['health_check', false],
      ['safety_education', false],
      ['legal_aid', false],
      ['other', false],
    ])('should default childContact for %s to %s', async (type, childContact) => {
      const need = await createNeed(t, world.ngo.coordinator, world.ngo.id, { type });
      expect(need.childContact).toBe(childContact);
    });

    it('should keep an explicit childContact', async () => {
      expect((await createNeed(t, world.ngo.coordinator, world.ngo.id, { type: 'tutoring', childContact: false })).childContact).toBe(
        false,
      );
    });

    it('should store goods lines with ids and a money target in fen', async () => {
      const need = await createNeed(t, world.ngo.coordinator, world.ngo.id, {
        type: 'goods',
        title: '冬衣与书包',
        requiredSkills: [],
        items: [
          { name: '冬衣', unit: '件', quantity: 40 },
          { name: '书包', unit: '个', quantity: 30 },
        ],
        targetFen: 1_234_567_890,
      });
      expect(need.childContact).toBe(false);
      expect(need.targetFen).toBe(1_234_567_890);
      expect(need.items).toEqual([
        { id: expect.any(String), name: '冬衣', unit: '件', quantity: 40 },
        { id: expect.any(String), name: '书包', unit: '个', quantity: 30 },
      ]);
      await expect(t.db.query('UPDATE need_items SET quantity = 0 WHERE need_id = $1', [need.id])).rejects.toThrow(
        /ck_need_items_quantity/,
      );
    });

    it.each([
      [{ regionCode: '430524999' }, 'regionCode'],
      [{ regionCode: '43' }, 'regionCode'],
      [{ type: 'party' }, 'type'],
      [{ title: '' }, 'title'],
      [{ items: [{ name: '冬衣', unit: '件', quantity: 1 }] }, 'items'],
      [{ type: 'goods', requiredSkills: [] }, 'items'],
      [{ type: 'goods', items: [{ name: '冬衣', unit: '件', quantity: 0 }] }, 'items.0.quantity'],
      [{ type: 'goods', items: [{ name: '冬衣', unit: '件', quantity: 1.5 }] }, 'items.0.quantity'],
      [{ requiredSkills: ['tutoring_math', 'knitting'] }, 'requiredSkills'],
      [{ startsAt: '2026-07-10T08:00:00+08:00', endsAt: '2026-07-09T08:00:00+08:00' }, 'endsAt'],
      [{ startsAt: '2026-07-10T08:00:00' }, 'startsAt'],
      [{ targetFen: 0 }, 'targetFen'],
      [{ targetFen: 10.5 }, 'targetFen'],
      [{ location: { lat: 27.1 } }, 'location.lng'],
      [{ minAge: -1 }, 'minAge'],
      [{ programmeId: '00000000-0000-4000-8000-000000000000' }, 'programmeId'],
      [{ secret: true }, 'secret'],
    ])('should refuse %j with a 400 naming %s', async (overrides, field) => {
      const res = await t
        .http()
        .post('/api/v1/needs')
        .set(bearer(world.ngo.coordinator))
        .send({ ...TUTORING, organizationId: world.ngo.id, ...overrides });
      expect(res.status).toBe(400);
      expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    });

    it('should accept a township code of 隆回县 and a county code', async () => {
      expect((await createNeed(t, world.ngo.coordinator, world.ngo.id, { regionCode: '430524201' })).regionCode).toBe('430524201');
      expect((await createNeed(t, world.ngo.coordinator, world.ngo.id, { regionCode: '430524' })).regionCode).toBe('430524');
    });

    it('should let only owners and coordinators of the NGO create needs', async () => {
      const send = (user: TestUser, organizationId: string) =>
        t
          .http()
          .post('/api/v1/needs')
          .set(bearer(user))
          .send({ ...TUTORING, organizationId });
      expect((await send(world.ngo.owner, world.ngo.id)).status).toBe(201);
      expect((await send(world.ngo.staff, world.ngo.id)).status).toBe(403);
      expect((await send(world.volunteer, world.ngo.id)).status).toBe(404);
      expect((await send(world.company.owner, world.company.id)).status).toBe(403);
      const asAdmin = await send(admin, world.company.id);
      expect(asAdmin.status).toBe(400);
      expect(asAdmin.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    });
  });

  describe('publishing and status', () => {
    it('should refuse publishing for an unverified organisation with organization_unverified and keep the draft', async () => {
      const owner = await registerUser(t);
      const orgId = await createOrganization(t, owner, { verified: false });
      const need = await createNeed(t, owner, orgId);
      const res = await t.http().post(`/api/v1/needs/${need.id}/publish`).set(bearer(owner));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('organization_unverified');
      expect((await get(owner, need.id)).body.status).toBe('draft');
      expect((await events(need.id)).map((e) => e.type)).toEqual(['need.updated']);
    });

    it('should publish a draft of a verified organisation: status open, need.published to the organisation and the need room', async () => {
      const need = await createNeed(t, world.ngo.coordinator, world.ngo.id);
      const res = await t.http().post(`/api/v1/needs/${need.id}/publish`).set(bearer(world.ngo.coordinator));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('open');
      expect(res.body.publishedAt).toEqual(expect.any(String));
      const published = (await events(need.id)).find((e) => e.type === 'need.published');
      expect(published).toEqual({
        type: 'need.published',
        org_ids: [world.ngo.id],
        need_id: need.id,
        user_ids: [],
        payload: { needId: need.id, organizationId: world.ngo.id, title: TUTORING.title, type: 'tutoring', status: 'open' },
      });
      const again = await t.http().post(`/api/v1/needs/${need.id}/publish`).set(bearer(world.ngo.coordinator));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('invalid_transition');
    });

    // Every pair of statuses over HTTP: the need is put in `from` directly, then asked to become `to`.
    const PAIRS = NEED_STATUSES.flatMap((from) => NEED_STATUSES.map((to) => [from, to] as [NeedStatus, NeedStatus]));
    it.each(PAIRS)('should answer %s → %s as the transition table says', async (from, to) => {
      const need = await createNeed(t, world.ngo.coordinator, world.ngo.id);
      await t.db.query('UPDATE needs SET status = $2 WHERE id = $1', [need.id, from]);
      const res = await setStatus(t, world.ngo.coordinator, need.id, to, to === 'cancelled' ? '测试' : undefined);
      if (ALLOWED.has(`${from}>${to}`)) {
        expect(res.status).toBe(200);
        expect(res.body.status).toBe(to);
      } else {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('invalid_transition');
        expect((await t.db.query<{ status: string }>('SELECT status FROM needs WHERE id = $1', [need.id]))[0].status).toBe(from);
      }
    });

    it('should walk a need through its life and audit each step', async () => {
      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
      for (const status of ['filled', 'open', 'in_progress', 'completed']) {
        expect((await setStatus(t, world.ngo.coordinator, need.id, status)).status).toBe(200);
      }
      const audit = await t.db.query<{ action: string; diff: { from: string; to: string } }>(
        "SELECT action, diff FROM audit_log WHERE entity_type = 'need' AND entity_id = $1 ORDER BY id",
        [need.id],
      );
      expect(audit.map((a) => `${a.action}:${a.diff.from ?? ''}>${a.diff.to ?? ''}`)).toEqual([
        'need.created:>',
        'need.published:draft>open',
        'need.status_changed:open>filled',
        'need.status_changed:filled>open',
        'need.status_changed:open>in_progress',
        'need.status_changed:in_progress>completed',
      ]);
      const edit = await t.http().patch(`/api/v1/needs/${need.id}`).set(bearer(world.ngo.coordinator)).send({ title: '改标题' });
      expect(edit.status).toBe(409);
    });

    it('should refuse a status change by staff, and by outsiders as 404 for a draft and 403 for a published need', async () => {
      const draft = await createNeed(t, world.ngo.coordinator, world.ngo.id);
      const open = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
      expect((await setStatus(t, world.ngo.staff, open.id, 'filled')).status).toBe(403);
      expect((await setStatus(t, world.volunteer, draft.id, 'cancelled')).status).toBe(404);
      expect((await setStatus(t, world.volunteer, open.id, 'filled')).status).toBe(403);
      expect((await setStatus(t, admin, open.id, 'filled')).status).toBe(200);
    });

    it('should cancel the future shifts with the need, keep past ones, and say why in the events', async () => {
      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
      const future1 = await addShift(t, world.ngo.coordinator, need.id, 5, 3);
      const future2 = await addShift(t, world.ngo.coordinator, need.id, 5, 10);
      const past = await addShift(t, world.ngo.coordinator, need.id, 5, 1);
      await t.db.query(`UPDATE shifts SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [
        past.id,
      ]);

      const res = await setStatus(t, world.ngo.coordinator, need.id, 'cancelled', '暴雨预警，活动取消');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警，活动取消' });
      const shifts = await t.http().get(`/api/v1/needs/${need.id}/shifts`).set(bearer(world.ngo.coordinator));
      const statusOf = (id: string) => (shifts.body.data as Array<{ id: string; status: string }>).find((s) => s.id === id)!.status;
      expect([statusOf(future1.id), statusOf(future2.id), statusOf(past.id)]).toEqual(['cancelled', 'cancelled', 'scheduled']);

      const emitted = await events(need.id);
      const cancelled = emitted.filter((e) => e.type === 'need.updated' && e.payload.status === 'cancelled');
      expect(cancelled).toEqual([
        expect.objectContaining({
          org_ids: [world.ngo.id],
          need_id: need.id,
          payload: expect.objectContaining({ reason: '暴雨预警，活动取消' }),
        }),
      ]);
      const shiftEvents = emitted
        .filter((e) => e.type === 'shift.updated' && e.payload.status === 'cancelled')
        .map((e) => e.payload.shiftId);
      expect(shiftEvents.sort()).toEqual([future1.id, future2.id].sort());
      const audit = await t.db.query<{ diff: Record<string, unknown> }>(
        "SELECT diff FROM audit_log WHERE action = 'need.cancelled' AND entity_id = $1",
        [need.id],
      );
      expect(audit).toEqual([{ diff: { from: 'open', to: 'cancelled', cancelledShifts: 2 } }]);
    });
  });

  describe('reading and editing', () => {
    it('should show a draft only to the organisation and a published need to everyone', async () => {
      const need = await createNeed(t, world.ngo.coordinator, world.ngo.id);
      expect((await get(world.ngo.staff, need.id)).status).toBe(200);
      expect((await get(admin, need.id)).status).toBe(200);
      expect((await get(world.volunteer, need.id)).status).toBe(404);
      expect((await get(world.company.csrManager, need.id)).status).toBe(404);
      await publish(t, world.ngo.coordinator, need.id);
      expect((await get(world.volunteer, need.id)).status).toBe(200);
      expect((await t.http().get(`/api/v1/needs/${need.id}`)).status).toBe(401);
      expect((await get(world.volunteer, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await get(world.volunteer, 'not-a-uuid')).status).toBe(400);
    });

    it('should hide the needs of a suspended organisation from outsiders and refuse its members', async () => {
      const owner = await registerUser(t);
      const orgId = await createOrganization(t, owner);
      const need = await publishedNeed(t, owner, orgId);
      await t.http().post(`/api/v1/organizations/${orgId}/suspend`).set(bearer(admin));
      expect((await get(world.volunteer, need.id)).status).toBe(404);
      const member = await get(owner, need.id);
      expect(member.status).toBe(403);
      expect(member.body.code).toBe('organization_suspended');
      expect((await get(admin, need.id)).status).toBe(200);
    });

    it('should edit fields, clear optional ones with null and emit the changed field names', async () => {
      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id, { minAge: 18 });
      const res = await t
        .http()
        .patch(`/api/v1/needs/${need.id}`)
        .set(bearer(world.ngo.coordinator))
        .send({
          title: '桃花坪街道周六数学与语文辅导',
          minAge: null,
          location: null,
          requiredSkills: ['tutoring_math', 'tutoring_chinese'],
        });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: '桃花坪街道周六数学与语文辅导',
        minAge: null,
        location: null,
        requiredSkills: ['tutoring_math', 'tutoring_chinese'],
        status: 'open',
      });
      const updated = (await events(need.id)).filter((e) => e.type === 'need.updated').pop()!;
      expect([...(updated.payload.changed as string[])].sort()).toEqual(['lat', 'lng', 'minAge', 'requiredSkills', 'title']);
      expect(updated.need_id).toBe(need.id);
    });

    it('should refuse changing the type or goods lines after publishing, and null for a required field', async () => {
      const goods = await publishedNeed(t, world.ngo.coordinator, world.ngo.id, {
        type: 'goods',
        items: [{ name: '文具套装', unit: '套', quantity: 50 }],
        requiredSkills: [],
      });
      const patch = (body: object) => t.http().patch(`/api/v1/needs/${goods.id}`).set(bearer(world.ngo.coordinator)).send(body);
      expect((await patch({ type: 'tutoring' })).status).toBe(409);
      expect((await patch({ items: [{ name: '文具套装', unit: '套', quantity: 60 }] })).status).toBe(409);
      const nullTitle = await patch({ title: null });
      expect(nullTitle.status).toBe(400);
      expect(nullTitle.body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
      expect((await patch({ beneficiaryCount: 45 })).body.beneficiaryCount).toBe(45);
    });

    it('should replace the goods lines of a draft and drop them when a draft stops being a goods need', async () => {
      const draft = await createNeed(t, world.ngo.coordinator, world.ngo.id, {
        type: 'goods',
        items: [{ name: '冬衣', unit: '件', quantity: 40 }],
        requiredSkills: [],
      });
      const patch = (body: object) => t.http().patch(`/api/v1/needs/${draft.id}`).set(bearer(world.ngo.coordinator)).send(body);
      const replaced = await patch({
        items: [
          { name: '书包', unit: '个', quantity: 30 },
          { name: '文具套装', unit: '套', quantity: 30 },
        ],
      });
      expect(replaced.body.items.map((i: { name: string }) => i.name)).toEqual(['书包', '文具套装']);
      const retyped = await patch({ type: 'companionship' });
      expect(retyped.body).toMatchObject({ type: 'companionship', items: [] });
    });
  });

  describe('programmes', () => {
    it('should create a programme, refuse a duplicate, list it and link a need to it', async () => {
      const create = (user: TestUser, body: object) => t.http().post('/api/v1/programmes').set(bearer(user)).send(body);
      const res = await create(world.ngo.coordinator, { organizationId: world.ngo.id, name: '2026 暑期夏令营', year: 2026 });
      expect(res.status).toBe(201);
      expect((await create(world.ngo.owner, { organizationId: world.ngo.id, name: '2026 暑期夏令营', year: 2026 })).status).toBe(409);
      expect((await create(world.ngo.staff, { organizationId: world.ngo.id, name: '别的', year: 2026 })).status).toBe(403);
      expect((await create(world.ngo.coordinator, { organizationId: world.ngo.id, name: '年份错误', year: 1999 })).status).toBe(400);
      const list = await t.http().get(`/api/v1/programmes?organizationId=${world.ngo.id}`).set(bearer(world.volunteer));
      expect(list.body.data).toEqual([expect.objectContaining({ id: res.body.id, name: '2026 暑期夏令营', year: 2026 })]);
      const camp = await createNeed(t, world.ngo.coordinator, world.ngo.id, { type: 'summer_camp', programmeId: res.body.id });
      expect(camp.programmeId).toBe(res.body.id);

      const otherOwner = await registerUser(t);
      const otherOrg = await createOrganization(t, otherOwner);
      const foreign = await t
        .http()
        .post('/api/v1/needs')
        .set(bearer(otherOwner))
        .send({ ...TUTORING, organizationId: otherOrg, programmeId: res.body.id });
      expect(foreign.status).toBe(400);
      expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'programmeId' })]);
    });
  });

  describe('for other contexts', () => {
    it('should decide who may subscribe to a need room like who may read it', async () => {
      const principals = t.app.get(PrincipalService);
      const service = t.app.get(NeedsService);
      const draft = await createNeed(t, world.ngo.coordinator, world.ngo.id);
      const asPrincipal = (user: TestUser) => principals.resolve(user.accessToken);
      expect(await service.canSubscribe(await asPrincipal(world.ngo.staff), draft.id)).toBe('allowed');
      expect(await service.canSubscribe(await asPrincipal(world.volunteer), draft.id)).toBe('not_found');
      expect(await service.canSubscribe(await asPrincipal(world.volunteer), '00000000-0000-4000-8000-000000000000')).toBe('not_found');
      await publish(t, world.ngo.coordinator, draft.id);
      expect(await service.canSubscribe(await asPrincipal(world.volunteer), draft.id)).toBe('allowed');

      const owner = await registerUser(t);
      const orgId = await createOrganization(t, owner);
      const suspendedNeed = await publishedNeed(t, owner, orgId);
      await t.http().post(`/api/v1/organizations/${orgId}/suspend`).set(bearer(admin));
      expect(await service.canSubscribe(await asPrincipal(owner), suspendedNeed.id)).toBe('forbidden');
      expect(await service.canSubscribe(await asPrincipal(world.volunteer), suspendedNeed.id)).toBe('not_found');
    });

    it('should give giving and engagement the facts they need, and nothing for a cancelled shift', async () => {
      const facts = t.app.get(NeedFactsService);
      const goods = await publishedNeed(t, world.ngo.coordinator, world.ngo.id, {
        type: 'goods',
        requiredSkills: [],
        items: [{ name: '冬衣', unit: '件', quantity: 40 }],
        targetFen: 500_000,
      });
      expect(await facts.forGiving(goods.id)).toEqual({
        id: goods.id,
        orgId: world.ngo.id,
        orgStatus: 'verified',
        status: 'open',
        title: TUTORING.title,
        targetFen: 500_000,
        items: [{ id: goods.items[0].id, name: '冬衣', unit: '件', quantity: 40 }],
      });
      expect(await facts.forGiving('00000000-0000-4000-8000-000000000000')).toBeNull();

      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id, { minAge: 18 });
      const shift = await addShift(t, world.ngo.coordinator, need.id, 8, 5);
      expect(await facts.facts(shift.id)).toEqual({
        shiftId: shift.id,
        needId: need.id,
        orgId: world.ngo.id,
        orgStatus: 'verified',
        needStatus: 'open',
        needTitle: TUTORING.title,
        needType: 'tutoring',
        startsAt: new Date(shift.startsAt),
        endsAt: new Date(shift.endsAt),
        childContact: true,
        minAge: 18,
      });
      await t.http().post(`/api/v1/shifts/${shift.id}/cancel`).set(bearer(world.ngo.coordinator)).send({});
      expect(await facts.facts(shift.id)).toBeNull();
      expect(beijingIn(1)).toMatch(/\+08:00$/);
    });
  });
});
