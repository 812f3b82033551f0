/* `npm run ledger:check`: runs the giving ledger's invariant checks against DATABASE_URL
 * (or the embedded server of `npm start`, which must be running) and prints a report. */
import { Client } from 'pg';
import { LEDGER_CHECKS, runLedgerChecks } from '../modules/giving/sql/ledger-checks';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://kindred:kindred-local@127.0.0.1:54329/kindred';
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const violations = await runLedgerChecks(async (sql) => (await client.query<{ id: string }>(sql)).rows);
    for (const check of LEDGER_CHECKS) {
      const found = violations.find((v) => v.check === check.name);
      process.stdout.write(
        `${found ? 'FAIL' : 'ok  '} ${check.name}${found ? `: ${found.ids.length} row(s), e.g. ${found.ids.slice(0, 5).join(', ')}` : ''}\n`,
      );
    }
    process.stdout.write(`${LEDGER_CHECKS.length - violations.length} of ${LEDGER_CHECKS.length} checks hold\n`);
    if (violations.length > 0) process.exitCode = 1;
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ledger check failed to run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
