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
import { bearer, createOrganization, registerUser, type TestUser } from '../../factories/identity.factory';
import { createGoodsNeed, pledge } from '../../factories/giving.factory';
import { createNeed, TUTORING } from '../../factories/needs.factory';

describe('problem+json errors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer 400 problem+json naming the field with a code when a body value is invalid', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/register')
      .send({ email: 'not-an-email', password: 'Long-enough-pass-1', displayName: '张三' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed', title: expect.any(String), detail: expect.any(String) });
    expect(res.body.errors).toEqual([{ field: 'email', message: 'must be a valid e-mail address', code: 'invalid_format' }]);
  });

  it('should reject an unknown field when the body has one', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/register')
      .send({ email: 'a@example.cn', password: 'Long-enough-pass-1', displayName: '张三', isPlatformAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'isPlatformAdmin', message: 'unknown field', code: 'not_allowed' }]);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', ['a@example.cn']);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('should name an empty field name when the body has one', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ login: 'x', password: 'y', '': null });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: '""', message: 'unknown field', code: 'not_allowed' }]);
  });

  it('should answer 400 malformed_body when the JSON cannot be parsed', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"login": "x", ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'malformed_body', status: 400 });
  });

  it('should answer 413 when the body is larger than the limit', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ login: 'x'.repeat(1_100_000), password: 'y' }));
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
    expect(res.body.errors).toEqual([{ field: 'id', message: 'must be a UUID', code: 'invalid_format' }]);
  });

  it('should answer the router’s own refusals as coded problems when the path is not UTF-8 or a segment is too long', async () => {
    const badUrl = await t.http().get('/api/v1/organizations/%E0%A4%A');
    expect(badUrl.status).toBe(400);
    expect(badUrl.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(badUrl.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'path', code: 'invalid_format' }] });
    const tooLong = await t.http().get(`/api/v1/organizations/${'a'.repeat(500)}`);
    expect(tooLong.status).toBe(414);
    expect(tooLong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooLong.body).toMatchObject({ code: 'uri_too_long', status: 414 });
  });
});

describe('input PostgreSQL cannot store', () => {
  let t: TestApp;
  let owner: TestUser;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t);
    orgId = await createOrganization(t, owner, { verified: true });
  });

  afterAll(async () => {
    await t.close();
  });

  function expectFieldProblem(
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    field: string,
    message: RegExp,
  ): void {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message), code: expect.any(String) }]));
  }

  it('should answer 400 naming displayName when PATCH /me sets a NOT NULL field to null', async () => {
    const res = await t.http().patch('/api/v1/me').set(bearer(owner)).send({ displayName: null });
    expectFieldProblem(res, 'displayName', /must not be null/);
    // Only that: the string and length rules a null also breaks would only confuse.
    expect(res.body.errors).toEqual([{ field: 'displayName', message: 'must not be null; leave the field out instead', code: 'required' }]);
    const me = await t.http().get('/api/v1/me').set(bearer(owner));
    expect(me.body.displayName).toBe(owner.displayName);
  });

  it('should answer 400 naming locale when PATCH /me sets it to null', async () => {
    expectFieldProblem(await t.http().patch('/api/v1/me').set(bearer(owner)).send({ locale: null }), 'locale', /must not be null/);
  });

  it('should answer 400 naming the field when a string holds NUL', async () => {
    expectFieldProblem(await t.http().patch('/api/v1/me').set(bearer(owner)).send({ displayName: 'a\u0000b' }), 'displayName', /NUL/);
    const org = await t
      .http()
      .post('/api/v1/organizations')
      .set(bearer(owner))
      .send({ kind: 'ngo', name: '机构\u0000', regionCode: '430524' });
    expectFieldProblem(org, 'name', /NUL/);
  });

  it('should answer 400 naming login when a sign-in holds NUL, although the login guard runs before the pipes', async () => {
    expectFieldProblem(await t.http().post('/api/v1/auth/login').send({ login: 'a\u0000@example.cn', password: 'x' }), 'login', /NUL/);
  });

  it('should answer 400 naming the field when a string holds a lone surrogate', async () => {
    // JSON.stringify would escape it as \ud800, which JSON.parse turns back into a lone surrogate.
    const need = await t
      .http()
      .post('/api/v1/needs')
      .set(bearer(owner))
      .send({ ...TUTORING, organizationId: orgId, title: '辅导\ud800' });
    expectFieldProblem(need, 'title', /surrogate/);
    const draft = await createNeed(t, owner, orgId);
    const patch = await t.http().patch(`/api/v1/needs/${draft.id}`).set(bearer(owner)).send({ description: 'x\udfff' });
    expectFieldProblem(patch, 'description', /surrogate/);
  });

  it('should name the nested path when a goods line holds NUL', async () => {
    const res = await t
      .http()
      .post('/api/v1/needs')
      .set(bearer(owner))
      .send({
        ...TUTORING,
        type: 'goods',
        organizationId: orgId,
        items: [
          { name: '冬衣', unit: '件', quantity: 2 },
          { name: '书\u0000', unit: '本', quantity: 1 },
        ],
      });
    expectFieldProblem(res, 'items[1].name', /NUL/);
  });

  it('should answer 400 naming the query parameter when it holds NUL', async () => {
    expectFieldProblem(await t.http().get('/api/v1/needs?regionCode=43%00').set(bearer(owner)), 'regionCode', /NUL/);
  });

  it('should answer 400 naming description when a usage description holds NUL', async () => {
    const goods = await createGoodsNeed(t, owner, orgId);
    const donor = await registerUser(t);
    const pledged = await pledge(t, donor, { needId: goods.id, kind: 'goods', lines: [{ itemId: goods.items[0].id, quantity: 1 }] });
    expect(pledged.status).toBe(201);
    const res = await t
      .http()
      .post(`/api/v1/pledges/${pledged.body.id as string}/usages`)
      .set(bearer(owner))
      .send({
        lines: [{ itemId: goods.items[0].id, quantity: 1 }],
        description: '文具\u0000',
        beneficiaryCount: 1,
        usedAt: '2026-12-01T09:00:00+08:00',
      });
    expectFieldProblem(res, 'description', /NUL/);
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
