import { bulkVolunteers, createShiftNeed } from '../../factories/engagement.factory';
import { bearer, createWorld } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

/** A shift's seats have one owner (engagement): every reader sees a change as it commits, and it is told once. */
describe('one owner of a shift’s seats', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const shiftUpdates = async (shiftId: string) =>
    t.db.query<{ user_ids: string[]; payload: Record<string, unknown> }>(
      `SELECT user_ids, payload FROM events WHERE type = 'shift.updated' AND payload->>'shiftId' = $1 ORDER BY id`,
      [shiftId],
    );

  it('should show the new counts in the need’s shifts at once when a sign-up has committed', async () => {
    const { needId, shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 1 });
    const [first, second] = await bulkVolunteers(t, 2);
    expect((await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(first))).body.status).toBe('confirmed');
    const afterFirst = await t.http().get(`/api/v1/needs/${needId}/shifts`).set(bearer(second));
    expect(afterFirst.body.data).toEqual([expect.objectContaining({ id: shiftId, capacity: 1, confirmedCount: 1, waitlistCount: 0 })]);
    expect((await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(second))).body.status).toBe('waitlisted');
    const afterSecond = await t.http().get(`/api/v1/shifts/${shiftId}`).set(bearer(first));
    expect(afterSecond.body).toMatchObject({ capacity: 1, confirmedCount: 1, waitlistCount: 1 });
  });

  it('should emit exactly one shift.updated per change when sign-ups, a cancellation and capacity edits happen', async () => {
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 1 });
    const created = await shiftUpdates(shiftId);
    expect(created.map((e) => e.payload)).toEqual([expect.objectContaining({ changed: ['created'], capacity: 1, confirmedCount: 0 })]);
    const [first, second] = await bulkVolunteers(t, 2);
    const confirmed = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(first));
    await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(second));
    expect((await shiftUpdates(shiftId)).length).toBe(3);
    // Raising the capacity promotes the waiting volunteer: one change, one event with the counts after it.
    const raised = await t.http().patch(`/api/v1/shifts/${shiftId}`).set(bearer(world.ngo.coordinator)).send({ capacity: 2 });
    expect(raised.body).toMatchObject({ capacity: 2, confirmedCount: 2, waitlistCount: 0 });
    const afterRaise = await shiftUpdates(shiftId);
    expect(afterRaise).toHaveLength(4);
    expect(afterRaise[3].payload).toMatchObject({ changed: ['capacity'], capacity: 2, confirmedCount: 2, waitlistCount: 0 });
    expect([...afterRaise[3].user_ids].sort()).toEqual([first.id, second.id].sort());
    await t.http().delete(`/api/v1/signups/${confirmed.body.id}`).set(bearer(first));
    const afterCancel = await shiftUpdates(shiftId);
    expect(afterCancel).toHaveLength(5);
    expect(afterCancel[4].payload).toMatchObject({ capacity: 2, confirmedCount: 1, waitlistCount: 0 });
  });

  it('should refuse a capacity below the confirmed sign-ups with capacity_below_confirmed and emit nothing', async () => {
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 3 });
    const volunteers = await bulkVolunteers(t, 2);
    for (const v of volunteers) await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(v));
    const before = (await shiftUpdates(shiftId)).length;
    const below = await t.http().patch(`/api/v1/shifts/${shiftId}`).set(bearer(world.ngo.coordinator)).send({ capacity: 1 });
    expect(below.status).toBe(409);
    expect(below.body).toMatchObject({ code: 'capacity_below_confirmed', errors: [expect.objectContaining({ field: 'capacity' })] });
    expect(await shiftUpdates(shiftId)).toHaveLength(before);
    expect((await t.http().get(`/api/v1/shifts/${shiftId}`).set(bearer(world.ngo.coordinator))).body).toMatchObject({
      capacity: 3,
      confirmedCount: 2,
    });
  });
});
