// Child processes of a bench run: started, watched and ended by PID; never by name.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const running = new Map();
let ledgerFile = null;

/**
 * Keeps a list of this run's children in `file`, so that a later run can end them by PID
 * if this one is killed with SIGKILL (see sweepOrphans).
 */
export function keepLedger(file) {
  ledgerFile = file;
  writeLedger();
}

function writeLedger() {
  if (!ledgerFile) return;
  const children = [...running.values()].map((h) => ({ pid: h.pid, name: h.name, args: h.args }));
  try {
    writeFileSync(ledgerFile, JSON.stringify({ runner: process.pid, children }));
  } catch {
    // The run folder is being removed at the end of the run.
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/**
 * Ends the children of earlier runs whose runner is gone, then removes their folders. A PID is
 * signalled only if its command line still matches what the ledger recorded (PIDs get reused).
 */
export async function sweepOrphans(runsDir, log) {
  if (!existsSync(runsDir)) return;
  for (const entry of readdirSync(runsDir)) {
    const dir = join(runsDir, entry);
    let ledger = null;
    try {
      ledger = JSON.parse(readFileSync(join(dir, 'ledger.json'), 'utf8'));
    } catch {
      // No ledger: a run that is just starting (leave it) or one that died before starting anything.
      if (Date.now() - statSync(dir).mtimeMs < 10 * 60_000) continue;
    }
    if (ledger && alive(ledger.runner) && commandLine(ledger.runner).some((arg) => arg.endsWith('bench/run.mjs'))) continue;
    for (const child of ledger?.children ?? []) {
      const matches = () => alive(child.pid) && child.args.every((arg) => commandLine(child.pid).includes(arg));
      if (!matches()) continue;
      log(`ending ${child.name} (pid ${child.pid}) left by an interrupted run`);
      signalPid(child.pid, 'SIGTERM');
      for (let i = 0; i < 100 && matches(); i++) await sleep(100);
      if (matches()) signalPid(child.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PIDs of children still running; the signal handler ends them synchronously. */
export function runningChildren() {
  return [...running.values()];
}

/**
 * Spawns `command args`, appending its output to `logFile` when given. Returns the child's pid,
 * a promise of its exit, and `stop()`: SIGTERM, then SIGKILL after `graceMs`.
 */
export function startProcess({ name, command, args, env, cwd, logFile, stdio }) {
  const child = spawn(command, args, { cwd, env, stdio: stdio ?? ['ignore', 'pipe', 'pipe'] });
  if (logFile) {
    // Two streams into one file: neither may end it (the other could still write), so it is closed
    // once the child's stdio is closed; a write error (the run folder removed) is ignored.
    const out = createWriteStream(logFile, { flags: 'a' });
    out.on('error', () => undefined);
    child.stdout?.pipe(out, { end: false });
    child.stderr?.pipe(out, { end: false });
    child.once('close', () => out.end());
  }
  const handle = {
    name,
    args,
    pid: child.pid,
    child,
    exitInfo: null,
    exited: new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        running.delete(child.pid);
        writeLedger();
        handle.exitInfo = { code, signal };
        resolve(handle.exitInfo);
      });
      child.once('error', (error) => {
        running.delete(child.pid);
        writeLedger();
        handle.exitInfo = { code: null, signal: null, error: error.message };
        resolve(handle.exitInfo);
      });
    }),
    async stop(graceMs = 10_000) {
      if (handle.exitInfo || !child.pid) return handle.exitInfo;
      signalPid(child.pid, 'SIGTERM');
      const timer = sleep(graceMs).then(() => 'timeout');
      if ((await Promise.race([handle.exited, timer])) === 'timeout') {
        signalPid(child.pid, 'SIGKILL');
        await handle.exited;
      }
      return handle.exitInfo;
    },
  };
  if (child.pid) running.set(child.pid, handle);
  writeLedger();
  return handle;
}

export function signalPid(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function describeExit(handle) {
  const { code, signal, error } = handle.exitInfo;
  return error ?? (signal ? `signal ${signal}` : `code ${code}`);
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
export async function waitForHttp(url, { handle, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (handle?.exitInfo) throw new Error(`${handle.name} exited (${describeExit(handle)}) before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

/** Polls until something accepts TCP connections on 127.0.0.1:`port`. */
export async function waitForPort(port, { handle, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (handle?.exitInfo) throw new Error(`${handle.name} exited (${describeExit(handle)}) before listening on ${port}`);
    const open = await new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${Math.round(timeoutMs / 1000)} s`);
}

let clockTicks;
/** CPU seconds (user + system) a process has used so far, from /proc; null where /proc is missing. */
export function cpuSeconds(pid) {
  try {
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    // Fields after the command name, which sits in parentheses and may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MiB, from /proc; null where /proc is missing. */
export function rssMiB(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}
