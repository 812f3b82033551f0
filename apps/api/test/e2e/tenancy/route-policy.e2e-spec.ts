import { Reflector } from '@nestjs/core';
import { AuthGuard } from '../../../src/common/auth/auth.guard';
import { listRoutes } from '../../support/routes';
import { startTestApp, type TestApp } from '../../support/app';

describe('route policies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should find the application routes when it walks the router', () => {
    const keys = listRoutes(t.app).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['GET /api/v1/health', 'POST /api/v1/auth/login', 'GET /api/v1/me']));
  });

  it('should declare an access policy on every route when the router is walked', () => {
    const missing = listRoutes(t.app)
      .filter((r) => r.policy === undefined)
      .map((r) => `${r.key} (${r.handler})`);
    expect(missing).toEqual([]);
  });

  it('should refuse a route that has no policy when one slips through', async () => {
    // The guard itself denies by default; the walk above keeps such routes from existing.
    const guard = new AuthGuard(new Reflector());
    const context = {
      getType: () => 'http',
      getHandler: () => function undeclared() {},
      getClass: () => class Undeclared {},
      switchToHttp: () => ({ getRequest: () => ({ headers: {} }) }),
    };
    await expect(guard.canActivate(context as never)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
