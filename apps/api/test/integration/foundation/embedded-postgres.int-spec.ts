import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../..');
// Below Linux's ephemeral range (32768–60999), so no other test's connection can hold it.
const PORT = 25434;

interface Started {
  child: ChildProcessWithoutNullStreams;
  count: number;
}

/** The embedded server runs in a child process, as it does under `npm start`. */
function start(dataDir: string, mark: boolean): Promise<Started> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'apps/api/test/support/embedded-pg-child.ts', dataDir, String(PORT)], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', MARK: mark ? '1' : '0' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, count: (JSON.parse(out.trim()) as { count: number }).count });
    });
    child.on('exit', (code) => reject(new Error(`embedded server process exited with ${code}: ${err}`)));
  });
}

function stopCleanly(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', () => resolve());
    started.child.stdin.end();
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL', () => {
  const base = mkdtempSync(join(tmpdir(), 'kindred-embedded-'));
  const dataDir = join(base, 'pg');

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('should start again with the data kept when the owning process was killed with SIGKILL', async () => {
    const first = await start(dataDir, true);
    expect(first.count).toBe(1);
    const postmasterPid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    first.child.removeAllListeners('exit');
    process.kill(first.child.pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    // The server outlives its killed parent: the orphan the launcher must deal with.
    expect(alive(postmasterPid)).toBe(true);

    const second = await start(dataDir, false);
    expect(alive(postmasterPid)).toBe(false);
    expect(second.count).toBe(1);
    await stopCleanly(second);

    const third = await start(dataDir, true);
    expect(third.count).toBe(2);
    await stopCleanly(third);
  });
});
