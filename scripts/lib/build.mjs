// Rebuilds the API or the admin client when a source file is newer than the build output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'e2e') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

function buildIfStale(label, sources, output, command, args) {
  const outputTime = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (outputTime > Math.max(...sources.map((s) => newest(join(root, s))))) return;
  process.stdout.write(`Building ${label}…\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export const API_MAIN = join(root, 'dist/apps/api/src/main.js');
export const ADMIN_DIST = join(root, 'apps/admin/dist');

export function buildAll() {
  buildIfStale('the API', ['apps/api/src', 'libs/contracts/src', 'nest-cli.json', 'tsconfig.json'], API_MAIN, 'npx', ['nest', 'build', 'api']);
  buildIfStale('the admin client', ['apps/admin/src', 'apps/admin/index.html', 'apps/admin/vite.config.ts', 'libs/contracts/src'], join(ADMIN_DIST, 'index.html'), 'npm', ['run', 'build', '-w', 'apps/admin']);
}
