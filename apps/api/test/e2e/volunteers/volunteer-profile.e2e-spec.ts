import { bearer, createWorld, registerUser } from '../../factories/identity.factory';
import { CURRENT_CODE_OF_CONDUCT, PROFILE, putProfile } from '../../factories/volunteers.factory';
import { startTestApp, type TestApp } from '../../support/app';

describe('volunteer profiles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should list the skills catalogue to anyone when asked', async () => {
    const res = await t.http().get('/api/v1/skills');
    expect(res.status).toBe(200);
    const codes = (res.body as Array<{ code: string }>).map((s) => s.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'tutoring_chinese',
        'tutoring_math',
        'tutoring_english',
        'counselling',
        'first_aid',
        'companionship',
        'handicraft',
        'sports',
        'music',
        'fine_arts',
        'photography',
        'driving',
        'legal_aid',
        'dialect_xiang',
      ]),
    );
    expect(res.body[0]).toEqual({ code: 'tutoring_chinese', nameZh: '语文辅导', nameEn: 'Chinese tutoring', category: 'tutoring' });
  });

  it('should create the profile with a unified volunteer number when a volunteer first saves it', async () => {
    const user = await registerUser(t);
    const res = await putProfile(t, user);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ...PROFILE,
      userId: user.id,
      employerOrganizationId: null,
      codeOfConductVersion: null,
      codeOfConductCurrent: false,
    });
    expect(res.body.volunteerNumber).toMatch(/^KV\d{4}\d{6}$/);
    const again = await putProfile(t, user, { skills: ['music'], monthlyHourCap: undefined, location: undefined });
    expect(again.body).toMatchObject({
      volunteerNumber: res.body.volunteerNumber,
      skills: ['music'],
      monthlyHourCap: null,
      location: null,
    });
    const read = await t.http().get('/api/v1/me/volunteer-profile').set(bearer(user));
    expect(read.body).toEqual(again.body);
    const audit = await t.db.query<{ action: string; diff: { fields: string[] } }>(
      "SELECT action, diff FROM audit_log WHERE entity_type = 'volunteer_profile' AND entity_id = $1 ORDER BY id",
      [user.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['volunteer_profile.created', 'volunteer_profile.updated']);
    expect(JSON.stringify(audit)).not.toContain('1998-05-20');
  });

  it('should give different numbers to volunteers who register at the same time', async () => {
    const users = await Promise.all([1, 2, 3, 4, 5, 6].map(() => registerUser(t)));
    const results = await Promise.all(users.map((u) => putProfile(t, u)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.volunteerNumber)).size).toBe(6);
  });

  it('should keep one profile and one number when the same volunteer saves twice at once', async () => {
    const user = await registerUser(t);
    const [a, b] = await Promise.all([putProfile(t, user), putProfile(t, user, { skills: ['music'] })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.volunteerNumber).toBe(b.body.volunteerNumber);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM volunteer_profiles WHERE user_id = $1', [user.id]);
    expect(rows[0].n).toBe(1);
  });

  it('should answer an empty, unsaved profile before the volunteer has saved one', async () => {
    const user = await registerUser(t);
    const res = await t.http().get('/api/v1/me/volunteer-profile').set(bearer(user));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userId: user.id,
      saved: false,
      volunteerNumber: null,
      regionCode: null,
      skills: [],
      availability: [],
    });
    const saved = await t
      .http()
      .put('/api/v1/me/volunteer-profile')
      .set(bearer(user))
      .send({ skills: [], languages: ['普通话'], regionCode: '430524', availability: [] });
    expect(saved.body).toMatchObject({ saved: true, regionCode: '430524', volunteerNumber: expect.stringMatching(/^KV\d+/) });
  });

  it('should accept a township code and refuse an unknown region naming regionCode', async () => {
    const user = await registerUser(t);
    expect((await putProfile(t, user, { regionCode: '430524201' })).body.regionCode).toBe('430524201');
    for (const regionCode of ['430524999', '999999', '4305', 'abc']) {
      const res = await putProfile(t, user, { regionCode });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'regionCode' })]);
    }
  });

  it.each([
    [{ skills: ['tutoring_math', 'juggling'] }, 'skills'],
    [{ availability: [{ weekday: 8, from: '09:00', to: '10:00' }] }, 'availability.0.weekday'],
    [{ availability: [{ weekday: 1, from: '10:00', to: '09:00' }] }, 'availability.0.to'],
    [{ availability: [{ weekday: 1, from: '9:00', to: '10:00' }] }, 'availability.0.from'],
    [{ location: { lat: 95, lng: 111 } }, 'location.lat'],
    [{ monthlyHourCap: 0 }, 'monthlyHourCap'],
    [{ birthDate: '2999-01-01' }, 'birthDate'],
    [{ birthDate: '20-05-1998' }, 'birthDate'],
    [{ employerOrganizationId: '00000000-0000-4000-8000-000000000000' }, 'employerOrganizationId'],
    [{ nickname: '小李' }, 'nickname'],
  ])('should refuse %j with a 400 naming %s', async (overrides, field) => {
    const user = await registerUser(t);
    const res = await putProfile(t, user, overrides);
    expect(res.status).toBe(400);
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  });

  it('should accept an employer only when the volunteer is a member of that company', async () => {
    const world = await createWorld(t);
    expect((await putProfile(t, world.company.employee, { employerOrganizationId: world.company.id })).body.employerOrganizationId).toBe(
      world.company.id,
    );
    expect((await putProfile(t, world.ngo.staff, { employerOrganizationId: world.ngo.id })).status).toBe(400);
    expect((await putProfile(t, world.volunteer, { employerOrganizationId: world.company.id })).status).toBe(400);
  });

  it('should record acceptance of the current code of conduct and refuse an outdated version', async () => {
    const current = await t.http().get('/api/v1/code-of-conduct');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ version: CURRENT_CODE_OF_CONDUCT, title: '儿童关爱志愿者行为守则' });
    expect(current.body.body).toContain('立即报告');

    const user = await registerUser(t);
    const before = await t.http().post('/api/v1/me/code-of-conduct/accept').set(bearer(user)).send({ version: CURRENT_CODE_OF_CONDUCT });
    expect(before.status).toBe(409);
    await putProfile(t, user);
    const old = await t.http().post('/api/v1/me/code-of-conduct/accept').set(bearer(user)).send({ version: '2025.1' });
    expect(old.status).toBe(409);
    expect(old.body.errors).toEqual([expect.objectContaining({ field: 'version' })]);
    const ok = await t.http().post('/api/v1/me/code-of-conduct/accept').set(bearer(user)).send({ version: CURRENT_CODE_OF_CONDUCT });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ codeOfConductVersion: CURRENT_CODE_OF_CONDUCT, codeOfConductCurrent: true });
    expect(ok.body.codeOfConductAcceptedAt).toEqual(expect.any(String));
  });

  it('should ask again when a newer code of conduct is published', async () => {
    const user = await registerUser(t);
    await putProfile(t, user);
    await t.http().post('/api/v1/me/code-of-conduct/accept').set(bearer(user)).send({ version: CURRENT_CODE_OF_CONDUCT });
    await t.db.query(
      `INSERT INTO code_of_conduct_versions (version, title, body, published_at) VALUES ('2099.1', '未来版本', '…', '2099-01-01T00:00:00Z')`,
    );
    // Not yet in force: the accepted version stays current.
    expect((await t.http().get('/api/v1/me/volunteer-profile').set(bearer(user))).body.codeOfConductCurrent).toBe(true);
    await t.db.query(`UPDATE code_of_conduct_versions SET published_at = now() - interval '1 minute' WHERE version = '2099.1'`);
    expect((await t.http().get('/api/v1/me/volunteer-profile').set(bearer(user))).body.codeOfConductCurrent).toBe(false);
    expect((await t.http().get('/api/v1/code-of-conduct')).body.version).toBe('2099.1');
    await t.db.query(`DELETE FROM code_of_conduct_versions WHERE version = '2099.1'`);
  });
});
