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
import {
  beijingWeekday,
  feed,
  feedItem,
  feedShiftIds,
  HERE,
  noShow,
  openShift,
  others,
  points,
  serveShift,
  sumOfReasons,
  volunteer,
  type FeedItem,
} from './matching.helpers';

const FACTORS = ['skills', 'distance', 'availability', 'language', 'continuity', 'reliability', 'load'];

describe('matching: the volunteer feed (GET /me/matches)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestUser;
  let ngoId: string;
  /** A second verified NGO (continuity with another organisation, suspension). */
  let other: { id: string; coordinator: TestUser };

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    coordinator = world.ngo.coordinator;
    ngoId = world.ngo.id;
    const owner = await registerUser(t, { displayName: '乙机构负责人' });
    const otherCoordinator = await registerUser(t, { displayName: '乙机构协调员' });
    const id = await createOrganization(t, owner, { kind: 'ngo' });
    await addMember(t, owner, id, otherCoordinator, 'coordinator');
    other = { id, coordinator: otherCoordinator };
  });

  afterAll(async () => {
    await t.close();
  });

  describe('hard filters', () => {
    it('should leave out child-contact shifts when the volunteer has no valid safeguarding check', async () => {
      const v = await volunteer(t);
      const child = await openShift(t, coordinator, ngoId, { need: { childContact: true } });
      expect(await feedShiftIds(t, v)).not.toContain(child.shiftId);

      await acceptCodeOfConduct(t, v);
      expect((await recordCheck(t, coordinator, v.id)).status).toBe(201);
      expect(await feedShiftIds(t, v)).toContain(child.shiftId);
    });

    it('should leave out child-contact shifts when the current code of conduct is not accepted', async () => {
      const v = await volunteer(t);
      expect((await recordCheck(t, coordinator, v.id)).status).toBe(201);
      const child = await openShift(t, coordinator, ngoId, { need: { childContact: true } });
      const plain = await openShift(t, coordinator, ngoId);
      const ids = await feedShiftIds(t, v);
      expect(ids).not.toContain(child.shiftId);
      expect(ids).toContain(plain.shiftId);
    });

    it('should leave out child-contact shifts that end after the safeguarding check expires', async () => {
      const v = await volunteer(t);
      await acceptCodeOfConduct(t, v);
      const expiresAt = new Date(Date.now() + 12 * 86_400_000).toISOString();
      expect((await recordCheck(t, coordinator, v.id, { expiresAt })).status).toBe(201);
      const soon = await openShift(t, coordinator, ngoId, {
        need: { childContact: true },
        startsAt: beijingWeekday(6, 9, 0, 1),
        endsAt: beijingWeekday(6, 11, 0, 1),
      });
      const later = await openShift(t, coordinator, ngoId, {
        need: { childContact: true },
        startsAt: beijingWeekday(6, 9, 0, 3),
        endsAt: beijingWeekday(6, 11, 0, 3),
      });
      const ids = await feedShiftIds(t, v);
      expect(ids).toContain(soon.shiftId);
      expect(ids).not.toContain(later.shiftId);
    });

    it('should leave out shifts of needs with a minimum age when the volunteer is younger', async () => {
      const adult = await volunteer(t, { birthDate: '1998-05-20' });
      const minor = await volunteer(t, { birthDate: '2012-01-01' });
      const { shiftId } = await openShift(t, coordinator, ngoId, { need: { minAge: 18 } });
      expect(await feedShiftIds(t, adult)).toContain(shiftId);
      expect(await feedShiftIds(t, minor)).not.toContain(shiftId);
    });

    it('should leave out a shift when the volunteer is already signed up for it', async () => {
      const v = await volunteer(t);
      const { shiftId } = await openShift(t, coordinator, ngoId);
      expect(await feedShiftIds(t, v)).toContain(shiftId);
      expect((await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(v))).status).toBe(201);
      expect(await feedShiftIds(t, v)).not.toContain(shiftId);
    });

    it('should leave out shifts that overlap a confirmed sign-up when the volunteer has one', async () => {
      const v = await volunteer(t);
      const held = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(6, 9, 0, 2), endsAt: beijingWeekday(6, 11, 0, 2) });
      const overlapping = await openShift(t, coordinator, ngoId, {
        startsAt: beijingWeekday(6, 10, 0, 2),
        endsAt: beijingWeekday(6, 12, 0, 2),
      });
      const after = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(6, 11, 0, 2), endsAt: beijingWeekday(6, 12, 0, 2) });
      expect((await t.http().post(`/api/v1/shifts/${held.shiftId}/signups`).set(bearer(v))).status).toBe(201);
      const ids = await feedShiftIds(t, v);
      expect(ids).not.toContain(overlapping.shiftId);
      expect(ids).toContain(after.shiftId);
    });

    it('should leave out full shifts unless includeFull=true, then mark them full', async () => {
      const v = await volunteer(t);
      const w = await volunteer(t);
      const { shiftId } = await openShift(t, coordinator, ngoId, { capacity: 1 });
      expect((await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(w))).status).toBe(201);
      // No wait: the feed reads engagement's seats as the sign-up committed them.
      expect(await feedShiftIds(t, v)).not.toContain(shiftId);
      const item = await feedItem(t, v, shiftId, 'limit=200&includeFull=true');
      expect(item.shift.full).toBe(true);
      expect(item.shift.confirmedCount).toBe(1);
    });

    it('should never show drafts, cancelled needs or shifts that have started', async () => {
      const v = await volunteer(t);
      const draft = await openShift(t, coordinator, ngoId, { publish: false });
      const cancelled = await openShift(t, coordinator, ngoId);
      const started = await openShift(t, coordinator, ngoId);
      const cancel = await t
        .http()
        .post(`/api/v1/needs/${cancelled.needId}/status`)
        .set(bearer(coordinator))
        .send({ status: 'cancelled', reason: '天气原因取消' });
      expect(cancel.status).toBe(200);
      await t.db.query(`UPDATE shifts SET starts_at = now() - interval '2 hours', ends_at = now() + interval '1 hour' WHERE id = $1`, [
        started.shiftId,
      ]);
      const ids = await feedShiftIds(t, v);
      expect(ids).not.toContain(draft.shiftId);
      expect(ids).not.toContain(cancelled.shiftId);
      expect(ids).not.toContain(started.shiftId);
    });

    it('should never show needs of a suspended organisation', async () => {
      const v = await volunteer(t);
      const { shiftId } = await openShift(t, other.coordinator, other.id);
      expect(await feedShiftIds(t, v)).toContain(shiftId);
      const suspended = await t
        .http()
        .post(`/api/v1/organizations/${other.id}/suspend`)
        .set(bearer(await loginAdmin(t)));
      expect(suspended.status).toBe(200);
      try {
        expect(await feedShiftIds(t, v)).not.toContain(shiftId);
      } finally {
        await t
          .http()
          .post(`/api/v1/organizations/${other.id}/verify`)
          .set(bearer(await loginAdmin(t)));
      }
    });

    it('should widen the area when the nearest ring cannot fill a page (a sparse place)', async () => {
      // About 39 km north of the other tests' needs: nothing within 15 km, so the 40 km ring is searched.
      const remote = await volunteer(t, { location: { lat: HERE.lat + 0.35, lng: HERE.lng } });
      const { shiftId } = await openShift(t, coordinator, ngoId);
      const item = await feedItem(t, remote, shiftId);
      expect(item.need.distanceKm).toBeCloseTo(38.9, 0);
    });

    it('should leave out needs outside the volunteer’s area (another province, no coordinates)', async () => {
      const v = await volunteer(t);
      const far = await openShift(t, coordinator, ngoId, { need: { regionCode: '440106', location: null } });
      expect(await feedShiftIds(t, v)).not.toContain(far.shiftId);
    });
  });

  describe('factors (each moves the score, the others stay)', () => {
    const compare = (better: FeedItem, worse: FeedItem, factor: string): void => {
      expect(points(better, factor)).toBeGreaterThan(points(worse, factor));
      expect(others(better, factor)).toEqual(others(worse, factor));
      expect(better.score).toBeGreaterThan(worse.score);
    };

    it('should score higher when the volunteer has more of the required skills', async () => {
      const v = await volunteer(t);
      const maths = await openShift(t, coordinator, ngoId, { need: { requiredSkills: ['tutoring_math'] } });
      const music = await openShift(t, coordinator, ngoId, { need: { requiredSkills: ['music'] } });
      const a = await feedItem(t, v, maths.shiftId);
      const b = await feedItem(t, v, music.shiftId);
      compare(a, b, 'skills');
      expect(points(a, 'skills')).toBe(30);
      expect(points(b, 'skills')).toBe(0);
    });

    it('should score higher when the need is nearer (km decay with coordinates)', async () => {
      const v = await volunteer(t);
      const near = await openShift(t, coordinator, ngoId);
      const far = await openShift(t, coordinator, ngoId, { need: { location: { lat: HERE.lat + 0.1, lng: HERE.lng } } });
      const a = await feedItem(t, v, near.shiftId);
      const b = await feedItem(t, v, far.shiftId);
      compare(a, b, 'distance');
      expect(b.need.distanceKm).toBeCloseTo(11.1, 0);
    });

    it('should score the same township above the same county when there are no coordinates', async () => {
      const v = await volunteer(t, { location: undefined });
      const township = await openShift(t, coordinator, ngoId, { need: { regionCode: '430524101', location: null } });
      const county = await openShift(t, coordinator, ngoId, { need: { regionCode: '430524102', location: null } });
      const a = await feedItem(t, v, township.shiftId);
      const b = await feedItem(t, v, county.shiftId);
      compare(a, b, 'distance');
      expect(a.reasons.find((r) => r.factor === 'distance')!.text['zh-CN']).toBe('同一乡镇（街道）');
      expect(b.reasons.find((r) => r.factor === 'distance')!.text['zh-CN']).toBe('同一区县');
    });

    it('should score higher when the shift falls in the volunteer’s weekly availability (Beijing time)', async () => {
      const v = await volunteer(t);
      const inside = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(6, 9, 0, 3), endsAt: beijingWeekday(6, 11, 0, 3) });
      const half = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(6, 11, 0, 3), endsAt: beijingWeekday(6, 13, 0, 3) });
      const outside = await openShift(t, coordinator, ngoId, {
        startsAt: beijingWeekday(2, 20, 0, 3),
        endsAt: beijingWeekday(2, 22, 0, 3),
      });
      const a = await feedItem(t, v, inside.shiftId);
      const b = await feedItem(t, v, half.shiftId);
      const c = await feedItem(t, v, outside.shiftId);
      compare(a, b, 'availability');
      compare(b, c, 'availability');
      expect([points(a, 'availability'), points(b, 'availability'), points(c, 'availability')]).toEqual([15, 7.5, 0]);
    });

    it('should score higher when the volunteer speaks the local dialect', async () => {
      const speaker = await volunteer(t, { languages: ['普通话', '湖南话'] });
      const mandarinOnly = await volunteer(t, { languages: ['普通话'] });
      const { shiftId } = await openShift(t, coordinator, ngoId);
      const a = await feedItem(t, speaker, shiftId);
      const b = await feedItem(t, mandarinOnly, shiftId);
      compare(a, b, 'language');
      expect(a.reasons.find((r) => r.factor === 'language')!.text['zh-CN']).toBe('会说当地语言：湘语');
    });

    it('should score the same need above the same organisation above another when the volunteer served there before', async () => {
      const v = await volunteer(t);
      const served = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(6, 9, 0, 4), endsAt: beijingWeekday(6, 11, 0, 4) });
      await serveShift(t, coordinator, v, served.shiftId);
      const again = await t
        .http()
        .post(`/api/v1/needs/${served.needId}/shifts`)
        .set(bearer(coordinator))
        .send({ startsAt: beijingWeekday(6, 9, 0, 5), endsAt: beijingWeekday(6, 11, 0, 5), capacity: 5 });
      expect(again.status).toBe(201);
      const sameOrg = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(6, 9, 0, 5), endsAt: beijingWeekday(6, 11, 0, 5) });
      const otherOrg = await openShift(t, other.coordinator, other.id, {
        startsAt: beijingWeekday(6, 9, 0, 5),
        endsAt: beijingWeekday(6, 11, 0, 5),
      });
      const a = await feedItem(t, v, again.body.data[0].id as string);
      const b = await feedItem(t, v, sameOrg.shiftId);
      const c = await feedItem(t, v, otherOrg.shiftId);
      compare(a, b, 'continuity');
      compare(b, c, 'continuity');
      expect([points(a, 'continuity'), points(b, 'continuity'), points(c, 'continuity')]).toEqual([10, 6, 0]);
    });

    it('should score a volunteer with a no-show lower on reliability', async () => {
      const flaky = await volunteer(t);
      const steady = await volunteer(t);
      const missed = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(3, 9, 0, 6), endsAt: beijingWeekday(3, 11, 0, 6) });
      await noShow(t, coordinator, flaky, missed.shiftId);
      const { shiftId } = await openShift(t, coordinator, ngoId);
      compare(await feedItem(t, steady, shiftId), await feedItem(t, flaky, shiftId), 'reliability');
    });

    it('should score a volunteer lower on load when this month’s hours approach their cap', async () => {
      const busy = await volunteer(t, { monthlyHourCap: 1 });
      const free = await volunteer(t, { monthlyHourCap: 1 });
      const one = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(4, 9, 0, 6), endsAt: beijingWeekday(4, 11, 0, 6) });
      const two = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(4, 9, 0, 6), endsAt: beijingWeekday(4, 11, 0, 6) });
      // Both attended once (same reliability); only the busy one's 50 minutes count (the other's were rejected).
      await serveShift(t, coordinator, busy, one.shiftId, { verify: false });
      const rejected = await serveShift(t, coordinator, free, two.shiftId, { verify: false });
      expect(
        (await t.http().post(`/api/v1/hour-records/${rejected.recordId}/reject`).set(bearer(coordinator)).send({ reason: '未到场' }))
          .status,
      ).toBe(200);
      const { shiftId } = await openShift(t, coordinator, ngoId);
      const a = await feedItem(t, free, shiftId);
      const b = await feedItem(t, busy, shiftId);
      compare(a, b, 'load');
      expect(b.reasons.find((r) => r.factor === 'load')!.text['zh-CN']).toBe('本月已安排 0.8/1 小时');
    });
  });

  describe('explanations and order', () => {
    it('should give every result one reason per factor, largest first, adding up to its score', async () => {
      const v = await volunteer(t);
      await openShift(t, coordinator, ngoId);
      const res = await feed(t, v);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      for (const item of res.body.data) {
        expect(sumOfReasons(item)).toBe(Math.round(item.score * 10));
        expect(item.reasons.map((r) => r.factor).sort()).toEqual([...FACTORS].sort());
        const points = item.reasons.map((r) => r.contribution);
        expect(points).toEqual([...points].sort((a, b) => b - a));
        for (const r of item.reasons) expect(r.text['zh-CN'].length * r.text.en.length).toBeGreaterThan(0);
      }
      const scores = res.body.data.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('should break ties by start time, then shift id, the same way every time', async () => {
      const v = await volunteer(t);
      const when = { startsAt: beijingWeekday(7, 14, 0, 7), endsAt: beijingWeekday(7, 16, 0, 7) };
      const same = await Promise.all([1, 2, 3].map(() => openShift(t, coordinator, ngoId, when)));
      const later = await openShift(t, coordinator, ngoId, { startsAt: beijingWeekday(7, 14, 0, 8), endsAt: beijingWeekday(7, 16, 0, 8) });
      const mine = new Set([...same.map((s) => s.shiftId), later.shiftId]);
      const first = (await feedShiftIds(t, v)).filter((id) => mine.has(id));
      const second = (await feedShiftIds(t, v)).filter((id) => mine.has(id));
      expect(first).toEqual([...same.map((s) => s.shiftId).sort(), later.shiftId]);
      expect(second).toEqual(first);
    });

    it('should page through the same order with nextCursor', async () => {
      const v = await volunteer(t);
      const all = await feedShiftIds(t, v, 'limit=200');
      expect(all.length).toBeGreaterThan(3);
      const paged: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < all.length + 1; i++) {
        const res = await feed(t, v, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        paged.push(...res.body.data.map((m) => m.shiftId));
        cursor = res.body.nextCursor;
        if (!cursor) break;
      }
      expect(paged).toEqual(all);
    });
  });

  describe('bad input and missing profile', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=abc', 'limit'],
      ['includeFull=yes', 'includeFull'],
      ['cursor=not-a-cursor', 'cursor'],
      ['colour=red', 'colour'],
    ])('should answer 400 naming the field when the query is %s', async (query, field) => {
      const v = await volunteer(t);
      const res = await feed(t, v, query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    });

    it('should answer 404 with a hint when the caller has no volunteer profile', async () => {
      const res = await feed(t, world.company.csrManager);
      expect(res.status).toBe(404);
      expect(res.body.detail).toContain('volunteer-profile');
    });

    it('should answer 401 without a token', async () => {
      expect((await t.http().get('/api/v1/me/matches')).status).toBe(401);
    });
  });
});
