import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Inject, Module, Param, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Public } from '../../../src/common/auth/policy.decorator';
import { ProblemFilter } from '../../../src/common/errors/problem.filter';
import { SpaFallback } from '../../../src/common/http/spa-fallback';
import { AppConfig } from '../../../src/config/app-config';
import { registerUser, uniqueEmail, uniquePhone } from '../../factories/identity.factory';
import { startTestApp, TEST_LOG_DIR, type TestApp } from '../../support/app';

const DATA_SOURCE = Symbol('DataSource');

/**
 * Handlers that exist only in this test: real SQL against a real users row,
 * failing the way a service bug would, so the error reaches the filter with
 * PostgreSQL's "Failing row contains (…)" and the SQL on it.
 */
@Controller('leak')
class LeakController {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** NOT NULL violation: the driver error's detail holds the whole row (e-mail, phone, password hash). */
  @Post('not-null/:id')
  @Public()
  async notNull(@Param('id') id: string): Promise<void> {
    await this.db.query('UPDATE users SET display_name = NULL WHERE id = $1', [id]);
  }

  /** An error no mapping knows (a trigger-style RAISE), carrying the row in message and detail: the unexpected path. */
  @Post('raise/:id')
  @Public()
  async raise(@Param('id') id: string): Promise<void> {
    const literal = id.replace(/[^0-9a-f-]/g, '');
    await this.db.query(
      `DO $$ DECLARE r users; BEGIN SELECT * INTO r FROM users WHERE id = '${literal}';
         RAISE EXCEPTION 'refused %', r USING DETAIL = format('Failing row contains %s', r); END $$`,
    );
  }
}

describe('personal data in error logs', () => {
  let t: TestApp;
  let leakApp: NestFastifyApplication;
  let dataSource: DataSource;
  let logFile: string;
  const email = uniqueEmail('leak.victim');
  const phone = uniquePhone();
  let userId: string;
  let passwordHash: string;

  beforeAll(async () => {
    t = await startTestApp();
    userId = (await registerUser(t, { email, phone, displayName: '李华' })).id;
    passwordHash = (await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [userId]))[0]
      .password_hash;
    dataSource = await new DataSource({ type: 'postgres', url: t.db.url }).initialize();
    // The application's own exception filter, logging through the application's own pino logger
    // into the file `npm test` scans afterwards.
    logFile = join(TEST_LOG_DIR, `${t.db.name}.log`);
    @Module({ controllers: [LeakController], providers: [{ provide: DATA_SOURCE, useValue: dataSource }] })
    class LeakModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [LeakModule],
      providers: [{ provide: AppConfig, useValue: t.config }, SpaFallback, { provide: APP_FILTER, useClass: ProblemFilter }],
    }).compile();
    leakApp = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    leakApp.useLogger(t.app.get(Logger));
    await leakApp.init();
    await leakApp.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await leakApp.close();
    await dataSource.destroy();
    await t.close();
  });

  const logLines = (): string[] => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : []);

  function expectClean(text: string): void {
    expect(passwordHash).toMatch(/^\$argon2/);
    expect(text).not.toContain(email);
    expect(text).not.toContain(phone);
    expect(text).not.toContain(passwordHash);
    expect(text).not.toMatch(/\$argon2|Failing row contains|UPDATE users|SELECT \*|display_name = NULL/);
  }

  it('should answer a problem and log only the SQLSTATE and names when a NOT NULL violation carries the row', async () => {
    const res = await request(leakApp.getHttpServer()).post(`/leak/not-null/${userId}`);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'value_rejected', status: 422 });
    expectClean(JSON.stringify(res.body));

    const line = logLines().find((l) => l.includes('"ProblemFilter"') && l.includes('23502'));
    expect(line).toBeDefined();
    const entry = JSON.parse(line!) as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({ code: '23502', table: 'users', column: 'display_name' });
    expect(entry.err).not.toHaveProperty('detail');
    expect(entry.err).not.toHaveProperty('query');
    expect(entry.err).not.toHaveProperty('parameters');
    expect(entry.err).not.toHaveProperty('driverError');
    expectClean(line!);
  });

  it('should answer 500 with an errorId and log no personal data when an unmapped database error carries the row', async () => {
    const res = await request(leakApp.getHttpServer()).post(`/leak/raise/${userId}`);
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'internal_error', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expectClean(JSON.stringify(res.body));

    const line = logLines().find((l) => l.includes(res.body.errorId as string) && l.includes('"err"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 50, err: { code: 'P0001' } });
    expectClean(line!);
  });

  it('should keep every line of this file free of the victim data when the whole log is read', () => {
    expectClean(logLines().join('\n'));
  });
});
