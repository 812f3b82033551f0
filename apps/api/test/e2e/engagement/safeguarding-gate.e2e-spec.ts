import { createChild } from '../../factories/children.factory';
import { bearer, createOrganization, createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { addShift, clearForChildContact, createShiftNeed } from '../../factories/engagement.factory';
import { startTestApp, type TestApp } from '../../support/app';

const HOUR = 3600_000;

describe('the safeguarding gate inside the transaction', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const signUp = (user: TestUser, shiftId: string) => t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(user));

  const recordFlagged = (volunteer: TestUser) =>
    t
      .http()
      .post(`/api/v1/volunteers/${volunteer.id}/safeguarding-checks`)
      .set(bearer(world.ngo.coordinator))
      .send({ kind: 'entry_inquiry', result: 'flagged', checkedAt: new Date(Date.now() - 60_000).toISOString(), organizationId: world.ngo.id });

  const cleared = async (name: string): Promise<TestUser> => {
    const user = await registerUser(t, { displayName: name });
    await clearForChildContact(t, world.ngo.coordinator, world.ngo.id, user);
    return user;
  };

  /** Seat counters of the shifts beside the sign-ups they count. */
  const seatsAgainstRows = (shiftIds: string[]) =>
    t.db.query<{ shift_id: string; confirmed_count: number; waitlist_count: number; confirmed: number; waitlisted: number }>(
      `SELECT s.shift_id, s.confirmed_count, s.waitlist_count,
              count(g.id) FILTER (WHERE g.status = 'confirmed')::int AS confirmed,
              count(g.id) FILTER (WHERE g.status = 'waitlisted')::int AS waitlisted
         FROM shift_seats s LEFT JOIN signups g ON g.shift_id = s.shift_id
        WHERE s.shift_id = ANY($1::uuid[]) GROUP BY s.shift_id, s.confirmed_count, s.waitlist_count`,
      [shiftIds],
    );

  it('should leave no confirmed or waitlisted child-contact sign-up and exact seats when a record found races 50 sign-ups', async () => {
    const volunteer = await cleared('竞速志愿者');
    const start = Date.now() + 48 * HOUR;
    const first = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { childContact: true, capacity: 1, startsAt: new Date(start), endsAt: new Date(start + HOUR) });
    const shiftIds = [first.shiftId];
    for (let i = 1; i < 50; i++) {
      const at = start + i * 3 * HOUR;
      shiftIds.push(await addShift(t, world.ngo.coordinator, first.needId, new Date(at), new Date(at + HOUR), 1));
    }
    // One sign-up before, so the volunteer has served here and has something to cancel.
    expect((await signUp(volunteer, shiftIds[0])).status).toBe(201);
    const answers = await Promise.all([recordFlagged(volunteer), ...shiftIds.slice(1).map((id) => signUp(volunteer, id))]);
    expect(answers[0].status).toBe(201);
    for (const a of answers.slice(1)) {
      expect([201, 403]).toContain(a.status);
      if (a.status === 403) expect(a.body.code).toBe('safeguarding_required');
    }
    const live = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM signups WHERE user_id = $1 AND status IN ('confirmed', 'waitlisted')`,
      [volunteer.id],
    );
    expect(live[0].n).toBe(0);
    const seats = await seatsAgainstRows(shiftIds);
    expect(seats).toHaveLength(50);
    for (const s of seats) {
      expect(s.confirmed_count).toBe(s.confirmed);
      expect(s.waitlist_count).toBe(s.waitlisted);
      expect(s.confirmed_count).toBe(0);
    }
    // And nothing new gets through afterwards.
    const after = await signUp(volunteer, shiftIds[1]);
    expect(after.status).toBe(403);
    expect(after.body.code).toBe('safeguarding_required');
  });

  it('should cancel future child-contact sign-ups and promote the next waitlisted volunteer with one shift.updated per shift when a record found lands', async () => {
    const [blocked, next, holder] = await Promise.all([cleared('被阻止志愿者'), cleared('候补志愿者'), cleared('在岗志愿者')]);
    const start = Date.now() + 24 * HOUR;
    const a = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { childContact: true, capacity: 1, startsAt: new Date(start), endsAt: new Date(start + HOUR) });
    const b = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { childContact: true, capacity: 1, startsAt: new Date(start + 5 * HOUR), endsAt: new Date(start + 6 * HOUR) });
    const plain = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 1, startsAt: new Date(start + 10 * HOUR), endsAt: new Date(start + 11 * HOUR) });
    const own = await signUp(blocked, a.shiftId);
    expect(own.body.status).toBe('confirmed');
    expect((await signUp(next, a.shiftId)).body.status).toBe('waitlisted');
    expect((await signUp(holder, b.shiftId)).body.status).toBe('confirmed');
    const waiting = await signUp(blocked, b.shiftId);
    expect(waiting.body.status).toBe('waitlisted');
    const other = await signUp(blocked, plain.shiftId);
    expect(other.body.status).toBe('confirmed');
    const [{ last }] = await t.db.query<{ last: string }>('SELECT coalesce(max(id), 0)::text AS last FROM events');

    expect((await recordFlagged(blocked)).status).toBe(201);

    const rows = await t.db.query<{ id: string; user_id: string; shift_id: string; status: string }>(
      'SELECT id, user_id, shift_id, status FROM signups WHERE shift_id = ANY($1::uuid[]) ORDER BY created_at',
      [[a.shiftId, b.shiftId, plain.shiftId]],
    );
    const status = (user: TestUser, shiftId: string) => rows.find((r) => r.user_id === user.id && r.shift_id === shiftId)?.status;
    expect(status(blocked, a.shiftId)).toBe('cancelled');
    expect(status(next, a.shiftId)).toBe('confirmed');
    expect(status(blocked, b.shiftId)).toBe('cancelled');
    expect(status(holder, b.shiftId)).toBe('confirmed');
    // Not child contact: untouched.
    expect(status(blocked, plain.shiftId)).toBe('confirmed');
    const seats = await seatsAgainstRows([a.shiftId, b.shiftId, plain.shiftId]);
    expect(seats.map((s) => [s.shift_id, s.confirmed_count, s.waitlist_count]).sort()).toEqual(
      [[a.shiftId, 1, 0], [b.shiftId, 1, 0], [plain.shiftId, 1, 0]].sort(),
    );
    for (const s of seats) expect([s.confirmed, s.waitlisted]).toEqual([s.confirmed_count, s.waitlist_count]);
    const events = await t.db.query<{ type: string; payload: Record<string, unknown> }>(
      'SELECT type, payload FROM events WHERE id > $1::bigint ORDER BY id',
      [last],
    );
    const updates = events.filter((e) => e.type === 'shift.updated');
    expect(updates.map((e) => e.payload.shiftId).sort()).toEqual([a.shiftId, b.shiftId].sort());
    expect(updates.find((e) => e.payload.shiftId === a.shiftId)?.payload).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
    expect(events.filter((e) => e.type === 'signup.cancelled').map((e) => e.payload.signupId).sort()).toEqual(
      [own.body.id, waiting.body.id].sort(),
    );
    expect(events.filter((e) => e.type === 'signup.promoted').map((e) => e.payload.userId)).toEqual([next.id]);
    // The reason is for the safeguarding lead: nothing in the events says it.
    expect(JSON.stringify(events.map((e) => e.payload))).not.toMatch(/safeguard|flagged/);
    const audits = await t.db.query<{ entity_id: string; diff: Record<string, unknown> }>(
      `SELECT entity_id, diff FROM audit_log WHERE action = 'signup.cancelled' AND entity_id = ANY($1::text[])`,
      [[own.body.id, waiting.body.id]],
    );
    expect(audits).toHaveLength(2);
    for (const row of audits) expect(row.diff).toMatchObject({ by: 'safeguarding' });
  });

  it('should refuse check-in to a child-contact shift with 403 safeguarding_required when the check expired before the shift ends', async () => {
    const volunteer = await cleared('过期志愿者');
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { childContact: true, capacity: 2 });
    const signup = await signUp(volunteer, shiftId);
    expect(signup.body.status).toBe('confirmed');
    // The check lapses after the sign-up (no sweep runs yet): it is caught at the door.
    await t.db.query(`UPDATE safeguarding_checks SET expires_at = now() - interval '1 minute' WHERE volunteer_user_id = $1`, [volunteer.id]);
    const refused = await t.http().post(`/api/v1/signups/${signup.body.id as string}/check-in`).set(bearer(world.ngo.coordinator)).send({});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('safeguarding_required');
    const [row] = await t.db.query<{ checked_in_at: Date | null }>('SELECT checked_in_at FROM signups WHERE id = $1', [signup.body.id]);
    expect(row.checked_in_at).toBeNull();
    const trail = await t.db.query<{ diff: Record<string, unknown> }>(
      `SELECT diff FROM audit_log WHERE action = 'attendance.check_in_refused' AND entity_id = $1`,
      [signup.body.id],
    );
    expect(trail.map((r) => r.diff)).toEqual([{ reason: 'safeguarding_expired' }]);
  });
  it('should end the blocked volunteer\'s child pairings in every NGO when a record found lands', async () => {
    const volunteer = await cleared('结对志愿者');
    const otherOwner = await registerUser(t, { displayName: '乙机构负责人' });
    const otherNgo = await createOrganization(t, otherOwner, { kind: 'ngo' });
    const pair = async (owner: TestUser, orgId: string) => {
      const childId = await createChild(t, owner, orgId);
      const res = await t
        .http()
        .post(`/api/v1/children/${childId}/follow-ups`)
        .set(bearer(owner))
        .send({ userId: volunteer.id, role: 'volunteer', contactEveryDays: 14 });
      expect(res.status).toBe(201);
      return childId;
    };
    const here = await pair(world.ngo.owner, world.ngo.id);
    const there = await pair(otherOwner, otherNgo);
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 3 });
    expect((await signUp(volunteer, shiftId)).status).toBe(201);

    expect((await recordFlagged(volunteer)).status).toBe(201);

    for (const [owner, childId] of [[world.ngo.owner, here], [otherOwner, there]] as const) {
      const list = await t.http().get(`/api/v1/children/${childId}/follow-ups`).set(bearer(owner));
      expect(list.status).toBe(200);
      expect(list.body.data).toHaveLength(1);
      expect(list.body.data[0]).toMatchObject({ userId: volunteer.id, endedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    }
    const trail = await t.db.query<{ org_id: string; diff: Record<string, unknown> }>(
      `SELECT org_id, diff FROM audit_log WHERE action = 'child.follow_up_ended' AND entity_id = ANY($1::text[]) ORDER BY org_id`,
      [[here, there]],
    );
    expect(trail.map((r) => r.org_id).sort()).toEqual([world.ngo.id, otherNgo].sort());
    for (const row of trail) expect(row.diff).toMatchObject({ reason: 'not_eligible' });
  });
});
