import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestApp, type TestApp } from '../../support/app';
import { TcpProxy } from '../../support/tcp-proxy';

async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('health', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  const adminDist = mkdtempSync(join(tmpdir(), 'kindred-admin-dist-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = new URL(db.appUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    writeFileSync(join(adminDist, 'index.html'), '<!doctype html><title>Kindred</title><div id="root"></div>');
    writeFileSync(join(adminDist, 'app.js'), 'export {};');
    t = await startTestApp({ ADMIN_DIST_DIR: adminDist }, { ...db, appUrl: viaProxy.toString() });
  });

  afterAll(async () => {
    await t.close();
    await proxy.stop();
    await db.drop();
    rmSync(adminDist, { recursive: true, force: true });
  });

  it('should answer 200 with db up when the database is reachable', async () => {
    const res = await t.http().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'up' });
  });

  it('should answer 503 when the database goes away and 200 again when it returns, without a restart', async () => {
    await proxy.cut();
    const down = await waitFor(
      () => t.http().get('/api/v1/health'),
      (r) => r.status === 503,
    );
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', db: 'down' });
    expect(down.headers['retry-after']).toMatch(/^[1-9]\d*$/);

    await proxy.restore();
    const up = await waitFor(
      () => t.http().get('/api/v1/health'),
      (r) => r.status === 200,
    );
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', db: 'up' });
  });

  it('should serve the OpenAPI document generated from the code', async () => {
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/me', '/api/v1/organizations']),
    );
    const ui = await t.http().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('should serve the admin client at / and fall back to index.html for client routes', async () => {
    const root = await t.http().get('/');
    expect(root.status).toBe(200);
    expect(root.text).toContain('<div id="root">');
    const deep = await t.http().get('/needs/123/roster').set('accept', 'text/html');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="root">');
    const asset = await t.http().get('/app.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('export {};');
    const api = await t.http().get('/api/v1/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('route_not_found');
  });
});
