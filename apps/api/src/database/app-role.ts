import { Client } from 'pg';

/**
 * The API connects as a login role that is neither superuser nor owner, so
 * the append-only guarantees (audit log, pledge ledger) cannot be switched off
 * from the API's own connection: only an owner can `ALTER TABLE … DISABLE
 * TRIGGER`, only a superuser can `SET session_replication_role = replica`.
 * Migrations run over a separate owner connection.
 */

/** Tables the API may only read and append to (their triggers refuse changes too; the grants are the second lock). */
export const APPEND_ONLY_TABLES = ['audit_log', 'pledge_ledger_entries', 'pledge_ledger_lines'] as const;
/** Tables the API may only read (TypeORM's migration bookkeeping). */
export const READ_ONLY_TABLES = ['migrations'] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertRoleName(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error('DATABASE_APP_ROLE: must be a lower-case PostgreSQL identifier');
  return role;
}

/** The URL with another user and password (same server and database). */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

type Query = (sql: string) => Promise<unknown>;

/**
 * Grants the API role exactly what it needs in the current database:
 * DML on ordinary tables, INSERT + SELECT on append-only ones, SELECT on the
 * migrations table, sequences for defaults; never TRUNCATE, REFERENCES or
 * TRIGGER. Idempotent; one transaction, so a running replica never sees a
 * half-applied set. Run it as the owner after the migrations.
 */
export async function grantAppRole(query: Query, role: string): Promise<void> {
  const r = `"${assertRoleName(role)}"`;
  const appendOnly = APPEND_ONLY_TABLES.map((t) => `"${t}"`).join(', ');
  const readOnly = READ_ONLY_TABLES.map((t) => `"${t}"`).join(', ');
  await query('BEGIN');
  try {
    await query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await query(`REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${r}`);
    await query(`REVOKE INSERT, UPDATE, DELETE ON ${readOnly} FROM ${r}`);
    await query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    await query(`REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM ${r}`);
    await query('COMMIT');
  } catch (error) {
    await query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export interface RolePrivileges {
  role: string;
  superuser: boolean;
  /** Owns, or is a member of the owner of, a table in the public schema (so could ALTER it). */
  ownsTables: boolean;
  canCreateRoles: boolean;
}

/** What the connected role could do beyond its grants. */
export async function rolePrivileges(query: <T>(sql: string) => Promise<T[]>): Promise<RolePrivileges> {
  const [row] = await query<{ role: string; superuser: boolean; owns: boolean; createrole: boolean }>(
    `SELECT current_user AS role,
            r.rolsuper OR r.rolbypassrls AS superuser,
            r.rolcreaterole AS createrole,
            EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                       AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  return { role: row.role, superuser: row.superuser, ownsTables: row.owns, canCreateRoles: row.superuser || row.createrole };
}

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';
const AUTH_FAILED = new Set(['28P01', '28000']);
const TUPLE_CONCURRENTLY_UPDATED = 'XX000';

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

async function canLogIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (AUTH_FAILED.has(codeOf(error) ?? '')) return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Development and tests: makes sure the unprivileged login role exists with
 * this password, using a privileged connection. Roles are cluster-wide and
 * several processes may start at once on one server, so creation tolerates a
 * concurrent creator and a password change retries a concurrent update.
 * Returns the URL to connect as the role, or null when `ownerUrl` may not
 * create roles (then the caller decides what to do).
 */
export async function provisionAppRole(ownerUrl: string, role: string, password: string): Promise<string | null> {
  assertRoleName(role);
  const appUrl = withCredentials(ownerUrl, role, password);
  const client = new Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const me = await rolePrivileges(async <T>(sql: string) => (await client.query(sql)).rows as T[]);
    if (!me.canCreateRoles) return null;
    const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT';
    try {
      await client.query(`CREATE ROLE "${role}" ${attributes} PASSWORD ${client.escapeLiteral(password)}`);
      return appUrl;
    } catch (error) {
      if (codeOf(error) !== DUPLICATE_OBJECT && codeOf(error) !== UNIQUE_VIOLATION) throw error;
    }
    // It existed: keep it unprivileged, and make our password work.
    for (let attempt = 0; ; attempt++) {
      try {
        const [existing] = (
          await client.query<{ ok: boolean }>(
            `SELECT NOT (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls) AND rolcanlogin AS ok
               FROM pg_roles WHERE rolname = $1`,
            [role],
          )
        ).rows;
        if (!existing?.ok) await client.query(`ALTER ROLE "${role}" ${attributes}`);
        if (!(await canLogIn(appUrl))) await client.query(`ALTER ROLE "${role}" PASSWORD ${client.escapeLiteral(password)}`);
        return appUrl;
      } catch (error) {
        if (codeOf(error) !== TUPLE_CONCURRENTLY_UPDATED || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
