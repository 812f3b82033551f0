// Browser tests against the real platform (built API + built admin client + PostgreSQL) in Debian's Chromium.
// Usage: node apps/admin/e2e/run.mjs [--report=file.json] [--only=<substring>]
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAll } from '../../../scripts/lib/build.mjs';
import { startPlatform } from './harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const dir = join(new URL('.', import.meta.url).pathname, 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => !args.only || f.includes(args.only))
  .sort();

buildAll();
const platform = await startPlatform();
const results = [];
try {
  for (const file of files) {
    const scenario = await import(pathToFileURL(join(dir, file)).href);
    const started = Date.now();
    try {
      await scenario.run(platform);
      results.push({ file, name: scenario.name, ok: true, ms: Date.now() - started });
      process.stdout.write(`  ✓ ${scenario.name} (${Date.now() - started} ms)\n`);
    } catch (error) {
      results.push({ file, name: scenario.name, ok: false, ms: Date.now() - started, error: String(error?.stack ?? error) });
      process.stdout.write(`  ✕ ${scenario.name}\n${String(error?.stack ?? error)}\n`);
    }
  }
} finally {
  await platform.stop();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (args.report) writeFileSync(args.report, JSON.stringify({ passed, failed, results }, null, 2));
process.stdout.write(`browser: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
