import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { bearer, createWorld } from '../../factories/identity.factory';
import { startTestApp, type TestApp } from '../../support/app';

/** The parts of a policy, by directive. */
function csp(res: Response): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectCommonHeaders(res: Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-frame-options']).toBe('DENY');
  // HSTS only in production: a developer's browser must not pin HTTPS for 127.0.0.1.
  expect(res.headers['strict-transport-security']).toBeUndefined();
}

function expectAppPolicy(res: Response): void {
  const policy = csp(res);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('script-src')).toContain("'self'");
  expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(policy.get('connect-src')).toEqual(expect.arrayContaining(["'self'", expect.stringMatching(/^wss:\/\/127\.0\.0\.1:\d+$/)]));
}

describe('security headers', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const adminDist = mkdtempSync(join(tmpdir(), 'kindred-admin-dist-'));

  beforeAll(async () => {
    // What `vite build` writes: module scripts and styles by URL, nothing inline.
    mkdirSync(join(adminDist, 'assets'));
    writeFileSync(
      join(adminDist, 'index.html'),
      '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>Kindred</title>' +
        '<script type="module" crossorigin src="/assets/index-a1b2.js"></script>' +
        '<link rel="stylesheet" crossorigin href="/assets/index-c3d4.css"></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(adminDist, 'assets', 'index-a1b2.js'), 'export {};');
    t = await startTestApp({ ADMIN_DIST_DIR: adminDist });
    world = await createWorld(t);
    await t.listen();
  });

  afterAll(async () => {
    await t.close();
    rmSync(adminDist, { recursive: true, force: true });
  });

  it('should send the app policy with the admin client when / and a client route are opened', async () => {
    for (const path of ['/', '/needs/123', '/assets/index-a1b2.js']) {
      const res = await t
        .http()
        .get(path)
        .set('Host', `127.0.0.1:${new URL(t.url!).port}`);
      expect(res.status).toBe(200);
      expectCommonHeaders(res);
      expectAppPolicy(res);
    }
  });

  it('should send the same headers with API answers and errors', async () => {
    const health = await t
      .http()
      .get('/api/v1/health')
      .set('Host', `127.0.0.1:${new URL(t.url!).port}`);
    expect(health.status).toBe(200);
    expectCommonHeaders(health);
    expectAppPolicy(health);
    const missing = await t.http().get('/api/v1/no-such-route');
    expect(missing.status).toBe(404);
    expectCommonHeaders(missing);
    expect(csp(missing).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('should leave a forged Host header out of the policy', async () => {
    const res = await t.http().get('/api/v1/health').set('Host', 'evil.example; script-src *');
    const policy = csp(res);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).not.toContain('*');
  });

  it('should serve Swagger UI whose scripts the policy allows when /api/docs is opened', async () => {
    const docs = await t.http().get('/api/docs');
    expect(docs.status).toBe(200);
    expectCommonHeaders(docs);
    expectAppPolicy(docs);
    const html = docs.text;
    // Every script is loaded by URL from the same origin: nothing inline for script-src 'self' to block.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="[^"]+"/);
      expect(body.trim()).toBe('');
      const src = /\bsrc="([^"]+)"/.exec(attributes)![1];
      expect(src).not.toMatch(/^(https?:)?\/\//);
      const script = await t.http().get(new URL(src, 'http://127.0.0.1/api/docs/').pathname);
      expect(script.status).toBe(200);
    }
    expect(html).not.toMatch(/\son[a-z]+="/);
    const init = await t.http().get('/api/docs/swagger-ui-init.js');
    expect(init.text).toMatch(/"validatorUrl":\s*null/);
    expect((await t.http().get('/api/docs-json')).status).toBe(200);
  });

  it('should sandbox evidence and send a PDF as an attachment when it is downloaded', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([200, 200]);
    const pdfUp = await t
      .http()
      .post(`/api/v1/evidence?organizationId=${world.ngo.id}`)
      .set(bearer(world.ngo.coordinator))
      .attach('file', Buffer.from(await pdf.save()), 'receipt.pdf');
    expect(pdfUp.status).toBe(201);
    const pdfFile = await t.http().get(pdfUp.body.url as string);
    expect(pdfFile.status).toBe(200);
    expect(pdfFile.headers['content-type']).toBe('application/pdf');
    expect(pdfFile.headers['content-security-policy']).toBe('sandbox');
    expect(pdfFile.headers['content-disposition']).toBe(`attachment; filename="evidence-${pdfUp.body.id as string}.pdf"`);
    expectCommonHeaders(pdfFile);

    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const imageUp = await t
      .http()
      .post(`/api/v1/evidence?organizationId=${world.ngo.id}`)
      .set(bearer(world.ngo.coordinator))
      .attach('file', png, 'a.png');
    const image = await t.http().get(imageUp.body.url as string);
    expect(image.status).toBe(200);
    expect(image.headers['content-security-policy']).toBe('sandbox');
    expect(image.headers['content-disposition']).toBe('inline');
    expectCommonHeaders(image);
  });
});
