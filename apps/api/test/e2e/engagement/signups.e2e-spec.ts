import { bearer, createWorld, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { addShift, bulkVolunteers, clearForChildContact, createShiftNeed } from '../../factories/engagement.factory';
import { startTestApp, type TestApp } from '../../support/app';

const HOUR = 3600_000;

describe('sign-ups and the ordered waitlist', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const signUp = (user: TestUser, shiftId: string, key?: string) => {
    let req = t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(user));
    if (key) req = req.set('Idempotency-Key', key);
    return req;
  };

  it('should confirm exactly 50 and waitlist 950 in order when 1,000 volunteers sign up at once for a 50-seat shift', async () => {
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 50 });
    const volunteers = await bulkVolunteers(t, 1000);
    const answers = await Promise.all(volunteers.map((v) => signUp(v, shiftId)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const confirmed = answers.filter((a) => a.body.status === 'confirmed');
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(50);
    expect(waitlisted).toHaveLength(950);
    const positions = waitlisted.map((a) => a.body.position as number).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 950 }, (_, i) => i + 1));
    // Positions follow the order in which the seat row was taken, i.e. commit order.
    const rows = await t.db.query<{ id: string; waitlist_seq: number }>(`SELECT id, waitlist_seq FROM signups WHERE shift_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq`, [shiftId]);
    const byId = new Map(waitlisted.map((a) => [a.body.id as string, a.body.position as number]));
    expect(rows.map((r) => byId.get(r.id))).toEqual(positions);
    const [seat] = await t.db.query<{ confirmed_count: number; waitlist_count: number }>('SELECT confirmed_count, waitlist_count FROM shift_seats WHERE shift_id = $1', [shiftId]);
    expect(seat).toEqual({ confirmed_count: 50, waitlist_count: 950 });
    // The shift as the needs context shows it reads the same seats, with no copy to catch up.
    const shown = await t.http().get(`/api/v1/shifts/${shiftId}`).set(bearer(world.ngo.coordinator));
    expect(shown.body).toMatchObject({ capacity: 50, confirmedCount: 50, waitlistCount: 950 });
  });

  it('should never exceed capacity nor lose a waitlisted person when cancellations and sign-ups race', async () => {
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 5 });
    const first = await bulkVolunteers(t, 15);
    const firstAnswers: Array<{ body: Record<string, unknown> }> = [];
    for (const v of first) firstAnswers.push(await signUp(v, shiftId));
    const confirmedIds = firstAnswers.filter((a) => a.body.status === 'confirmed').map((a) => a.body.id as string);
    expect(confirmedIds).toHaveLength(5);
    const late = await bulkVolunteers(t, 10);
    const owners = new Map(first.map((v, i) => [firstAnswers[i].body.id as string, v]));
    await Promise.all([
      ...confirmedIds.slice(0, 4).map((id) => t.http().delete(`/api/v1/signups/${id}`).set(bearer(owners.get(id)!)).send({})),
      ...late.map((v) => signUp(v, shiftId)),
    ]);
    const rows = await t.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM signups WHERE shift_id = $1 GROUP BY status ORDER BY status', [shiftId]);
    expect(rows).toEqual([
      { status: 'cancelled', n: 4 },
      { status: 'confirmed', n: 5 },
      { status: 'waitlisted', n: 16 },
    ]);
    // Promotions went to the earliest waiting people, in order.
    const promoted = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signups WHERE shift_id = $1 AND status = 'confirmed' AND waitlist_seq IS NOT NULL`, [shiftId]);
    expect(promoted[0].n).toBe(4);
    const firstWaiting = await t.db.query<{ waitlist_seq: number }>(`SELECT waitlist_seq FROM signups WHERE shift_id = $1 AND status = 'confirmed' AND waitlist_seq IS NOT NULL ORDER BY waitlist_seq`, [shiftId]);
    expect(firstWaiting.map((r) => r.waitlist_seq)).toEqual([1, 2, 3, 4]);
    const [seat] = await t.db.query<{ confirmed_count: number; waitlist_count: number }>('SELECT confirmed_count, waitlist_count FROM shift_seats WHERE shift_id = $1', [shiftId]);
    expect(seat).toEqual({ confirmed_count: 5, waitlist_count: 16 });
  });

  it('should leave at most one confirmed among overlapping shifts when one volunteer signs up for all at once', async () => {
    const start = new Date(Date.now() + 48 * HOUR);
    const { needId, shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR) });
    const others = await Promise.all([1, 2, 3, 4, 5].map((i) => addShift(t, world.ngo.coordinator, needId, new Date(start.getTime() + i * 15 * 60_000), new Date(start.getTime() + (i * 15 + 90) * 60_000))));
    const [volunteer] = await bulkVolunteers(t, 1);
    const answers = await Promise.all([shiftId, ...others].map((id) => signUp(volunteer, id)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'schedule_conflict')).toBe(true);
    const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signups WHERE user_id = $1 AND status = 'confirmed'`, [volunteer.id]);
    expect(rows[0].n).toBe(1);
  });

  it('should record a cancellation inside the late window as late and one well before it as not', async () => {
    const soon = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { startsAt: new Date(Date.now() + 3 * HOUR), endsAt: new Date(Date.now() + 5 * HOUR) });
    const later = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { startsAt: new Date(Date.now() + 72 * HOUR), endsAt: new Date(Date.now() + 74 * HOUR) });
    const [v] = await bulkVolunteers(t, 1);
    const a = await signUp(v, soon.shiftId);
    const b = await signUp(v, later.shiftId);
    const lateCancel = await t.http().delete(`/api/v1/signups/${a.body.id}`).set(bearer(v)).send({ reason: '生病' });
    const earlyCancel = await t.http().delete(`/api/v1/signups/${b.body.id}`).set(bearer(v)).send({});
    expect([lateCancel.body.lateCancellation, earlyCancel.body.lateCancellation]).toEqual([true, false]);
    const hours = await t.http().get('/api/v1/me/hours').set(bearer(v));
    expect(hours.body.reliability).toBeLessThan(0.8);
  });

  it('should answer already_signed_up when the same volunteer signs up twice', async () => {
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const [v] = await bulkVolunteers(t, 1);
    expect((await signUp(v, shiftId)).status).toBe(201);
    const again = await signUp(v, shiftId);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_signed_up');
  });

  it('should return the first answer and create nothing when a sign-up is retried with the same Idempotency-Key', async () => {
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const [v] = await bulkVolunteers(t, 1);
    const [a, b] = await Promise.all([signUp(v, shiftId, 'signup-key-1'), signUp(v, shiftId, 'signup-key-1')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    const c = await signUp(v, shiftId, 'signup-key-1');
    expect(c.body).toEqual(a.body);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM signups WHERE user_id = $1', [v.id]);
    expect(rows[0].n).toBe(1);
  });

  it('should refuse the shift of a draft need and of a cancelled need with need_not_open', async () => {
    const need = await t.http().post('/api/v1/needs').set(bearer(world.ngo.coordinator)).send({ organizationId: world.ngo.id, type: 'tutoring', title: '草稿', description: '尚未发布', regionCode: '430524', childContact: false, requiredSkills: [] });
    const shift = await t.http().post(`/api/v1/needs/${need.body.id}/shifts`).set(bearer(world.ngo.coordinator)).send({ startsAt: new Date(Date.now() + 30 * HOUR).toISOString(), endsAt: new Date(Date.now() + 32 * HOUR).toISOString(), capacity: 3 });
    const draftShift = (Array.isArray(shift.body) ? shift.body[0].id : (shift.body.id ?? shift.body.data[0].id)) as string;
    const [v] = await bulkVolunteers(t, 1);
    const draft = await signUp(v, draftShift);
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe('need_not_open');

    const open = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id);
    const cancelled = await t.http().post(`/api/v1/needs/${open.needId}/status`).set(bearer(world.ngo.coordinator)).send({ status: 'cancelled', reason: '天气原因取消' });
    expect(cancelled.status).toBe(200);
    const res = await signUp(v, open.shiftId);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('need_not_open');
  });
});

describe('the safeguarding gate', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should refuse a child-contact shift without a check, with a check expiring before the shift ends, and to a blocked volunteer', async () => {
    const start = new Date(Date.now() + 10 * 24 * HOUR);
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { childContact: true, startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR) });
    const none = await registerUser(t);
    const noCheck = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(none));
    expect(noCheck.status).toBe(403);
    expect(noCheck.body.code).toBe('safeguarding_required');

    const expiring = await registerUser(t);
    await clearForChildContact(t, world.ngo.coordinator, world.ngo.id, expiring, { expiresAt: new Date(start.getTime() + HOUR) });
    const tooShort = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(expiring));
    expect(tooShort.status).toBe(403);
    expect(tooShort.body.code).toBe('safeguarding_required');

    const blocked = await registerUser(t);
    await clearForChildContact(t, world.ngo.coordinator, world.ngo.id, blocked);
    const admin = await loginAdmin(t);
    const block = await t.http().post(`/api/v1/volunteers/${blocked.id}/safeguarding-checks`).set(bearer(admin)).send({ kind: 'entry_inquiry', result: 'flagged', checkedAt: new Date().toISOString() });
    expect(block.status).toBe(201);
    const refused = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(blocked));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('safeguarding_required');

    const cleared = await registerUser(t);
    await clearForChildContact(t, world.ngo.coordinator, world.ngo.id, cleared);
    expect((await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(cleared))).status).toBe(201);
  });

  it('should skip a waitlisted volunteer who became ineligible and promote the next one, keeping the place of the skipped', async () => {
    const start = new Date(Date.now() + 5 * 24 * HOUR);
    const { needId, shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { childContact: true, capacity: 1, startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR) });
    const [holder, skipped, next] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    for (const v of [holder, skipped, next]) await clearForChildContact(t, world.ngo.coordinator, world.ngo.id, v);
    const held = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(holder));
    const waiting1 = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(skipped));
    const waiting2 = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(next));
    expect([held.body.status, waiting1.body.position, waiting2.body.position]).toEqual(['confirmed', 1, 2]);
    // The first in line takes another, overlapping shift elsewhere: no longer eligible here.
    const other = await addShift(t, world.ngo.coordinator, needId, new Date(start.getTime() + 30 * 60_000), new Date(start.getTime() + 150 * 60_000));
    expect((await t.http().post(`/api/v1/shifts/${other}/signups`).set(bearer(skipped))).body.status).toBe('confirmed');

    const cancel = await t.http().delete(`/api/v1/signups/${held.body.id}`).set(bearer(holder)).send({});
    expect(cancel.status).toBe(200);
    expect(cancel.body.promoted).toBe(waiting2.body.id);
    const [row] = await t.db.query<{ status: string; skipped_reason: string }>('SELECT status, skipped_reason FROM signups WHERE id = $1', [waiting1.body.id]);
    expect(row).toEqual({ status: 'waitlisted', skipped_reason: 'schedule_conflict' });
  });
});
