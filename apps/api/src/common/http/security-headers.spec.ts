import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { CERTIFICATE_PRINT_HANDLER, securityHeaders } from './security-headers';

async function headersFor(isProduction: boolean): Promise<Record<string, unknown>> {
  const app = Fastify();
  await app.register(fastifyHelmet, securityHeaders(isProduction));
  app.get('/', () => ({ ok: true }));
  const res = await app.inject({ method: 'GET', url: '/', headers: { host: 'kindred.example.cn' } });
  await app.close();
  return res.headers;
}

describe('securityHeaders', () => {
  it('should send HSTS and upgrade-insecure-requests when running in production', async () => {
    const headers = await headersFor(true);
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('should send neither when not in production', async () => {
    const headers = await headersFor(false);
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(String(headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });

  it("should allow the certificate's print handler by its hash and no other inline script", async () => {
    const policy = String((await headersFor(false))['content-security-policy']);
    const scriptSrc = /script-src ([^;]+)/.exec(policy)![1].split(' ');
    const hash = `'sha256-${createHash('sha256').update(CERTIFICATE_PRINT_HANDLER).digest('base64')}'`;
    expect(scriptSrc).toEqual(["'self'", "'unsafe-hashes'", hash]);
    expect(policy).toContain("connect-src 'self' ws://kindred.example.cn wss://kindred.example.cn");
  });
});
