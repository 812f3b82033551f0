// `npm test`: every check the project has, in order, with one summary line at the end.
// Uses DATABASE_URL when set (CI: the machine's PostgreSQL); otherwise the tests start an embedded PostgreSQL.
// Flags: --skip-static (no lint/type-check), --only <step>[,<step>] (lint,typecheck,contracts,scripts,jest,jest-node<N>,logs,admin,browser),
// --runtimes 22,24 (or KINDRED_TEST_RUNTIMES=22,24; CI sets it): run the API's jest suites again on those Node.js
// lines, each with the official binary from the npm registry (cached under ~/.cache/kindred/node), as steps jest-node<N>.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkNativeAddons, ensureNode, parseRuntimes } from './lib/node-runtimes.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const skipStatic = args.includes('--skip-static');
const runtimesFlag = args.find((a) => a.startsWith('--runtimes'));
const runtimes = parseRuntimes(
  runtimesFlag === '--runtimes' ? args[args.indexOf('--runtimes') + 1] : (runtimesFlag?.split('=')[1] ?? process.env.KINDRED_TEST_RUNTIMES),
);
const reportDir = join(root, 'test-artifacts', 'reports');
rmSync(reportDir, { recursive: true, force: true });
rmSync(join(root, 'test-artifacts', 'logs'), { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const results = [];

function run(name, command, commandArgs, parse, env = process.env) {
  if (only && !only.includes(name)) return;
  process.stdout.write(`\n━━ ${name}: ${command} ${commandArgs.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const ok = result.status === 0;
  const counts = parse ? parse(ok) : { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A runner that failed without reporting a failed test (crash, timeout) still counts as one failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10, ...counts });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (!skipStatic) {
  run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
  run('typecheck', 'npm', ['run', 'typecheck', '--silent']);
  // The OpenAPI document's shapes come from libs/contracts through a generated JSON Schema: it must be current.
  run('contracts', 'node', ['scripts/contracts-schema.mjs', '--check']);
}

// The project's own scripts (e.g. the audit allow-list check), with node's test runner; TAP to a file for the counts.
const scriptTests = readdirSync(join(root, 'scripts/lib'))
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => join('scripts/lib', f));
const scriptsReport = join(reportDir, 'scripts.tap');
run(
  'scripts',
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${scriptsReport}`,
    ...scriptTests,
  ],
  () => {
    const tap = existsSync(scriptsReport) ? readFileSync(scriptsReport, 'utf8') : '';
    const count = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
    return { passed: count('pass'), failed: count('fail') + count('cancelled') };
  },
);

const jestReport = join(reportDir, 'jest.json');
run('jest', 'npx', ['jest', '--json', `--outputFile=${jestReport}`, '--selectProjects', 'unit', 'integration', 'e2e'], () => {
  const report = readJson(jestReport);
  return { passed: report?.numPassedTests ?? 0, failed: (report?.numFailedTests ?? 0) + (report?.numRuntimeErrorTestSuites ?? 0) };
});

// The same suites on the other supported Node.js lines (only when asked: CI does; `npm test` on a laptop does not).
for (const major of runtimes) {
  const name = `jest-node${major}`;
  if (only && !only.includes(name)) continue;
  let node;
  try {
    node = ensureNode(major);
    const addons = checkNativeAddons(node.binary, root);
    if (!addons.ok) throw new Error(`native addons do not load on Node ${major}: ${addons.output}`);
    process.stdout.write(`Node ${node.version} at ${node.binary}; native addons load\n`);
  } catch (error) {
    process.stdout.write(`\n━━ ${name}: ${error.message}\n`);
    results.push({ name, ok: false, seconds: 0, passed: 0, failed: 1 });
    continue;
  }
  const report = join(reportDir, `${name}.json`);
  // The binary's folder first on PATH, so anything the suites start as `node` runs on the same line.
  const env = { ...process.env, PATH: `${dirname(node.binary)}:${process.env.PATH}` };
  run(
    name,
    node.binary,
    [join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${report}`, '--selectProjects', 'unit', 'integration', 'e2e'],
    () => {
      const r = readJson(report);
      return { passed: r?.numPassedTests ?? 0, failed: (r?.numFailedTests ?? 0) + (r?.numRuntimeErrorTestSuites ?? 0) };
    },
    env,
  );
}

// Everything the API logged during those tests must be free of personal data and secrets.
if (!only || only.includes('jest')) run('logs', 'node', ['scripts/scan-logs.mjs']);

const vitestReport = join(reportDir, 'vitest.json');
run(
  'admin',
  'npx',
  ['vitest', 'run', '--root', 'apps/admin', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  () => {
    const report = readJson(vitestReport);
    return { passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0 };
  },
);

const browserRunner = join(root, 'apps/admin/e2e/run.mjs');
if (existsSync(browserRunner)) {
  const browserReport = join(reportDir, 'browser.json');
  run('browser', 'node', [browserRunner, `--report=${browserReport}`], () => {
    const report = readJson(browserReport);
    return { passed: report?.passed ?? 0, failed: report?.failed ?? 0 };
  });
}

process.stdout.write('\n━━ summary\n');
for (const r of results) {
  process.stdout.write(
    `${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(11)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${r.seconds}s\n`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
