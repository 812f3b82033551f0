import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runLedgerChecks } from '../../src/modules/giving/sql/ledger-checks';
import { adminQuery, ENV_APP_SERVER_URL, ENV_SERVER_URL, ENV_TEMPLATE, withDatabase } from './test-server';

export interface TestDatabase {
  name: string;
  /** The owner's URL (migrations, inspection, fault injection). */
  url: string;
  /** The URL apps under test connect with: the unprivileged API role. */
  appUrl: string;
  /** Runs SQL as the owner (e.g. to inspect rows or to try what the app must not do). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs the giving ledger's invariant checks, then drops the database; fails the file when a check fails. */
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template (fast, isolated, parallel-safe). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[ENV_SERVER_URL];
  const template = process.env[ENV_TEMPLATE];
  const appServerUrl = process.env[ENV_APP_SERVER_URL];
  if (!serverUrl || !template || !appServerUrl) throw new Error('The integration/e2e global setup did not run');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = withDatabase(serverUrl, name);
  const client = new Client({ connectionString: url });
  await client.connect();
  // One connection: a spec's parallel reads (Promise.all) take turns instead of queueing inside pg, which is deprecated.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    name,
    url,
    appUrl: withDatabase(appServerUrl, name),
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      const result = turn.then(() => client.query(sql, params));
      turn = result.catch(() => undefined);
      return (await result).rows as T[];
    },
    async drop(): Promise<void> {
      // Every test file that used a database leaves the giving ledger balanced.
      const violations = await runLedgerChecks(async (sql) => (await client.query<{ id: string }>(sql)).rows);
      await client.end().catch(() => undefined);
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (violations.length > 0) throw new Error(`ledger checks failed: ${JSON.stringify(violations)}`);
    },
  };
}
