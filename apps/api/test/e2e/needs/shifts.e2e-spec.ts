import { bulkVolunteers } from '../../factories/engagement.factory';
import { bearer, createWorld, loginAdmin, type TestUser } from '../../factories/identity.factory';
import { addShift, addShifts, beijingIn, createNeed, publishedNeed, setStatus } from '../../factories/needs.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

const weekdayInBeijing = (iso: string): string =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(new Date(iso));
const beijingClock = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

describe('shifts', () => {
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

  const patch = (user: TestUser, id: string, body: object) => t.http().patch(`/api/v1/shifts/${id}`).set(bearer(user)).send(body);
  const shiftEvents = (shiftId: string) =>
    t.db.query<{ org_ids: string[]; need_id: string | null; user_ids: string[]; payload: Record<string, unknown> }>(
      `SELECT org_ids, need_id, user_ids, payload FROM events WHERE type = 'shift.updated' AND payload->>'shiftId' = $1 ORDER BY id`,
      [shiftId],
    );

  it('should add one shift and tell the organisation and the need room', async () => {
    const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
    const res = await addShifts(t, world.ngo.coordinator, need.id, { startsAt: beijingIn(3, 9), endsAt: beijingIn(3, 11), capacity: 4 });
    expect(res.status).toBe(201);
    expect(res.body.seriesId).toBeNull();
    expect(res.body.data).toEqual([
      {
        id: expect.any(String),
        needId: need.id,
        startsAt: new Date(beijingIn(3, 9)).toISOString(),
        endsAt: new Date(beijingIn(3, 11)).toISOString(),
        capacity: 4,
        confirmedCount: 0,
        waitlistCount: 0,
        seriesId: null,
        status: 'scheduled',
      },
    ]);
    expect(await shiftEvents(res.body.data[0].id)).toEqual([
      expect.objectContaining({
        org_ids: [world.ngo.id],
        need_id: need.id,
        payload: expect.objectContaining({ capacity: 4, changed: ['created'], status: 'scheduled' }),
      }),
    ]);
  });

  it('should add a 50-seat summer camp as one shift over several days', async () => {
    const camp = await publishedNeed(t, world.ngo.coordinator, world.ngo.id, {
      type: 'summer_camp',
      title: '虎形山瑶族乡暑期夏令营',
      regionCode: '430524201',
    });
    const res = await addShifts(t, world.ngo.coordinator, camp.id, { startsAt: beijingIn(20, 8), endsAt: beijingIn(26, 17), capacity: 50 });
    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].capacity).toBe(50);
  });

  it('should expand a weekly RRULE in Beijing time up to a date-only until, all in one series', async () => {
    const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
    // Saturdays at 07:00 Beijing time are still Friday in UTC.
    const firstSaturday = [...Array(7).keys()].map((d) => beijingIn(d + 2, 7)).find((iso) => weekdayInBeijing(iso) === 'Sat')!;
    const untilDate = new Date(new Date(firstSaturday).getTime() + 8 * 3600_000 + 21 * 86_400_000).toISOString().slice(0, 10);
    const res = await addShifts(t, world.ngo.coordinator, need.id, {
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      startsAt: firstSaturday,
      endsAt: firstSaturday.replace('T07:00', 'T09:30'),
      capacity: 3,
      until: untilDate,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(4);
    expect(res.body.data.map((s) => weekdayInBeijing(s.startsAt))).toEqual(['Sat', 'Sat', 'Sat', 'Sat']);
    expect(res.body.data.map((s) => `${beijingClock(s.startsAt)}-${beijingClock(s.endsAt)}`)).toEqual(Array(4).fill('07:00-09:30'));
    expect(new Set(res.body.data.map((s) => s.seriesId))).toEqual(new Set([res.body.seriesId]));
    const [series] = await t.db.query<{ rrule: string; occurrences: number; time_zone: string }>(
      'SELECT rrule, occurrences, time_zone FROM shift_series WHERE id = $1',
      [res.body.seriesId],
    );
    expect(series).toEqual({ rrule: 'FREQ=WEEKLY;BYDAY=SA', occurrences: 4, time_zone: 'Asia/Shanghai' });
    const listed = await t.http().get(`/api/v1/needs/${need.id}/shifts`).set(bearer(world.volunteer));
    expect(listed.body.data.map((s: { id: string }) => s.id)).toEqual(res.body.data.map((s) => s.id));
  });

  it('should refuse a rule that gives more than 200 shifts and create none', async () => {
    const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
    const res = await addShifts(t, world.ngo.coordinator, need.id, {
      rrule: 'FREQ=DAILY',
      startsAt: beijingIn(2, 19),
      endsAt: beijingIn(2, 20),
      capacity: 2,
      until: beijingIn(400, 0),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'shift_invalid', errors: [expect.objectContaining({ field: 'until' })] });
    expect((await t.db.query('SELECT 1 FROM shifts WHERE need_id = $1', [need.id])).length).toBe(0);
  });

  it.each([
    [{ startsAt: beijingIn(-1, 9), endsAt: beijingIn(-1, 11) }, 'startsAt', 'shift_invalid'],
    [{ startsAt: beijingIn(2, 11), endsAt: beijingIn(2, 9) }, 'endsAt', 'shift_invalid'],
    [{ startsAt: beijingIn(2, 9), endsAt: beijingIn(80, 9) }, 'endsAt', 'shift_invalid'],
    [{ capacity: 0 }, 'capacity', 'validation_failed'],
    [{ capacity: 2.5 }, 'capacity', 'validation_failed'],
    [{ until: '2026-12-31' }, 'until', 'validation_failed'],
    [{ rrule: 'FREQ=WEEKLY' }, 'until', 'validation_failed'],
    [{ rrule: 'FREQ=HOURLY', until: beijingIn(30, 0) }, 'rrule', 'shift_invalid'],
    [{ rrule: 'FREQ=WEEKLY;BYDAY=XX', until: beijingIn(30, 0) }, 'rrule', 'shift_invalid'],
    [{ rrule: 'FREQ=WEEKLY', until: '31/12/2026' }, 'until', 'validation_failed'],
    [{ rrule: 'FREQ=DAILY', startsAt: beijingIn(2, 9), endsAt: beijingIn(4, 9), until: beijingIn(30, 0) }, 'endsAt', 'shift_invalid'],
    [{ startsAt: '2026-12-01 09:00' }, 'startsAt', 'validation_failed'],
  ])('should refuse %j naming %s', async (overrides, field, code) => {
    const need = await createNeed(t, world.ngo.coordinator, world.ngo.id);
    const res = await addShifts(t, world.ngo.coordinator, need.id, {
      startsAt: beijingIn(2, 9),
      endsAt: beijingIn(2, 11),
      capacity: 5,
      ...overrides,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  });

  it('should let only the organisation’s owners and coordinators add shifts', async () => {
    const draft = await createNeed(t, world.ngo.coordinator, world.ngo.id);
    const open = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
    const body = { startsAt: beijingIn(2, 9), endsAt: beijingIn(2, 11), capacity: 5 };
    expect((await addShifts(t, world.ngo.owner, open.id, body)).status).toBe(201);
    expect((await addShifts(t, world.ngo.staff, open.id, body)).status).toBe(403);
    expect((await addShifts(t, world.volunteer, open.id, body)).status).toBe(403);
    expect((await addShifts(t, world.volunteer, draft.id, body)).status).toBe(404);
    expect((await addShifts(t, admin, open.id, body)).status).toBe(201);
  });

  it('should take no shifts on a completed or cancelled need', async () => {
    const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
    await setStatus(t, world.ngo.coordinator, need.id, 'in_progress');
    await setStatus(t, world.ngo.coordinator, need.id, 'completed');
    const res = await addShifts(t, world.ngo.coordinator, need.id, { startsAt: beijingIn(2, 9), endsAt: beijingIn(2, 11), capacity: 5 });
    expect(res.status).toBe(409);
  });

  describe('capacity and time edits', () => {
    it('should refuse a capacity below the confirmed sign-ups with capacity_below_confirmed and accept one equal to it', async () => {
      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id, { childContact: false });
      const shift = await addShift(t, world.ngo.coordinator, need.id, 10);
      // Six real sign-ups: engagement owns the seat counts and refuses the edit.
      for (const volunteer of await bulkVolunteers(t, 6)) {
        const signup = await t.http().post(`/api/v1/shifts/${shift.id}/signups`).set({ Authorization: `Bearer ${volunteer.accessToken}` });
        expect(signup.body.status).toBe('confirmed');
      }
      const below = await patch(world.ngo.coordinator, shift.id, { capacity: 5 });
      expect(below.status).toBe(409);
      expect(below.body).toMatchObject({ code: 'capacity_below_confirmed', errors: [expect.objectContaining({ field: 'capacity' })] });
      expect(below.body.detail).toContain('6');
      expect((await t.db.query<{ capacity: number }>('SELECT capacity FROM shift_occupancy WHERE shift_id = $1', [shift.id]))[0].capacity).toBe(10);
      const equal = await patch(world.ngo.coordinator, shift.id, { capacity: 6 });
      expect(equal.status).toBe(200);
      expect(equal.body).toMatchObject({ capacity: 6, confirmedCount: 6 });
      await expect(t.db.query('UPDATE shift_seats SET capacity = 5 WHERE shift_id = $1', [shift.id])).rejects.toThrow(/ck_shift_seats_capacity/);
    });

    it('should raise and lower capacity with an event naming the change, and audit the old and new value', async () => {
      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
      const shift = await addShift(t, world.ngo.coordinator, need.id, 10);
      expect((await patch(world.ngo.coordinator, shift.id, { capacity: 12 })).body.capacity).toBe(12);
      expect((await patch(world.ngo.coordinator, shift.id, { capacity: 0 })).body.capacity).toBe(0);
      const emitted = await shiftEvents(shift.id);
      expect(emitted.map((e) => [e.payload.changed, e.payload.capacity])).toEqual([
        [['created'], 10],
        [['capacity'], 12],
        [['capacity'], 0],
      ]);
      const audit = await t.db.query<{ diff: Record<string, unknown> }>(
        "SELECT diff FROM audit_log WHERE action = 'shift.updated' AND entity_id = $1 ORDER BY id",
        [shift.id],
      );
      expect(audit.map((a) => a.diff)).toEqual([{ capacity: { from: 10, to: 12 } }, { capacity: { from: 12, to: 0 } }]);
    });

    it('should move a future shift and refuse moving one that has started or into the past', async () => {
      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
      const shift = await addShift(t, world.ngo.coordinator, need.id, 5, 4);
      const moved = await patch(world.ngo.coordinator, shift.id, { startsAt: beijingIn(5, 14), endsAt: beijingIn(5, 16) });
      expect(moved.status).toBe(200);
      expect(moved.body.startsAt).toBe(new Date(beijingIn(5, 14)).toISOString());
      expect((await shiftEvents(shift.id)).pop()!.payload).toMatchObject({
        changed: ['startsAt', 'endsAt'],
        startsAt: moved.body.startsAt,
      });
      const backwards = await patch(world.ngo.coordinator, shift.id, { endsAt: beijingIn(5, 13) });
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endsAt' })]);
      expect((await patch(world.ngo.coordinator, shift.id, { startsAt: beijingIn(-2, 9), endsAt: beijingIn(-2, 10) })).status).toBe(400);
      await t.db.query(`UPDATE shifts SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`, [
        shift.id,
      ]);
      expect((await patch(world.ngo.coordinator, shift.id, { startsAt: beijingIn(6, 9), endsAt: beijingIn(6, 10) })).status).toBe(409);
      // Capacity may still change while it runs.
      expect((await patch(world.ngo.coordinator, shift.id, { capacity: 7 })).status).toBe(200);
    });

    it('should refuse edits by staff and outsiders and 404 an unknown shift', async () => {
      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
      const shift = await addShift(t, world.ngo.coordinator, need.id, 5);
      expect((await patch(world.ngo.staff, shift.id, { capacity: 6 })).status).toBe(403);
      expect((await patch(world.volunteer, shift.id, { capacity: 6 })).status).toBe(403);
      expect((await patch(world.ngo.coordinator, '00000000-0000-4000-8000-000000000000', { capacity: 6 })).status).toBe(404);
      const draft = await createNeed(t, world.ngo.coordinator, world.ngo.id);
      const draftShift = await addShift(t, world.ngo.coordinator, draft.id, 5);
      expect((await patch(world.volunteer, draftShift.id, { capacity: 6 })).status).toBe(404);
      expect((await t.http().get(`/api/v1/shifts/${draftShift.id}`).set(bearer(world.volunteer))).status).toBe(404);
      expect((await t.http().get(`/api/v1/shifts/${shift.id}`).set(bearer(world.volunteer))).status).toBe(200);
    });

    it('should cancel one shift, tell the rooms, and refuse editing it afterwards', async () => {
      const need = await publishedNeed(t, world.ngo.coordinator, world.ngo.id);
      const shift = await addShift(t, world.ngo.coordinator, need.id, 5);
      const res = await t.http().post(`/api/v1/shifts/${shift.id}/cancel`).set(bearer(world.ngo.coordinator)).send({ reason: '台风预警' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
      expect((await shiftEvents(shift.id)).pop()!.payload).toMatchObject({ status: 'cancelled', changed: ['status'] });
      expect((await patch(world.ngo.coordinator, shift.id, { capacity: 6 })).status).toBe(409);
      expect((await t.http().post(`/api/v1/shifts/${shift.id}/cancel`).set(bearer(world.ngo.coordinator)).send({})).status).toBe(409);
    });
  });
});
