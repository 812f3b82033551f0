import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { rolePrivileges } from '../../../src/database/app-role';
import { dataSourceOptions } from '../../../src/database/data-source-options';
import { MigrationService, PrivilegedDatabaseRoleError } from '../../../src/database/migration.service';
import { AppConfig } from '../../../src/config/app-config';
import { NodeEnv, validateEnvironment } from '../../../src/config/env.schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';

// The append-only triggers raise 42501 too, so the messages tell a refused grant from a trigger.
const NO_GRANT = /^42501 permission denied for (table|schema) /;
const NOT_OWNER = /^42501 must be owner of table /;

/** How a statement ends as the API role: 'ok', or the PostgreSQL error code and message. */
async function outcome(client: Client, sql: string): Promise<string> {
  try {
    await client.query(sql);
    return 'ok';
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code} ${message}`;
  }
}

function configFor(env: NodeEnv, url: string, migrationUrl: string): AppConfig {
  const secrets = { jwtSecret: 'x'.repeat(40), jwtRefreshSecret: 'y'.repeat(40), childDataKey: 'a'.repeat(64) };
  const validated = validateEnvironment({
    NODE_ENV: env,
    DATABASE_URL: url,
    MIGRATION_DATABASE_URL: migrationUrl,
    JWT_SECRET: secrets.jwtSecret,
    JWT_REFRESH_SECRET: secrets.jwtRefreshSecret,
    CHILD_DATA_KEY: secrets.childDataKey,
  });
  return AppConfig.from(validated, { databaseUrl: url, migrationDatabaseUrl: migrationUrl, embedded: false, ...secrets });
}

describe('the API database role', () => {
  let db: TestDatabase;
  let app: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = new Client({ connectionString: db.appUrl });
    await app.connect();
    await db.query(`INSERT INTO audit_log (action, entity_type, entity_id, diff) VALUES ('test.row', 'test', 'x', '{}')`);
  });

  afterAll(async () => {
    await app.end();
    await db.drop();
  });

  it('should be neither superuser nor owner of any table when the API connects', async () => {
    const me = await rolePrivileges(async <T>(sql: string) => (await app.query(sql)).rows as T[]);
    expect(me).toEqual({ role: 'kindred_test_app', superuser: false, ownsTables: false, canCreateRoles: false });
  });

  it.each(['audit_log', 'pledge_ledger_entries', 'pledge_ledger_lines'])(
    'should refuse UPDATE, DELETE, TRUNCATE and DISABLE TRIGGER on %s when connected as the API role',
    async (table) => {
      expect(await outcome(app, `SELECT count(*) FROM ${table}`)).toBe('ok');
      expect(await outcome(app, `UPDATE ${table} SET id = id`)).toMatch(NO_GRANT);
      expect(await outcome(app, `DELETE FROM ${table}`)).toMatch(NO_GRANT);
      expect(await outcome(app, `TRUNCATE ${table}`)).toMatch(NO_GRANT);
      expect(await outcome(app, `ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toMatch(NOT_OWNER);
      expect(await outcome(app, `ALTER TABLE ${table} DISABLE TRIGGER USER`)).toMatch(NOT_OWNER);
    },
  );

  it('should keep audit rows unchanged after the refused statements when connected as the API role', async () => {
    const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.row'`);
    expect(rows[0].n).toBe(1);
  });

  it('should refuse to switch triggers off for the session when connected as the API role', async () => {
    expect(await outcome(app, 'SET session_replication_role = replica')).toMatch(
      /^42501 permission denied to set parameter "session_replication_role"/,
    );
    const { rows } = await app.query<{ session_replication_role: string }>('SHOW session_replication_role');
    expect(rows[0].session_replication_role).toBe('origin');
  });

  it('should refuse TRUNCATE, ALTER and DROP on ordinary tables and writes to the migrations table when connected as the API role', async () => {
    expect(await outcome(app, 'TRUNCATE events')).toMatch(NO_GRANT);
    expect(await outcome(app, 'ALTER TABLE users ADD COLUMN x int')).toMatch(NOT_OWNER);
    expect(await outcome(app, 'DROP TABLE idempotency_keys')).toMatch(NOT_OWNER);
    expect(await outcome(app, 'CREATE TABLE sneaky (id int)')).toMatch(NO_GRANT);
    expect(await outcome(app, 'DELETE FROM migrations WHERE false')).toMatch(NO_GRANT);
    expect(await outcome(app, 'SELECT count(*) FROM migrations')).toBe('ok');
  });

  it('should allow what the API does at run time when connected as the API role', async () => {
    // Outbox LISTEN/NOTIFY, the publisher's session lock, sign-up advisory locks, pruning with DELETE.
    expect(await outcome(app, 'LISTEN kindred_outbox')).toBe('ok');
    expect(await outcome(app, `SELECT pg_notify('kindred_outbox', '')`)).toBe('ok');
    expect(await outcome(app, 'SELECT pg_try_advisory_lock(1, 2)')).toBe('ok');
    expect(await outcome(app, 'SELECT pg_advisory_unlock(1, 2)')).toBe('ok');
    expect(await outcome(app, 'DELETE FROM events WHERE id < 0')).toBe('ok');
    expect(await outcome(app, 'DELETE FROM idempotency_keys WHERE false')).toBe('ok');
    expect(await outcome(app, `SELECT nextval('volunteer_number_seq')`)).toBe('ok');
  });

  describe('start-up check', () => {
    const check = async (env: NodeEnv, url: string): Promise<unknown> => {
      const ds = new DataSource(dataSourceOptions(url, 1));
      await ds.initialize();
      try {
        await new MigrationService(ds, configFor(env, url, db.url)).verifyAppRole();
        return 'ok';
      } catch (error) {
        return error;
      } finally {
        await ds.destroy();
      }
    };

    it('should refuse to start in production naming DATABASE_URL when it connects as the owner', async () => {
      const error = await check(NodeEnv.Production, db.url);
      expect(error).toBeInstanceOf(PrivilegedDatabaseRoleError);
      expect((error as Error).message).toMatch(/^DATABASE_URL connects as role "[^"]+", which is a superuser and owns the tables;/);
    });

    it('should accept the API role in production', async () => {
      expect(await check(NodeEnv.Production, db.appUrl)).toBe('ok');
    });
  });
});
