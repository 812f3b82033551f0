import {
  addMember,
  bearer,
  createOrganization,
  createWorld,
  loginAdmin,
  registerUser,
  type TestUser,
} from '../../factories/identity.factory';
import { acceptCodeOfConduct, recordCheck } from '../../factories/volunteers.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { beijingWeekday, feedItem, HERE, noShow, openShift, serveShift, sumOfReasons, volunteer, type Reason } from './matching.helpers';

interface Candidate {
  userId: string;
  displayName: string;
  volunteerNumber: string;
  countyCode: string;
  distanceKm: number | null;
  matchedSkills: string[];
  score: number;
  reasons: Reason[];
  actions: { invite: { method: string; href: string; body: { userId: string } } };
}

describe('matching: candidates for a need (GET /needs/{id}/candidates)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestUser;
  let ngoId: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    coordinator = world.ngo.coordinator;
    ngoId = world.ngo.id;
  });

  afterAll(async () => {
    await t.close();
  });

  async function candidates(
    caller: TestUser,
    needId: string,
    query = 'limit=200',
  ): Promise<{ status: number; body: Record<string, unknown> & { data: Candidate[] } }> {
    const res = await t.http().get(`/api/v1/needs/${needId}/candidates?${query}`).set(bearer(caller));
    return { status: res.status, body: res.body };
  }

  async function candidateIds(needId: string, query?: string): Promise<string[]> {
    const res = await candidates(coordinator, needId, query);
    if (res.status !== 200) throw new Error(`candidates failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.map((c) => c.userId);
  }

  it('should rank better-suited volunteers first, with reasons adding up and an invite action that signs them up through the usual rules', async () => {
    const best = await volunteer(t, {}, '王老师');
    const farAway = await volunteer(t, { location: { lat: HERE.lat + 0.15, lng: HERE.lng }, skills: ['music'] }, '李同学');
    const { needId, shiftId } = await openShift(t, coordinator, ngoId);
    const res = await candidates(coordinator, needId);
    expect(res.status).toBe(200);
    expect(res.body.shiftId).toBe(shiftId);
    const ids = res.body.data.map((c) => c.userId);
    expect(ids.indexOf(best.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(best.id)).toBeLessThan(ids.indexOf(farAway.id));
    for (const c of res.body.data) expect(sumOfReasons(c)).toBe(Math.round(c.score * 10));
    const scores = res.body.data.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const top = res.body.data.find((c) => c.userId === best.id)!;
    expect(top).toMatchObject({ displayName: '王老师', countyCode: '430524', distanceKm: 0, matchedSkills: ['tutoring_math'] });
    expect(top.volunteerNumber).toMatch(/^KV\d{4}\d{6}$/);
    expect(top.actions.invite).toEqual({ method: 'POST', href: `/api/v1/shifts/${shiftId}/invitations`, body: { userId: best.id } });

    const invited = await t.http().post(top.actions.invite.href).set(bearer(coordinator)).send(top.actions.invite.body);
    expect(invited.status).toBe(201);
    const accepted = await t.http().post(`/api/v1/invitations/${invited.body.id}/accept`).set(bearer(best));
    expect(accepted.status).toBe(201);
    expect(accepted.body.status).toBe('confirmed');
    expect(await candidateIds(needId)).not.toContain(best.id);
  });

  it('should score a volunteer and a shift the same as the volunteer’s feed does (one model)', async () => {
    const v = await volunteer(t, { monthlyHourCap: 4, languages: ['普通话', '邵阳话'] });
    const served = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(5, 9, 0, 2), endsAt: beijingWeekday(5, 11, 0, 2) });
    await serveShift(t, coordinator, v, served.shiftId);
    const missed = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(5, 13, 0, 2), endsAt: beijingWeekday(5, 15, 0, 2) });
    await noShow(t, coordinator, v, missed.shiftId);
    const upcoming = await openShift(t, coordinator, ngoId, {
      startsAt: beijingWeekday(6, 10, 0, 3),
      endsAt: beijingWeekday(6, 13, 0, 3),
      need: { requiredSkills: ['tutoring_math', 'music'], location: { lat: HERE.lat + 0.03, lng: HERE.lng + 0.02 } },
    });
    const held = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(1, 19, 0, 3), endsAt: beijingWeekday(1, 21, 0, 3) });
    expect((await t.http().post(`/api/v1/shifts/${held.shiftId}/signups`).set(bearer(v))).status).toBe(201);

    const fromFeed = await feedItem(t, v, upcoming.shiftId);
    const res = await candidates(coordinator, upcoming.needId);
    const fromCandidates = res.body.data.find((c) => c.userId === v.id)!;
    expect(fromCandidates).toBeDefined();
    const byFactor = (reasons: Reason[]): Record<string, number> => Object.fromEntries(reasons.map((r) => [r.factor, r.contribution]));
    expect(byFactor(fromCandidates.reasons)).toEqual(byFactor(fromFeed.reasons));
    expect(fromCandidates.score).toBe(fromFeed.score);
    // Every factor is in play: partial skills, some distance, partial availability, dialect, continuity, a no-show, some load.
    expect(byFactor(fromFeed.reasons)).toMatchObject({ skills: 15, language: 10, continuity: 6 });
    expect(byFactor(fromFeed.reasons).reliability).toBeLessThan(8);
    expect(byFactor(fromFeed.reasons).load).toBeLessThan(5);
    expect(byFactor(fromFeed.reasons).availability).toBeGreaterThan(0);
    expect(byFactor(fromFeed.reasons).availability).toBeLessThan(15);
  });

  it('should leave out volunteers who may not take the shift: safeguarding, code of conduct, age, overlap', async () => {
    const cleared = await volunteer(t);
    await acceptCodeOfConduct(t, cleared);
    expect((await recordCheck(t, coordinator, cleared.id)).status).toBe(201);
    const unchecked = await volunteer(t);
    const noCode = await volunteer(t);
    expect((await recordCheck(t, coordinator, noCode.id)).status).toBe(201);
    const minor = await volunteer(t, { birthDate: '2012-02-02' });
    await acceptCodeOfConduct(t, minor);
    expect((await recordCheck(t, coordinator, minor.id)).status).toBe(201);
    const busy = await volunteer(t);
    await acceptCodeOfConduct(t, busy);
    expect((await recordCheck(t, coordinator, busy.id)).status).toBe(201);

    const when = { startsAt: beijingWeekday(6, 9, 0, 4), endsAt: beijingWeekday(6, 11, 0, 4) };
    const child = await openShift(t, coordinator, ngoId, { ...when, need: { childContact: true, minAge: 18 } });
    const overlapping = await openShift(t, coordinator, ngoId, {
      startsAt: beijingWeekday(6, 10, 0, 4),
      endsAt: beijingWeekday(6, 12, 0, 4),
    });
    expect((await t.http().post(`/api/v1/shifts/${overlapping.shiftId}/signups`).set(bearer(busy))).status).toBe(201);

    const ids = await candidateIds(child.needId);
    expect(ids).toContain(cleared.id);
    for (const excluded of [unchecked, noCode, minor, busy]) expect(ids).not.toContain(excluded.id);
  });

  it('should show candidates only to the owning NGO’s owners and coordinators', async () => {
    const { needId } = await openShift(t, coordinator, ngoId);
    const otherOwner = await registerUser(t, { displayName: '乙机构负责人' });
    const otherCoordinator = await registerUser(t, { displayName: '乙机构协调员' });
    const otherId = await createOrganization(t, otherOwner, { kind: 'ngo' });
    await addMember(t, otherOwner, otherId, otherCoordinator, 'coordinator');
    const status = async (caller: TestUser): Promise<number> => (await candidates(caller, needId)).status;
    expect(await status(coordinator)).toBe(200);
    expect(await status(world.ngo.owner)).toBe(200);
    expect(await status(await loginAdmin(t))).toBe(200);
    expect(await status(world.ngo.staff)).toBe(403);
    expect(await status(otherCoordinator)).toBe(404);
    expect(await status(world.volunteer)).toBe(404);
    expect(await status(world.company.csrManager)).toBe(404);
    expect((await t.http().get(`/api/v1/needs/${needId}/candidates`)).status).toBe(401);
    expect((await candidates(coordinator, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('should carry nothing about children or the volunteer’s private data', async () => {
    await volunteer(t, {}, '赵志愿者');
    const { needId } = await openShift(t, coordinator, ngoId, {
      need: { description: '帮助留守儿童小明（化名）补习数学，家住桃花坪村三组', beneficiaryCount: 12 },
    });
    const res = await candidates(coordinator, needId);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    const text = JSON.stringify(res.body);
    for (const secret of ['小明', '桃花坪村', 'birthDate', '1998-05-20', '"lat"', '"lng"', 'phone', 'email'])
      expect(text).not.toContain(secret);
    for (const c of res.body.data) {
      expect(Object.keys(c).sort()).toEqual([
        'actions',
        'countyCode',
        'displayName',
        'distanceKm',
        'matchedSkills',
        'reasons',
        'score',
        'userId',
        'volunteerNumber',
      ]);
    }
  });

  it('should rank for the shift asked for, and answer 400 naming shiftId when it is not one of the need’s', async () => {
    const first = await openShift(t, coordinator, ngoId);
    const second = await t
      .http()
      .post(`/api/v1/needs/${first.needId}/shifts`)
      .set(bearer(coordinator))
      .send({ startsAt: beijingWeekday(2, 19, 0, 2), endsAt: beijingWeekday(2, 21, 0, 2), capacity: 3 });
    const other = await openShift(t, coordinator, ngoId);
    const asked = await candidates(coordinator, first.needId, `shiftId=${second.body.data[0].id}`);
    expect(asked.status).toBe(200);
    expect(asked.body.shiftId).toBe(second.body.data[0].id);
    for (const [query, field] of [
      [`shiftId=${other.shiftId}`, 'shiftId'],
      ['shiftId=nope', 'shiftId'],
      ['limit=0', 'limit'],
      ['cursor=zzz', 'cursor'],
    ]) {
      const res = await candidates(coordinator, first.needId, query);
      expect(res.status).toBe(400);
      expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    }
  });

  it('should answer an empty list when the need has no shift to come, and 409 for a draft', async () => {
    const goods = await t
      .http()
      .post('/api/v1/needs')
      .set(bearer(coordinator))
      .send({
        organizationId: ngoId,
        type: 'goods',
        title: '冬衣',
        description: '冬衣',
        regionCode: '430524',
        items: [{ name: '冬衣', unit: '件', quantity: 5 }],
      });
    await t.http().post(`/api/v1/needs/${goods.body.id}/publish`).set(bearer(coordinator));
    const res = await candidates(coordinator, goods.body.id as string);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ shiftId: null, data: [], nextCursor: null });
    const draft = await openShift(t, coordinator, ngoId, { publish: false });
    const refused = await candidates(coordinator, draft.needId);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('need_not_open');
  });

  it('should page candidates in a stable order with nextCursor', async () => {
    const { needId } = await openShift(t, coordinator, ngoId);
    const all = await candidateIds(needId);
    expect(all.length).toBeGreaterThan(3);
    const paged: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i <= all.length; i++) {
      const res = await candidates(coordinator, needId, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...res.body.data.map((c) => c.userId));
      cursor = res.body.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(paged).toEqual(all);
    expect(await candidateIds(needId)).toEqual(all);
  });
});
