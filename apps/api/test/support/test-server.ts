import { resolve } from 'node:path';
import { Client } from 'pg';

/** Where the test PostgreSQL server is and which migrated template to clone (set by global-setup). */
export const ENV_SERVER_URL = 'KINDRED_TEST_SERVER_URL';
export const ENV_TEMPLATE = 'KINDRED_TEST_TEMPLATE';
/** The same server as the API's unprivileged role. */
export const ENV_APP_SERVER_URL = 'KINDRED_TEST_APP_SERVER_URL';
/**
 * The role every app under test connects as. Cluster-wide and shared by parallel runs on one server, so its
 * password is fixed (test-only; a test server must not be reachable from elsewhere).
 */
export const TEST_APP_ROLE = 'kindred_test_app';
export const TEST_APP_PASSWORD = 'kindred-test-app-not-a-secret';
// Below Linux's ephemeral range (32768–60999), so no test's outgoing connection can hold it.
export const TEST_EMBEDDED_PORT = 25432;
export const TEST_EMBEDDED_DIR = resolve(__dirname, '../../../../.data/pg-test');

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
