import { Controller, Get, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Public } from '../../../src/common/auth/policy.decorator';
import { ProblemFilter } from '../../../src/common/errors/problem.filter';
import { SpaFallback } from '../../../src/common/http/spa-fallback';
import { AppConfig } from '../../../src/config/app-config';
import { startTestApp, type TestApp } from '../../support/app';
import { bearer, registerUser } from '../../factories/identity.factory';

describe('problem+json errors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer 400 problem+json naming the field when a body value is invalid', async () => {
    const res = await t.http().post('/api/v1/auth/register').send({ email: 'not-an-email', password: 'Long-enough-pass-1', displayName: '张三' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed', title: expect.any(String), detail: expect.any(String) });
    expect(res.body.errors).toEqual([{ field: 'email', message: 'must be a valid e-mail address' }]);
  });

  it('should reject an unknown field when the body has one', async () => {
    const res = await t.http().post('/api/v1/auth/register').send({ email: 'a@example.cn', password: 'Long-enough-pass-1', displayName: '张三', isPlatformAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'isPlatformAdmin', message: 'unknown field' }]);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', ['a@example.cn']);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('should answer 400 malformed_body when the JSON cannot be parsed', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"login": "x", ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'malformed_body', status: 400 });
  });

  it('should answer 413 when the body is larger than the limit', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send(JSON.stringify({ login: 'x'.repeat(1_100_000), password: 'y' }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('should answer 404 route_not_found as problem+json when no route matches', async () => {
    const res = await t.http().get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'route_not_found', status: 404 });
  });

  it('should name a malformed id path parameter with 400', async () => {
    const user = await registerUser(t);
    const res = await t.http().get('/api/v1/organizations/not-a-uuid').set(bearer(user));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });
});

@Controller('boom')
class BoomController {
  @Get()
  @Public()
  boom(): never {
    throw new Error('SELECT secret FROM users -- something internal broke');
  }
}

@Module({ controllers: [BoomController] })
class BoomModule {}

describe('unexpected errors', () => {
  it('should answer 500 with only an errorId when a handler throws something unexpected', async () => {
    // A module that throws, behind the application's own exception filter, over real HTTP.
    const moduleRef = await Test.createTestingModule({
      imports: [BoomModule],
      providers: [
        { provide: AppConfig, useValue: { http: { adminDistDir: null } } },
        SpaFallback,
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    }).compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter());
    app.useLogger(false);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const res = await request(app.getHttpServer()).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal_error');
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|secret|stack|at /);
    expect(res.body.detail).toContain(res.body.errorId);
    await app.close();
  });
});
