// `npm start`: builds what is out of date, then runs the API, which serves socket.io and the admin client on one port.
// With no DATABASE_URL the API starts an embedded PostgreSQL under .data/pg and loads demo data once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
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

buildIfStale('the API', ['apps/api/src', 'libs/contracts/src', 'nest-cli.json', 'tsconfig.json'], join(root, 'dist/apps/api/src/main.js'), 'npx', ['nest', 'build', 'api']);
buildIfStale('the admin client', ['apps/admin/src', 'apps/admin/index.html', 'apps/admin/vite.config.ts', 'libs/contracts/src'], join(root, 'apps/admin/dist/index.html'), 'npm', ['run', 'build', '-w', 'apps/admin']);

process.env.ADMIN_DIST_DIR ??= join(root, 'apps/admin/dist');
process.env.DATA_DIR ??= join(root, '.data');
await import(pathToFileURL(join(root, 'dist/apps/api/src/main.js')).href);
