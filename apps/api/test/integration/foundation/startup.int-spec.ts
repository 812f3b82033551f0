import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../..');

function startApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TS_NODE_TRANSPILE_ONLY: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('API start-up configuration', () => {
  it('should stop with a message naming the variable when a required production variable is missing', async () => {
    const secretPassword = 'pw-that-must-not-appear-7731';
    const result = await startApi({
      NODE_ENV: 'production',
      DATABASE_URL: `postgres://kindred:${secretPassword}@127.0.0.1:1/kindred`,
      JWT_REFRESH_SECRET: 'x'.repeat(40),
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('JWT_SECRET: required when NODE_ENV=production');
    expect(result.stderr).not.toContain('JWT_REFRESH_SECRET: required');
    expect(result.stderr + result.stdout).not.toContain(secretPassword);
  });

  it('should stop naming PORT when PORT is not a number', async () => {
    const result = await startApi({ PORT: 'abc', DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).not.toContain('abc');
  });
});
