import { CHECK_IN_LOCK_SECONDS, CHECK_IN_MAX_WRONG } from '../../../src/modules/engagement/check-in-code';
import { bearer, createWorld, registerUser } from '../../factories/identity.factory';
import { createShiftNeed } from '../../factories/engagement.factory';
import { startTestApp, type TestApp } from '../../support/app';

const MINUTE = 60_000;

describe('check-in code guessing limit', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A running shift with one confirmed volunteer, and the code on the coordinator's screen. */
  async function runningShift(): Promise<{
    shiftId: string;
    volunteer: Awaited<ReturnType<typeof registerUser>>;
    token: string;
    wrong: string[];
  }> {
    const startsAt = new Date(Date.now() + 20 * MINUTE);
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * MINUTE),
      capacity: 3,
    });
    const volunteer = await registerUser(t, { displayName: '李晓雨' });
    expect((await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(volunteer))).body.status).toBe('confirmed');
    await t.db.query(
      `UPDATE shift_seats SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '50 minutes' WHERE shift_id = $1`,
      [shiftId],
    );
    const code = await t.http().get(`/api/v1/shifts/${shiftId}/check-in-code`).set(bearer(world.ngo.coordinator));
    const token = code.body.token as string;
    const wrong = Array.from({ length: 12 }, (_, i) => String((Number(token) + 1 + i * 7919) % 1_000_000).padStart(6, '0'));
    return { shiftId, volunteer, token, wrong };
  }

  const failures = async (shiftId: string, userId: string): Promise<number | undefined> =>
    (
      await t.db.query<{ failures: number }>('SELECT failures FROM check_in_attempts WHERE shift_id = $1 AND user_id = $2', [
        shiftId,
        userId,
      ])
    )[0]?.failures;

  it('should count exactly the limit and lock with 429 and Retry-After when wrong codes race in parallel, until the coordinator checks the volunteer in', async () => {
    const { shiftId, volunteer, token, wrong } = await runningShift();

    const answers = await Promise.all(
      wrong.map((guess) => t.http().post(`/api/v1/shifts/${shiftId}/check-in`).set(bearer(volunteer)).send({ token: guess })),
    );

    expect(await failures(shiftId, volunteer.id)).toBe(CHECK_IN_MAX_WRONG);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(CHECK_IN_MAX_WRONG - 1).fill(403), ...Array(wrong.length - CHECK_IN_MAX_WRONG + 1).fill(429)]);
    for (const answer of answers.filter((a) => a.status === 403)) expect(answer.body.code).toBe('invalid_check_in_code');
    for (const answer of answers.filter((a) => a.status === 429)) {
      expect(answer.body.code).toBe('check_in_locked');
      const retryAfter = Number(answer.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(CHECK_IN_LOCK_SECONDS - 60);
      expect(retryAfter).toBeLessThanOrEqual(CHECK_IN_LOCK_SECONDS);
    }

    // The right code does not get through a lock either; the coordinator can still check the volunteer in.
    const right = await t.http().post(`/api/v1/shifts/${shiftId}/check-in`).set(bearer(volunteer)).send({ token });
    expect(right.status).toBe(429);
    expect(await failures(shiftId, volunteer.id)).toBe(CHECK_IN_MAX_WRONG);
    const [signup] = await t.db.query<{ id: string }>('SELECT id FROM signups WHERE shift_id = $1 AND user_id = $2', [
      shiftId,
      volunteer.id,
    ]);
    expect((await t.http().post(`/api/v1/signups/${signup.id}/check-in`).set(bearer(world.ngo.coordinator))).status).toBe(200);
    expect(await failures(shiftId, volunteer.id)).toBeUndefined();
    expect((await t.http().post(`/api/v1/shifts/${shiftId}/check-in`).set(bearer(volunteer)).send({ token })).status).toBe(200);
  });

  it('should hold the lock per volunteer and shift, and open again once it has run out', async () => {
    const { shiftId, volunteer, token, wrong } = await runningShift();
    const other = await runningShift();
    for (const guess of wrong.slice(0, CHECK_IN_MAX_WRONG))
      await t.http().post(`/api/v1/shifts/${shiftId}/check-in`).set(bearer(volunteer)).send({ token: guess });
    expect((await t.http().post(`/api/v1/shifts/${shiftId}/check-in`).set(bearer(volunteer)).send({ token })).status).toBe(429);
    // Another volunteer on another shift is not affected.
    expect(
      (await t.http().post(`/api/v1/shifts/${other.shiftId}/check-in`).set(bearer(other.volunteer)).send({ token: other.token })).status,
    ).toBe(200);

    await t.db.query(`UPDATE check_in_attempts SET locked_until = now() - interval '1 second' WHERE shift_id = $1`, [shiftId]);
    const fresh = await t.http().get(`/api/v1/shifts/${shiftId}/check-in-code`).set(bearer(world.ngo.coordinator));
    const after = await t.http().post(`/api/v1/shifts/${shiftId}/check-in`).set(bearer(volunteer)).send({ token: fresh.body.token });
    expect(after.status).toBe(200);
    expect(await failures(shiftId, volunteer.id)).toBeUndefined();
  });
});
