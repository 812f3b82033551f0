// A fresh database for one bench run: on the server named by DATABASE_URL, or on an embedded PostgreSQL.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-pg.mjs';

export const EMBEDDED_PORT = 54333;

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Hides the password when a URL is printed. */
export function redactUrl(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Creates `bench_<random>`. Returns its URL, facts for the report, and `dispose()`, which drops the
 * database and stops the embedded server if one was started. `dispose()` is safe to call twice.
 */
export async function provisionDatabase({ root, log }) {
  let adminUrl = process.env.DATABASE_URL;
  let embedded = null;
  if (!adminUrl) {
    log(`starting embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PORT} (data in .data/pg-bench)`);
    embedded = await startEmbeddedPostgres({ dataDir: join(root, '.data/pg-bench'), port: EMBEDDED_PORT, log });
    adminUrl = embedded.adminUrl;
    // The embedded server belongs to the bench alone: drop databases left by an interrupted run.
    await withClient(adminUrl, async (client) => {
      const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_%'`);
      for (const { datname } of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  }
  const database = `bench_${randomBytes(6).toString('hex')}`;
  const serverVersion = await withClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE "${database}"`);
    return (await client.query('SHOW server_version')).rows[0].server_version;
  });
  log(`created database ${database} on ${redactUrl(adminUrl)}`);

  let disposed = false;
  return {
    url: withDatabase(adminUrl, database),
    database,
    mode: embedded ? 'embedded' : 'server',
    serverVersion,
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
        log(`dropped database ${database}`);
      } finally {
        if (embedded) {
          await embedded.stop();
          log('stopped embedded PostgreSQL');
        }
      }
    },
  };
}
