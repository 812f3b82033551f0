import { AttendanceService } from '../../../src/modules/engagement/attendance.service';
import { bearer, createWorld, registerUser } from '../../factories/identity.factory';
import { bulkVolunteers, createShiftNeed } from '../../factories/engagement.factory';
import { startTestApp, type TestApp } from '../../support/app';

const MINUTE = 60_000;

describe('check-in, hours and certificates', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A shift that started ten minutes ago and ends in fifty, with one confirmed volunteer. */
  async function runningShift(): Promise<{
    shiftId: string;
    needId: string;
    signupId: string;
    volunteer: Awaited<ReturnType<typeof registerUser>>;
  }> {
    const startsAt = new Date(Date.now() + 20 * MINUTE);
    const { shiftId, needId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * MINUTE),
      capacity: 3,
    });
    const volunteer = await registerUser(t, { displayName: '周文博' });
    const signup = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(volunteer));
    expect(signup.body.status).toBe('confirmed');
    // The shift's time moves into the past in engagement's copy only, as if the clock had run on.
    await t.db.query(
      `UPDATE shift_seats SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '50 minutes' WHERE shift_id = $1`,
      [shiftId],
    );
    return { shiftId, needId, signupId: signup.body.id as string, volunteer };
  }

  it('should check in with the rotating code once, however often it is scanned, and refuse a wrong code', async () => {
    const { shiftId, volunteer } = await runningShift();
    const staffTry = await t.http().get(`/api/v1/shifts/${shiftId}/check-in-code`).set(bearer(world.ngo.staff));
    expect(staffTry.status).toBe(403);
    const code = await t.http().get(`/api/v1/shifts/${shiftId}/check-in-code`).set(bearer(world.ngo.coordinator));
    expect(code.status).toBe(200);
    expect(code.body.token).toMatch(/^\d{6}$/);
    const wrong = await t
      .http()
      .post(`/api/v1/shifts/${shiftId}/check-in`)
      .set(bearer(volunteer))
      .send({ token: code.body.token === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('invalid_check_in_code');
    const first = await t.http().post(`/api/v1/shifts/${shiftId}/check-in`).set(bearer(volunteer)).send({ token: code.body.token });
    const second = await t.http().post(`/api/v1/shifts/${shiftId}/check-in`).set(bearer(volunteer)).send({ token: code.body.token });
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const events = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'attendance.checked_in' AND payload->>'shiftId' = $1`,
      [shiftId],
    );
    expect(events[0].n).toBe(1);
  });

  it('should refuse check-out before check-in and turn a check-out into a pending hour record', async () => {
    const { signupId, volunteer } = await runningShift();
    const early = await t.http().post(`/api/v1/signups/${signupId}/check-out`).set(bearer(volunteer));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('not_checked_in');
    expect((await t.http().post(`/api/v1/signups/${signupId}/check-in`).set(bearer(world.ngo.coordinator))).status).toBe(200);
    const out = await t.http().post(`/api/v1/signups/${signupId}/check-out`).set(bearer(volunteer));
    expect(out.status).toBe(200);
    expect(out.body.hourRecord).toMatchObject({ status: 'pending' });
    // Coordinators reach the record from the roster, to verify or reject it.
    const roster = await t.http().get(`/api/v1/shifts/${out.body.shiftId}/signups`).set(bearer(world.ngo.coordinator));
    const row = (roster.body.signups as Array<{ signupId: string; hourRecord: { id: string } | null }>).find(
      (r) => r.signupId === signupId,
    )!;
    expect(row.hourRecord?.id).toBe(out.body.hourRecord.id);
  });

  it('should never change a verified record, net a reversal out of the ledger, and certify exactly the ledger', async () => {
    const a = await runningShift();
    await t.db.query(
      `UPDATE shift_seats SET starts_at = now() - interval '100 minutes', ends_at = now() + interval '20 minutes' WHERE shift_id = $1`,
      [a.shiftId],
    );
    await t.http().post(`/api/v1/signups/${a.signupId}/check-in`).set(bearer(world.ngo.coordinator));
    await t.db.query(`UPDATE signups SET checked_in_at = now() - interval '90 minutes' WHERE id = $1`, [a.signupId]);
    const out = await t.http().post(`/api/v1/signups/${a.signupId}/check-out`).set(bearer(a.volunteer));
    const recordId = out.body.hourRecord.id as string;
    expect(out.body.hourRecord.minutes).toBe(90);

    const verified = await t.http().post(`/api/v1/hour-records/${recordId}/verify`).set(bearer(world.ngo.coordinator)).send({});
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
    const reject = await t
      .http()
      .post(`/api/v1/hour-records/${recordId}/reject`)
      .set(bearer(world.ngo.coordinator))
      .send({ reason: '改主意' });
    expect(reject.status).toBe(409);
    expect(reject.body.code).toBe('hours_immutable');
    await expect(t.db.query('UPDATE hour_records SET minutes = 600 WHERE id = $1', [recordId])).rejects.toThrow(/immutable/);

    let mine = await t.http().get('/api/v1/me/hours').set(bearer(a.volunteer));
    expect(mine.body).toMatchObject({ verifiedMinutes: 90, pendingMinutes: 0 });

    const reversal = await t
      .http()
      .post(`/api/v1/hour-records/${recordId}/reverse`)
      .set(bearer(world.ngo.coordinator))
      .send({ reason: '签到时间录错' });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({ minutes: -90, reversesId: recordId, status: 'verified' });
    mine = await t.http().get('/api/v1/me/hours').set(bearer(a.volunteer));
    expect(mine.body.verifiedMinutes).toBe(0);
    const noCertificate = await t.http().post('/api/v1/certificates').set(bearer(a.volunteer)).send({ organizationId: world.ngo.id });
    expect(noCertificate.status).toBe(409);
    expect(noCertificate.body.code).toBe('no_verified_hours');

    // A second shift, verified in bulk, is what the certificate then shows.
    const b = await runningShift();
    await t.db.query(`UPDATE shift_seats SET starts_at = now() - interval '60 minutes' WHERE shift_id = $1`, [b.shiftId]);
    const c = await t.http().post(`/api/v1/shifts/${b.shiftId}/signups`).set(bearer(a.volunteer));
    expect(c.body.status).toBe('confirmed');
    for (const id of [b.signupId, c.body.id as string]) {
      await t.http().post(`/api/v1/signups/${id}/check-in`).set(bearer(world.ngo.coordinator));
      await t.db.query(`UPDATE signups SET checked_in_at = now() - interval '45 minutes' WHERE id = $1`, [id]);
      await t.http().post(`/api/v1/signups/${id}/check-out`).set(bearer(world.ngo.coordinator));
    }
    const bulk = await t.http().post(`/api/v1/shifts/${b.shiftId}/hours/verify`).set(bearer(world.ngo.coordinator));
    expect(bulk.body).toEqual({ verified: 2, minutes: 90 });
    mine = await t.http().get('/api/v1/me/hours').set(bearer(a.volunteer));
    expect(mine.body.verifiedMinutes).toBe(45);

    const certificate = await t
      .http()
      .post('/api/v1/certificates')
      .set(bearer(a.volunteer))
      .send({ organizationId: world.ngo.id, idType: '居民身份证', idNumber: '430524199801011234' });
    expect(certificate.status).toBe(201);
    expect(certificate.body.totalMinutes).toBe(mine.body.verifiedMinutes);
    const doc = await t
      .http()
      .get(certificate.body.documentUrl as string)
      .set(bearer(a.volunteer));
    expect(doc.status).toBe(200);
    expect(doc.text).toContain('志愿服务记录证明');
    expect(doc.text).toContain('430524********1234');
    expect(doc.text).not.toContain('199801011234');
    const check = await t
      .http()
      .get(`/api/v1/certificates/verify?number=${certificate.body.number}&code=${certificate.body.verificationCode}`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ status: 'valid', totalHours: 0.8 });
    expect(JSON.stringify(check.body)).not.toContain('4305241998');
    expect((await t.http().get(`/api/v1/certificates/verify?number=${certificate.body.number}&code=ZZZZZZZZ`)).status).toBe(404);
    expect(
      (
        await t
          .http()
          .get(certificate.body.documentUrl as string)
          .set(bearer(world.volunteer))
      ).status,
    ).toBe(404);

    const revoked = await t
      .http()
      .post(`/api/v1/certificates/${certificate.body.id}/revoke`)
      .set(bearer(world.ngo.coordinator))
      .send({ reason: '时长有误' });
    expect(revoked.body.status).toBe('revoked');
    expect(
      (await t.http().get(`/api/v1/certificates/verify?number=${certificate.body.number}&code=${certificate.body.verificationCode}`)).body
        .status,
    ).toBe('revoked');
  });

  it('should close a forgotten check-out at the cap and flag it', async () => {
    const { shiftId, signupId } = await runningShift();
    await t.http().post(`/api/v1/signups/${signupId}/check-in`).set(bearer(world.ngo.coordinator));
    await t.db.query(
      `UPDATE shift_seats SET starts_at = now() - interval '5 hours', ends_at = now() - interval '4 hours' WHERE shift_id = $1`,
      [shiftId],
    );
    await t.db.query(`UPDATE signups g SET checked_in_at = s.starts_at FROM shift_seats s WHERE g.id = $1 AND s.shift_id = g.shift_id`, [
      signupId,
    ]);
    const closed = await t.app.get(AttendanceService).sweep();
    expect(closed).toBe(1);
    const [row] = await t.db.query<{ minutes: number; flag: string; status: string }>(
      'SELECT minutes, flag, status FROM hour_records WHERE signup_id = $1',
      [signupId],
    );
    expect(row).toEqual({ minutes: 90, flag: 'auto_closed', status: 'pending' });
  });

  it('should mark a no-show once the shift has started and count it against reliability', async () => {
    const { signupId, volunteer } = await runningShift();
    const res = await t.http().post(`/api/v1/signups/${signupId}/no-show`).set(bearer(world.ngo.coordinator));
    expect(res.body.status).toBe('no_show');
    const mine = await t.http().get('/api/v1/me/hours').set(bearer(volunteer));
    expect(mine.body.reliability).toBeLessThan(0.8);
  });

  it('should let a coordinator invite a volunteer who then accepts through the same rules', async () => {
    const { shiftId } = await createShiftNeed(t, world.ngo.coordinator, world.ngo.id, { capacity: 1 });
    const [v] = await bulkVolunteers(t, 1);
    const invite = await t
      .http()
      .post(`/api/v1/shifts/${shiftId}/invitations`)
      .set(bearer(world.ngo.coordinator))
      .send({ userId: v.id, message: '欢迎加入' });
    expect(invite.status).toBe(201);
    const mine = await t.http().get('/api/v1/me/invitations').set(bearer(v));
    expect(mine.body.map((i: { id: string }) => i.id)).toEqual([invite.body.id]);
    const accept = await t.http().post(`/api/v1/invitations/${invite.body.id}/accept`).set(bearer(v));
    expect(accept.status).toBe(201);
    expect(accept.body.status).toBe('confirmed');
    expect((await t.http().post(`/api/v1/invitations/${invite.body.id}/accept`).set(bearer(v))).status).toBe(409);
  });
});
