import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';

const ROOT = join(__dirname, '../../../..');

/** The owner of an embedded server (see src/database/embedded-postgres.ts; local-only credentials). */
export function embeddedOwnerUrl(port: number): string {
  return `postgres://kindred:kindred-local@127.0.0.1:${port}/kindred`;
}

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<number | null>;
  http(): ReturnType<typeof request>;
  /** GET /api/v1/health until it answers `status`; fails with the process output when it exits or times out. */
  waitForHealth(status: number, timeoutMs: number): Promise<void>;
}

/**
 * The real entry point (src/main.ts) in its own process, as `npm start` runs it. With no DATABASE_URL it
 * starts and supervises an embedded PostgreSQL in `DATA_DIR/pg` (the embedded package cannot load inside jest).
 */
export function startApiProcess(port: number, env: Record<string, string>): ApiProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_SWC: 'true',
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_DATA: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const http = (): ReturnType<typeof request> => request(url);
  return {
    child,
    url,
    output,
    exited,
    http,
    async waitForHealth(status, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the API exited:\n${output.join('')}`);
        const now = await http()
          .get('/api/v1/health')
          .timeout(3000)
          .then((res) => res.status)
          .catch(() => 0);
        if (now === status) return;
        if (Date.now() > deadline) throw new Error(`health stayed ${now}:\n${output.join('')}`);
        await sleep(100);
      }
    },
  };
}

/** Stops the process (SIGTERM) and waits for it, if it still runs. */
export async function stopApiProcess(api: ApiProcess | undefined): Promise<void> {
  if (!api) return;
  if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGTERM');
  await api.exited;
}

/** PID of the postmaster running on `pgDir` (the requested folder or the real one behind its link). */
export function postmasterPid(pgDir: string): number {
  return Number(readFileSync(join(realpathSync(pgDir), 'postmaster.pid'), 'utf8').split('\n')[0]);
}
