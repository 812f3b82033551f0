import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createShiftNeed, clearForChildContact } from '../../factories/engagement.factory';
import { createGoodsNeed, photoWithGps, pledge } from '../../factories/giving.factory';
import { bearer, createWorld, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';
import { recordResponses, ResponseChecker, type OpenApiDoc, type RecordedResponse } from '../../support/response-recorder';

/**
 * A day of ordinary use — accounts, organisations, needs and shifts, sign-ups, attendance, hours and a
 * certificate, pledges with receipts, evidence and uses, offers, the audit log, and the usual mistakes —
 * recorded as it happens; afterwards every answer is checked against the OpenAPI document.
 */
describe('OpenAPI responses of a recorded session', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let recorded: RecordedResponse[];

  beforeAll(async () => {
    t = await startTestApp();
    recorded = recordResponses(t.app.getHttpServer() as Server);
    doc = (await t.http().get('/api/docs-json')).body as OpenApiDoc;
  });

  afterAll(async () => {
    await t.close();
  });

  async function session(): Promise<void> {
    const world = await createWorld(t);
    const { coordinator } = world.ngo;
    const admin = await loginAdmin(t);
    const api = (user: TestUser | null) => ({
      get: (url: string) => (user ? t.http().get(url).set(bearer(user)) : t.http().get(url)),
      post: (url: string, body?: object) => (user ? t.http().post(url).set(bearer(user)) : t.http().post(url)).send(body ?? {}),
      patch: (url: string, body: object) => t.http().patch(url).set(bearer(user!)).send(body),
      put: (url: string, body: object) => t.http().put(url).set(bearer(user!)).send(body),
      delete: (url: string) => t.http().delete(url).set(bearer(user!)),
    });

    // Accounts and organisations.
    await api(world.volunteer).get('/api/v1/me');
    await api(world.volunteer).patch('/api/v1/me', { displayName: '志愿者小李' });
    await api(admin).get('/api/v1/organizations?limit=5');
    await api(coordinator).get(`/api/v1/organizations/${world.ngo.id}`);
    await api(world.ngo.owner).get(`/api/v1/organizations/${world.ngo.id}/members`);
    await api(admin).get(`/api/v1/audit-log?organizationId=${world.ngo.id}&limit=20`);
    await api(null).get('/api/v1/health');

    // A volunteer cleared for child contact, a need with a shift, a programme.
    await clearForChildContact(t, coordinator, world.ngo.id, world.volunteer);
    await api(world.volunteer).get('/api/v1/me/volunteer-profile');
    await api(world.volunteer).get('/api/v1/me/safeguarding');
    await api(world.volunteer).get('/api/v1/skills');
    await api(coordinator).get(`/api/v1/volunteers/${world.volunteer.id}/safeguarding`);
    const programme = await api(coordinator).post('/api/v1/programmes', { organizationId: world.ngo.id, name: '周末陪伴计划' });
    await api(coordinator).get(`/api/v1/programmes?organizationId=${world.ngo.id}`);
    void programme;
    const need = await createShiftNeed(t, coordinator, world.ngo.id, { capacity: 1, childContact: true });
    await api(coordinator).get(`/api/v1/needs/${need.needId}`);
    await api(coordinator).patch(`/api/v1/needs/${need.needId}`, { title: '周末陪伴留守儿童（桃洪镇）' });
    await api(coordinator).get(`/api/v1/needs/${need.needId}/shifts`);
    await api(coordinator).get(`/api/v1/shifts/${need.shiftId}`);
    await api(world.volunteer).get('/api/v1/needs?status=open&limit=10');
    await api(world.volunteer).get('/api/v1/me/matches?limit=10');
    await api(coordinator).get(`/api/v1/needs/${need.needId}/candidates?limit=5`);

    // Sign-up, a full shift's waitlist, the roster, attendance and hours.
    const signup = await api(world.volunteer).post(`/api/v1/shifts/${need.shiftId}/signups`);
    await api(world.volunteer).post(`/api/v1/shifts/${need.shiftId}/signups`); // 409 already_signed_up
    await api(world.company.employee).post(`/api/v1/shifts/${need.shiftId}/signups`); // 403 safeguarding_required
    await api(world.volunteer).get('/api/v1/me/shifts');
    await api(coordinator).get(`/api/v1/shifts/${need.shiftId}/signups`);
    await api(coordinator).get(`/api/v1/shifts/${need.shiftId}/check-in-code`);
    await t.db.query(
      `UPDATE shift_seats SET starts_at = now() - interval '60 minutes', ends_at = now() + interval '60 minutes' WHERE shift_id = $1`,
      [need.shiftId],
    );
    await api(world.volunteer).post(`/api/v1/shifts/${need.shiftId}/check-in`, { token: '000000' }); // 403 invalid_check_in_code
    const code = await api(coordinator).get(`/api/v1/shifts/${need.shiftId}/check-in-code`);
    await api(world.volunteer).post(`/api/v1/shifts/${need.shiftId}/check-in`, { token: code.body.token });
    await t.db.query(`UPDATE signups SET checked_in_at = now() - interval '45 minutes' WHERE id = $1`, [signup.body.id]);
    await api(world.volunteer).post(`/api/v1/signups/${signup.body.id}/check-out`);
    const roster = await api(coordinator).get(`/api/v1/shifts/${need.shiftId}/signups`);
    const record = (roster.body.signups as Array<{ hourRecord: { id: string } | null }>)[0].hourRecord!;
    await api(coordinator).post(`/api/v1/hour-records/${record.id}/verify`, {});
    await api(world.volunteer).get('/api/v1/me/hours');
    await api(coordinator).get(`/api/v1/organizations/${world.ngo.id}/hours`);
    await api(world.company.owner).get(`/api/v1/organizations/${world.company.id}/employee-hours`);
    const certificate = await api(world.volunteer).post('/api/v1/certificates', { organizationId: world.ngo.id });
    await api(world.volunteer).get('/api/v1/me/certificates');
    await api(world.volunteer).get(certificate.body.documentUrl as string);
    await api(null).get(`/api/v1/certificates/verify?number=${certificate.body.number}&code=${certificate.body.verificationCode}`);

    // An invitation to a second shift, declined; a cancelled sign-up.
    const second = await createShiftNeed(t, coordinator, world.ngo.id, { capacity: 2 });
    const other = await registerUser(t, { displayName: '志愿者小周' });
    const invitation = await api(coordinator).post(`/api/v1/shifts/${second.shiftId}/invitations`, {
      userId: other.id,
      message: '欢迎周六来',
    });
    await api(other).get('/api/v1/me/invitations');
    await api(other).post(`/api/v1/invitations/${invitation.body.id}/decline`);
    const later = await api(other).post(`/api/v1/shifts/${second.shiftId}/signups`);
    await api(other).delete(`/api/v1/signups/${later.body.id}`);

    // Giving: a goods pledge received and used with evidence; a money pledge cancelled; the trail and coverage.
    const donor = await registerUser(t, { displayName: '黄晓梅' });
    const goods = await createGoodsNeed(t, coordinator, world.ngo.id, { targetFen: 500_000 });
    const coats = goods.items[0].id;
    const key = randomUUID();
    const promised = await pledge(t, donor, { needId: goods.id, kind: 'goods', lines: [{ itemId: coats, quantity: 10 }] }, key);
    await pledge(t, donor, { needId: goods.id, kind: 'goods', lines: [{ itemId: coats, quantity: 11 }] }, key); // 422 idempotency_key_reused
    const pledgeId = promised.body.id as string;
    await api(coordinator).post(`/api/v1/pledges/${pledgeId}/receipts`, { lines: [{ itemId: coats, quantity: 20 }] }); // 422 exceeds_pledged
    await api(coordinator).post(`/api/v1/pledges/${pledgeId}/receipts`, { lines: [{ itemId: coats, quantity: 10 }] });
    const upload = await t
      .http()
      .post(`/api/v1/evidence?organizationId=${world.ngo.id}`)
      .set(bearer(coordinator))
      .attach('file', await photoWithGps(), 'photo.jpg');
    await api(coordinator).get(`/api/v1/evidence/${upload.body.id}`);
    await t.http().get(upload.body.url as string);
    await api(coordinator).post(`/api/v1/pledges/${pledgeId}/usages`, {
      lines: [{ itemId: coats, quantity: 10 }],
      description: '向10名儿童发放冬衣',
      beneficiaryCount: 10,
      usedAt: new Date().toISOString(),
      evidenceIds: [upload.body.id],
    });
    await api(donor).get(`/api/v1/pledges/${pledgeId}/trail`);
    await api(donor).get(`/api/v1/pledges/${pledgeId}`);
    await api(donor).get('/api/v1/pledges?limit=10');
    await api(coordinator).get(`/api/v1/needs/${goods.id}/coverage`);
    const money = await pledge(t, donor, { needId: goods.id, kind: 'money', amountFen: 20_000 });
    await api(donor).post(`/api/v1/pledges/${money.body.id}/cancel`, { reason: '改为捐赠物资' });

    // A goods offer matched to the need and accepted.
    const offer = await api(donor).post('/api/v1/offers', {
      item: '冬衣',
      unit: '件',
      quantity: 5,
      regionCode: '430524',
      until: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await api(donor).get('/api/v1/me/offers');
    await api(donor).get(`/api/v1/offers/${offer.body.id}/matches?limit=5`);
    await api(coordinator).get(`/api/v1/needs/${goods.id}/offers?limit=5`);
    await api(coordinator).post(`/api/v1/offers/${offer.body.id}/accept`, { needId: goods.id, lines: [{ itemId: coats, quantity: 5 }] });

    // The usual mistakes: no token, a bad body, an unknown record, a wrong password; then a refresh and sign-out.
    await api(null).get('/api/v1/me');
    await api(coordinator).post('/api/v1/needs', { organizationId: world.ngo.id, type: 'no_such_type' });
    await api(coordinator).get(`/api/v1/needs/${randomUUID()}`);
    await t.http().post('/api/v1/auth/login').send({ login: donor.login, password: 'not-the-password-1' });
    const refreshed = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: donor.refreshToken });
    await t.http().post('/api/v1/auth/logout').send({ refreshToken: refreshed.body.refreshToken });
  }

  it('should answer every call of the session with a documented status and a body that fits the document', async () => {
    await session();
    const checker = new ResponseChecker(doc);
    const api = recorded.filter((r) => r.url.startsWith('/api/v1/'));
    const mismatches = api.map((r) => checker.check(r)).filter((m) => m !== null);
    expect(mismatches).toEqual([]);
    // The session reaches most of the API, its mistakes included: a shrinking session would hide drift.
    const operations = new Set([...checker.covered].map((c) => c.split(' ').slice(0, 2).join(' ')));
    const problems = [...checker.covered].filter((c) => /\s4\d\d$/.test(c));
    process.stdout.write(
      `openapi replay: ${api.length} answers, ${operations.size} operations, ${problems.length} problem statuses checked\n`,
    );
    expect(operations.size).toBeGreaterThanOrEqual(60);
    expect(problems.length).toBeGreaterThanOrEqual(8);
  });
});
