/* Started by jest's global setup as a child process: provides a PostgreSQL server (DATABASE_URL, or an embedded one)
 * and one migrated template database, prints them as one JSON line, and cleans up when its stdin closes. */
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { grantAppRole, provisionAppRole } from '../../src/database/app-role';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { adminQuery, TEST_APP_PASSWORD, TEST_APP_ROLE, TEST_EMBEDDED_DIR, TEST_EMBEDDED_PORT, withDatabase } from './test-server';

async function main(): Promise<void> {
  let embedded: EmbeddedPostgres | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: TEST_EMBEDDED_DIR, port: TEST_EMBEDDED_PORT, database: 'kindred_test' });
    serverUrl = embedded.url;
  }
  const template = `kindred_tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
  const ds = new DataSource(dataSourceOptions(withDatabase(serverUrl, template), 2));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  // Every app under test connects as the unprivileged role, so the whole suite proves its grants suffice.
  // CREATE DATABASE … TEMPLATE copies the grants into each file's database.
  const appServerUrl = await provisionAppRole(serverUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
  if (!appServerUrl) throw new Error('The test PostgreSQL role may not create roles; the tests need one that can');
  await grantAppRole((sql) => ds.query(sql), TEST_APP_ROLE);
  await ds.destroy();
  process.stdout.write(`${JSON.stringify({ serverUrl, appServerUrl, template })}\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    await embedded?.stop();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`test database server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
