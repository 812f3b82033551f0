import { JwtService } from '@nestjs/jwt';
import { bearer, login, registerUser, TEST_PASSWORD, uniqueEmail, uniquePhone } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

describe('accounts and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should register by mainland mobile number stored normalised when it is written with +86 and dashes', async () => {
    const phone = uniquePhone();
    const written = `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
    const res = await t.http().post('/api/v1/auth/register').send({ phone: written, password: TEST_PASSWORD, displayName: '王小明' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ phone, email: null, displayName: '王小明', locale: 'zh-CN' });
    const again = await login(t, phone, TEST_PASSWORD);
    expect(again.id).toBe(res.body.user.id);
  });

  it('should log in by e-mail case-insensitively when the e-mail was registered in lower case', async () => {
    const email = uniqueEmail('case');
    const user = await registerUser(t, { email });
    const res = await t.http().post('/api/v1/auth/login').send({ login: email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
  });

  it('should answer 409 login_taken to all but one when the same e-mail registers in parallel', async () => {
    const email = uniqueEmail('race');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD, displayName: '并发' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'login_taken')).toBe(true);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(rows[0].n).toBe(1);
  });

  it.each([
    [{ email: 'x@example.cn', password: 'short', displayName: '甲' }, 'password', 'weak_password'],
    [{ email: 'y@example.cn', password: 'password123', displayName: '甲' }, 'password', 'weak_password'],
    [{ email: 'z@example.cn', password: TEST_PASSWORD, displayName: '长'.repeat(61) }, 'displayName', 'validation_failed'],
    [{ phone: '12345', password: TEST_PASSWORD, displayName: '甲' }, 'phone', 'validation_failed'],
    [{ email: 'no-at-sign', password: TEST_PASSWORD, displayName: '甲' }, 'email', 'validation_failed'],
    [{ email: 'w@example.cn', password: 12345678901, displayName: '甲' }, 'password', 'validation_failed'],
    [{ password: TEST_PASSWORD, displayName: '甲' }, 'email', 'validation_failed'],
  ])('should answer 400 naming the field when the body is %j', async (body, field, code) => {
    const res = await t.http().post('/api/v1/auth/register').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  });

  it('should answer 400 naming the field when login is sent without a password', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ login: 'someone@example.cn' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
  });

  it('should rotate the refresh token and revoke the whole family when a spent token is reused', async () => {
    const user = await registerUser(t);
    const first = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);

    const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('refresh_reused');

    // The token handed out by the legitimate rotation died with the family, and so did its access token.
    const next = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('refresh_invalid');
    const me = await t.http().get('/api/v1/me').set(bearer(first.body));
    expect(me.status).toBe(401);
  });

  it('should let exactly one of two parallel refreshes with one token win', async () => {
    const user = await registerUser(t);
    const answers = await Promise.all([1, 2].map(() => t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
  });

  it('should refuse the refresh token and the access token when the session was logged out', async () => {
    const user = await registerUser(t);
    expect((await t.http().get('/api/v1/me').set(bearer(user))).status).toBe(200);
    const out = await t.http().post('/api/v1/auth/logout').send({ refreshToken: user.refreshToken });
    expect(out.status).toBe(204);
    const refresh = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(refresh.status).toBe(401);
    const me = await t.http().get('/api/v1/me').set(bearer(user));
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('unauthorized');
  });

  it('should refuse an expired access token with token_expired', async () => {
    const user = await registerUser(t);
    const claims = JSON.parse(Buffer.from(user.accessToken.split('.')[1], 'base64url').toString()) as { sub: string; sid: string };
    const expired = new JwtService().sign(
      { sub: claims.sub, sid: claims.sid, typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 },
      { secret: t.config.auth.jwtSecret },
    );
    const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_expired');
  });

  it('should refuse a token signed with another secret', async () => {
    const user = await registerUser(t);
    const claims = JSON.parse(Buffer.from(user.accessToken.split('.')[1], 'base64url').toString()) as object;
    const forged = new JwtService().sign(claims, { secret: 'x'.repeat(40) });
    const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
  });

  it('should keep access tokens short-lived when one is issued', async () => {
    const user = await registerUser(t);
    const { exp, iat } = JSON.parse(Buffer.from(user.accessToken.split('.')[1], 'base64url').toString()) as { exp: number; iat: number };
    expect(exp - iat).toBeLessThanOrEqual(15 * 60);
  });

  it('should store refresh tokens only as hashes', async () => {
    const user = await registerUser(t);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [user.refreshToken]);
    expect(rows[0].n).toBe(0);
  });
});

describe('login abuse', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_THROTTLE_LIMIT: '8', LOCKOUT_THRESHOLD: '3', LOCKOUT_SECONDS: '600' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer an unknown login, a wrong password and a locked account identically', async () => {
    const user = await registerUser(t);
    const strip = (body: Record<string, unknown>): Record<string, unknown> => ({ ...body, instance: undefined });
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ login: uniqueEmail('nobody'), password: 'Whatever-123' });
    const wrong = await t.http().post('/api/v1/auth/login').send({ login: user.login, password: 'Whatever-123' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.body.code).toBe('invalid_credentials');

    // Two more failures reach the threshold of 3; then even the right password is refused, the same way.
    await t.http().post('/api/v1/auth/login').send({ login: user.login, password: 'Whatever-123' });
    await t.http().post('/api/v1/auth/login').send({ login: user.login, password: 'Whatever-123' });
    const locked = await t.http().post('/api/v1/auth/login').send({ login: user.login, password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(strip(locked.body)).toEqual(strip(wrong.body));
    const rows = await t.db.query<{ locked: boolean }>('SELECT locked_until > now() AS locked FROM users WHERE id = $1', [user.id]);
    expect(rows[0].locked).toBe(true);

    // When the lock has run out, the right password works again and the counter resets.
    await t.db.query("UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1", [user.id]);
    const after = await t.http().post('/api/v1/auth/login').send({ login: user.login, password: TEST_PASSWORD });
    expect(after.status).toBe(200);
    const reset = await t.db.query<{ failed_login_count: number }>('SELECT failed_login_count FROM users WHERE id = $1', [user.id]);
    expect(reset[0].failed_login_count).toBe(0);
  });

  it('should throttle repeated attempts on one login with 429 when they exceed the limit', async () => {
    const target = uniqueEmail('throttled');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await t.http().post('/api/v1/auth/login').send({ login: target, password: 'Whatever-123' })).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
    const res = await t.http().post('/api/v1/auth/login').send({ login: target, password: 'Whatever-123' });
    expect(res.body.code).toBe('too_many_requests');
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    // Clients (and proxies) learn when to come back: whole seconds, within the throttle window.
    expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(t.config.auth.loginThrottleTtlSeconds);
  });

  it('should throttle one address across many logins when it exceeds five times the per-login limit', async () => {
    const fresh = await startTestApp({ LOGIN_THROTTLE_LIMIT: '2' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push(
          (
            await fresh
              .http()
              .post('/api/v1/auth/login')
              .send({ login: uniqueEmail(`ip${i}`), password: 'Whatever-123' })
          ).status,
        );
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await fresh.close();
    }
  });
});
