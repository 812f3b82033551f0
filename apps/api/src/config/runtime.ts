import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../database/embedded-postgres';
import { EnvironmentVariables } from './env.schema';
import type { RuntimeValues } from './app-config';

interface SecretsFile {
  jwtSecret: string;
  jwtRefreshSecret: string;
}

/** In embedded mode, secrets are generated once and kept under the data folder so sessions survive restarts. */
function loadOrCreateSecrets(dataDir: string): SecretsFile {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SecretsFile;
  mkdirSync(dataDir, { recursive: true });
  const secrets: SecretsFile = {
    jwtSecret: randomBytes(48).toString('base64url'),
    jwtRefreshSecret: randomBytes(48).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export interface ResolvedRuntime {
  values: RuntimeValues;
  embedded: EmbeddedPostgres | null;
}

/** Decides where the database is and which secrets to use, starting an embedded PostgreSQL when none is configured. */
export async function resolveRuntime(env: EnvironmentVariables): Promise<ResolvedRuntime> {
  const dataDir = resolve(env.DATA_DIR);
  let databaseUrl = env.DATABASE_URL;
  let embedded: EmbeddedPostgres | null = null;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port: env.EMBEDDED_PG_PORT, database: 'kindred' });
    databaseUrl = embedded.url;
  }
  const needsGenerated = !env.JWT_SECRET || !env.JWT_REFRESH_SECRET;
  const generated = needsGenerated ? loadOrCreateSecrets(dataDir) : null;
  return {
    values: {
      databaseUrl,
      embedded: embedded !== null,
      jwtSecret: env.JWT_SECRET ?? generated!.jwtSecret,
      jwtRefreshSecret: env.JWT_REFRESH_SECRET ?? generated!.jwtRefreshSecret,
    },
    embedded,
  };
}
