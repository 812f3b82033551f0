import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { provisionAppRole } from '../database/app-role';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../database/embedded-postgres';
import { EnvironmentVariables } from './env.schema';
import type { RuntimeValues } from './app-config';

interface SecretsFile {
  jwtSecret: string;
  jwtRefreshSecret: string;
  /** Password of the API's own database role when the API provisions it (development, embedded). */
  databaseAppPassword: string;
  /** Encrypts children's identity fields when CHILD_DATA_KEY is not set (development, embedded). */
  childDataKey: string;
}

/**
 * Secrets generated once and kept under the data folder, so sessions survive
 * restarts and the API's database role keeps its password. A file written by
 * an older version gains the missing entries.
 */
function loadOrCreateSecrets(dataDir: string): SecretsFile {
  const file = join(dataDir, 'secrets.json');
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<SecretsFile>) : {};
  const fresh = (): string => randomBytes(48).toString('base64url');
  const secrets: SecretsFile = {
    jwtSecret: existing.jwtSecret ?? fresh(),
    jwtRefreshSecret: existing.jwtRefreshSecret ?? fresh(),
    databaseAppPassword: existing.databaseAppPassword ?? fresh(),
    childDataKey: existing.childDataKey ?? randomBytes(32).toString('base64'),
  };
  if (Object.keys(existing).length !== Object.keys(secrets).length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}

export interface ResolvedRuntime {
  values: RuntimeValues;
  embedded: EmbeddedPostgres | null;
  /** Why the API connects as the owner (development only, when it could not create its own role), else null. */
  privilegedFallback: string | null;
}

/**
 * Decides where the database is, which role the API connects as, and which
 * secrets to use. With MIGRATION_DATABASE_URL the two roles are given; with
 * only a privileged DATABASE_URL (development, tests) or the embedded server,
 * that connection becomes the owner's and the API provisions its own
 * unprivileged role (DATABASE_APP_ROLE) and connects as it.
 */
export async function resolveRuntime(env: EnvironmentVariables): Promise<ResolvedRuntime> {
  const dataDir = resolve(env.DATA_DIR);
  let embedded: EmbeddedPostgres | null = null;
  let ownerUrl = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
  let appUrl = env.MIGRATION_DATABASE_URL ? env.DATABASE_URL : undefined;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port: env.EMBEDDED_PG_PORT, database: 'kindred' });
    ownerUrl = embedded.url;
  }
  const needsGenerated = !env.JWT_SECRET || !env.JWT_REFRESH_SECRET || !env.CHILD_DATA_KEY || !appUrl;
  const generated = needsGenerated ? loadOrCreateSecrets(dataDir) : null;
  let privilegedFallback: string | null = null;
  if (!appUrl) {
    const provisioned = await provisionAppRole(ownerUrl, env.DATABASE_APP_ROLE, generated!.databaseAppPassword);
    if (!provisioned) {
      privilegedFallback =
        'DATABASE_URL may not create roles, so the API connects as that role; set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to an unprivileged role';
    }
    appUrl = provisioned ?? ownerUrl;
  }
  return {
    values: {
      databaseUrl: appUrl,
      migrationDatabaseUrl: ownerUrl,
      embedded: embedded !== null,
      jwtSecret: env.JWT_SECRET ?? generated!.jwtSecret,
      jwtRefreshSecret: env.JWT_REFRESH_SECRET ?? generated!.jwtRefreshSecret,
      childDataKey: env.CHILD_DATA_KEY ?? generated!.childDataKey,
    },
    embedded,
    privilegedFallback,
  };
}
