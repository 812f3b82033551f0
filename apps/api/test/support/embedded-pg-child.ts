/* Runs an embedded PostgreSQL in its own process for the crash-recovery test:
 * argv: dataDir port; inserts one row into `marks` when asked (MARK=1), prints {url, count}, stops cleanly when stdin closes. */
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dataDir, port: Number(port), database: 'kindred' });
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS marks (id serial primary key)');
  if (process.env.MARK === '1') await client.query('INSERT INTO marks DEFAULT VALUES');
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM marks');
  await client.end();
  process.stdout.write(`${JSON.stringify({ url: pg.url, count: rows[0].n })}\n`);
  const stop = (): void => void pg.stop().then(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
