import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestApp, type TestApp } from '../../support/app';
import { describeWithRedis } from '../../support/redis';

describeWithRedis('login throttling shared through Redis', (redisUrl) => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two replicas on one database and one Redis, as behind the load balancer.
    a = await startTestApp({ REDIS_URL: redisUrl, LOGIN_THROTTLE_LIMIT: '4' }, db);
    b = await startTestApp({ REDIS_URL: redisUrl, LOGIN_THROTTLE_LIMIT: '4' }, db);
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  it('should count attempts on one login across replicas when they share Redis', async () => {
    const login = `shared.${randomBytes(4).toString('hex')}@example.cn`;
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? a : b;
      const res = await app.http().post('/api/v1/auth/login').send({ login, password: 'Whatever-123' });
      statuses.push(res.status);
      retryAfter = res.headers['retry-after'];
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // The block's remaining time as Redis counts it, in whole seconds.
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
  });
});
