// Fails when any log written by the test suite holds a password (or its hash), a token, a phone number, an e-mail
// address, a database row quoted by PostgreSQL or the text of a safeguarding concern.
// Every test app logs at debug level into test-artifacts/logs (see apps/api/test/support/app.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? new URL('../test-artifacts/logs', import.meta.url).pathname;
const PATTERNS = [
  ['password', /Correct-horse-battery-9|Admin-pass-for-tests-1|A-new-admin-password-2|Kindred-demo-2026/],
  ['access token', /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['e-mail address', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/],
  ['phone number', /(?<![A-Za-z0-9.])1[3-9]\d{9}(?![A-Za-z0-9.])/],
  ['password hash', /\$argon2(?:id|i|d)\$/],
  // PostgreSQL's detail of a NOT NULL or CHECK violation: the whole row, whatever it holds.
  ['database row', /Failing row contains/i],
  // Every safeguarding concern text the tests write carries this marker (apps/api/test/factories/concerns.factory.ts).
  ['concern text', /CONCERN-TEXT-7QX/],
];

const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.log')) : [];
let lines = 0;
const hits = [];
for (const file of files) {
  const text = readFileSync(join(dir, file), 'utf8');
  for (const line of text.split('\n')) {
    if (!line) continue;
    lines += 1;
    for (const [what, pattern] of PATTERNS) {
      if (pattern.test(line)) hits.push(`${file}: ${what}: ${line.slice(0, 300)}`);
    }
  }
}
if (files.length === 0) {
  process.stderr.write(`no test logs found in ${dir}\n`);
  process.exit(1);
}
process.stdout.write(`scanned ${lines} log lines in ${files.length} files\n`);
if (hits.length > 0) {
  process.stderr.write(`${hits.length} log line(s) hold personal data or secrets:\n${hits.slice(0, 20).join('\n')}\n`);
  process.exit(1);
}
