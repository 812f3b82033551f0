import { addShift, createShiftNeed } from '../../factories/engagement.factory';
import { bearer, createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

const HOUR = 3_600_000;

describe('organisation-wide rosters', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const window = (fromMs: number, toMs: number) =>
    `from=${encodeURIComponent(new Date(Date.now() + fromMs).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + toMs).toISOString())}`;

  it('should answer every shift of the window with its need title and the same roster as the shift’s own, in one request', async () => {
    const startsAt = new Date(Date.now() + 48 * HOUR);
    const a = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, {
      capacity: 1,
      title: '周六阅读陪伴',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    });
    const later = new Date(Date.now() + 72 * HOUR);
    const b = await addShift(t, world.ngo.coordinator, a.needId, later, new Date(later.getTime() + 2 * HOUR), 3);
    const people: TestUser[] = await Promise.all([1, 2, 3].map((n) => registerUser(t, { displayName: `报名者${n}` })));
    for (const person of people) expect((await t.http().post(`/api/v1/shifts/${a.shiftId}/signups`).set(bearer(person))).status).toBe(201);
    expect((await t.http().post(`/api/v1/shifts/${b}/signups`).set(bearer(people[0]))).status).toBe(201);
    // A shift outside the window is not listed.
    const farAway = new Date(Date.now() + 40 * 24 * HOUR);
    await addShift(t, world.ngo.coordinator, a.needId, farAway, new Date(farAway.getTime() + HOUR), 2);

    const res = await t
      .http()
      .get(`/api/v1/organizations/${world.ngo.id}/rosters?${window(0, 7 * 24 * HOUR)}`)
      .set(bearer(world.ngo.coordinator));
    expect(res.status).toBe(200);
    const entries = res.body as Array<{ need: { id: string; title: string }; shift: { id: string }; roster: unknown }>;
    expect(entries.map((e) => e.shift.id)).toEqual([a.shiftId, b]);
    expect(entries.every((e) => e.need.id === a.needId && e.need.title === '周六阅读陪伴')).toBe(true);
    for (const entry of entries) {
      const own = await t.http().get(`/api/v1/shifts/${entry.shift.id}/signups`).set(bearer(world.ngo.coordinator));
      expect(entry.roster).toEqual(own.body);
    }
    expect(entries[0].roster).toMatchObject({ capacity: 1, confirmedCount: 1, waitlistCount: 2 });
  });

  it('should refuse staff, other organisations and a window that ends before it starts', async () => {
    const path = `/api/v1/organizations/${world.ngo.id}/rosters?${window(0, 24 * HOUR)}`;
    expect((await t.http().get(path).set(bearer(world.ngo.staff))).status).toBe(403);
    expect((await t.http().get(path).set(bearer(world.company.owner))).status).toBe(404);
    const backwards = await t
      .http()
      .get(`/api/v1/organizations/${world.ngo.id}/rosters?${window(24 * HOUR, 0)}`)
      .set(bearer(world.ngo.owner));
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'to', message: 'must not be before from', code: 'invalid_date' }]);
    const missing = await t.http().get(`/api/v1/organizations/${world.ngo.id}/rosters`).set(bearer(world.ngo.owner));
    expect(missing.status).toBe(400);
    expect(new Set((missing.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['from', 'to']));
  });
});
