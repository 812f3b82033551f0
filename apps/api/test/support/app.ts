import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/bootstrap';
import { AppConfig } from '../../src/config/app-config';
import { validateEnvironment } from '../../src/config/env.schema';
import { createTestDatabase, type TestDatabase } from './database';

export const TEST_ADMIN = { login: 'admin@kindred.test', password: 'Admin-pass-for-tests-1' };

/** Encrypts children's identity fields in test apps (32 bytes, hex). */
export const TEST_CHILD_DATA_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

/** Every test app logs at debug level here; `npm test` scans the folder for personal data and secrets afterwards. */
export const TEST_LOG_DIR = join(__dirname, '../../../../test-artifacts/logs');

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  /** Base URL once `listen()` was called (for socket.io clients). */
  url: string | null;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole API on a fresh database. Environment overrides go through the same
 * validation as production start-up.
 */
export async function startTestApp(env: Record<string, string> = {}, existingDb?: TestDatabase): Promise<TestApp> {
  const db = existingDb ?? (await createTestDatabase());
  const validated = validateEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    LOG_FILE: join(TEST_LOG_DIR, `${db.name}.log`),
    DATA_DIR: join(tmpdir(), `kindred-test-${db.name}`),
    DEMO_DATA: 'false',
    ADMIN_LOGIN: TEST_ADMIN.login,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOGIN_THROTTLE_LIMIT: '1000',
    ...env,
  });
  const config = AppConfig.from(validated, {
    databaseUrl: db.appUrl,
    migrationDatabaseUrl: db.url,
    embedded: false,
    jwtSecret: 'test-access-secret-0123456789abcdef0123456789',
    jwtRefreshSecret: 'test-refresh-secret-0123456789abcdef012345678',
    childDataKey: validated.CHILD_DATA_KEY ?? TEST_CHILD_DATA_KEY,
  });
  const app = await createApp(config, { bufferLogs: false, runMigrations: false, seedDemoData: false });
  await app.getHttpAdapter().getInstance().ready();
  const testApp: TestApp = {
    app,
    db,
    config,
    url: null,
    http: () => request(app.getHttpServer()),
    async listen() {
      await app.listen(0, '127.0.0.1');
      testApp.url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      return testApp.url;
    },
    async close() {
      await app.close();
      if (!existingDb) await db.drop();
    },
  };
  return testApp;
}
