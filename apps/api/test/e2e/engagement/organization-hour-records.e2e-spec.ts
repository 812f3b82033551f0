import { createShiftNeed } from '../../factories/engagement.factory';
import { bearer, createWorld, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

const MINUTE = 60_000;

describe('an organisation’s hour records', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A shift that is running, one volunteer checked in 45 minutes ago and out now: one pending hour record. */
  async function served(title: string, volunteer: TestUser): Promise<{ shiftId: string; needId: string; recordId: string }> {
    const startsAt = new Date(Date.now() + 20 * MINUTE);
    const { shiftId, needId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * MINUTE),
      title,
    });
    const signup = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(volunteer));
    expect(signup.body.status).toBe('confirmed');
    await t.db.query(
      `UPDATE shift_seats SET starts_at = now() - interval '60 minutes', ends_at = now() + interval '10 minutes' WHERE shift_id = $1`,
      [shiftId],
    );
    await t.http().post(`/api/v1/signups/${signup.body.id}/check-in`).set(bearer(world.ngo.coordinator));
    await t.db.query(`UPDATE signups SET checked_in_at = now() - interval '45 minutes' WHERE id = $1`, [signup.body.id]);
    const out = await t.http().post(`/api/v1/signups/${signup.body.id}/check-out`).set(bearer(world.ngo.coordinator));
    expect(out.body.hourRecord).toMatchObject({ status: 'pending' });
    return { shiftId, needId, recordId: out.body.hourRecord.id as string };
  }

  const list = (user: TestUser, query = '') => t.http().get(`/api/v1/organizations/${world.ngo.id}/hour-records${query}`).set(bearer(user));

  it('should list the records newest first with the volunteer’s name, the need’s title and the shift’s start, page by page', async () => {
    const volunteer = await registerUser(t, { displayName: '李思雨' });
    const first = await served('周六图书角', volunteer);
    const second = await served('周日作业辅导', volunteer);
    await t.http().post(`/api/v1/hour-records/${first.recordId}/verify`).set(bearer(world.ngo.coordinator)).send({});

    const all = await list(world.ngo.coordinator, '?limit=1');
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(1);
    const [shiftStart] = await t.db.query<{ starts_at: Date }>('SELECT starts_at FROM shift_seats WHERE shift_id = $1', [second.shiftId]);
    expect(all.body.data[0]).toMatchObject({
      id: second.recordId,
      shiftId: second.shiftId,
      needId: second.needId,
      organizationId: world.ngo.id,
      status: 'pending',
      userId: volunteer.id,
      volunteerName: '李思雨',
      needTitle: '周日作业辅导',
      shiftStartsAt: shiftStart.starts_at.toISOString(),
    });
    expect(all.body.nextCursor).toEqual(expect.any(String));
    const next = await list(world.ngo.coordinator, `?limit=1&cursor=${all.body.nextCursor}`);
    expect(next.body.data.map((r: { id: string }) => r.id)).toEqual([first.recordId]);
    expect(next.body.data[0]).toMatchObject({ needTitle: '周六图书角', status: 'verified' });

    const verified = await list(world.ngo.owner, '?status=verified');
    expect(verified.body.data.map((r: { id: string }) => r.id)).toEqual([first.recordId]);
    const future = await list(world.ngo.coordinator, `?from=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`);
    expect(future.body).toEqual({ data: [], nextCursor: null });
  });

  it('should refuse staff with 403, another organisation with 404, and a bad window or cursor with 400 naming the field', async () => {
    expect((await list(world.ngo.staff)).status).toBe(403);
    const outsider = await t.http().get(`/api/v1/organizations/${world.ngo.id}/hour-records`).set(bearer(world.company.owner));
    expect(outsider.status).toBe(404);
    const window = await list(world.ngo.coordinator, '?from=2026-12-01T00:00:00%2B08:00&to=2026-11-01T00:00:00%2B08:00');
    expect(window.status).toBe(400);
    expect(window.body.errors).toEqual([{ field: 'to', message: 'must not be before from', code: 'invalid_date' }]);
    const cursor = await list(world.ngo.coordinator, '?cursor=nonsense');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const status = await list(world.ngo.coordinator, '?status=approved');
    expect(status.status).toBe(400);
    expect(status.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('should show the need’s title beside each of a volunteer’s own shifts', async () => {
    const volunteer = await registerUser(t, { displayName: '王晨' });
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { title: '春节探访' });
    await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(volunteer));
    const mine = await t.http().get('/api/v1/me/shifts').set(bearer(volunteer));
    expect(mine.body).toEqual([expect.objectContaining({ shiftId, needTitle: '春节探访', startsAt: expect.any(String) })]);
  });
});
