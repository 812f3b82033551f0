import { bearer, registerUser, type TestUser } from '../../factories/identity.factory';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestApp, type TestApp } from '../../support/app';
import { TcpProxy } from '../../support/tcp-proxy';

describe('database away', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    // The app connects as the application role: that is the connection the proxy cuts.
    const viaProxy = new URL(db.appUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    t = await startTestApp({}, { ...db, appUrl: viaProxy.toString() });
    user = await registerUser(t);
  });

  afterAll(async () => {
    await t.close();
    await proxy.stop();
    await db.drop();
  });

  it('should answer 503 service_unavailable with Retry-After, not 500, when the database is unreachable', async () => {
    await proxy.cut();
    try {
      const refresh = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken });
      expect(refresh.status).toBe(503);
      expect(refresh.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refresh.body).toMatchObject({ code: 'service_unavailable', status: 503 });
      expect(refresh.body).not.toHaveProperty('errorId');
      expect(refresh.headers['retry-after']).toMatch(/^[1-9]\d*$/);

      const write = await t.http().patch('/api/v1/me').set(bearer(user)).send({ displayName: '新名字' });
      expect(write.status).toBe(503);
      expect(write.body.code).toBe('service_unavailable');
      expect(write.headers['retry-after']).toMatch(/^[1-9]\d*$/);

      const health = await t.http().get('/api/v1/health');
      expect(health.status).toBe(503);
    } finally {
      await proxy.restore();
    }
  }, 60_000);

  it('should answer normally again when the database returns, without a restart', async () => {
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i += 1) {
      status = (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  }, 60_000);
});
