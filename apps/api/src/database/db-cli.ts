/* Database tasks for developers and CI: `run` applies migrations, `generate <Name>` writes a migration
 * from the difference between the entities and a freshly migrated database, `check` fails on any difference. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { pendingSchemaChanges } from './schema-diff';

const CLI_PG_PORT = Number(process.env.EMBEDDED_CLI_PG_PORT ?? 54331);

async function serverUrl(): Promise<{ url: string; embedded: EmbeddedPostgres | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: resolve('.data/pg-cli'), port: CLI_PG_PORT, database: 'kindred' });
  return { url: embedded.url, embedded };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `work` against a throw-away database with every migration applied. */
async function withScratchDatabase<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const name = `kindred_scratch_${process.pid}_${Date.now()}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const ds = new DataSource(dataSourceOptions(withDatabase(url, name), 2));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    return await work(ds);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]): string =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...down].reverse())}
  }
}
`;
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const { url, embedded } = await serverUrl();
  try {
    if (command === 'run') {
      const ds = new DataSource(dataSourceOptions(url, 2));
      await ds.initialize();
      const applied = await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();
      process.stdout.write(`Applied ${applied.length} migration(s)\n`);
    } else if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- PascalCaseName');
      const { up, down } = await withScratchDatabase(url, pendingSchemaChanges);
      if (up.length === 0) {
        process.stdout.write('Entities and migrations agree; nothing to generate\n');
        return;
      }
      const timestamp = Date.now();
      const file = join(__dirname, 'migrations', `${timestamp}-${name}.ts`);
      writeFileSync(file, migrationSource(`${name}${timestamp}`, up, down));
      process.stdout.write(`Wrote ${file}\nReview it, add hand-written SQL if needed, and list it in migrations/index.ts\n`);
    } else if (command === 'check') {
      const { up } = await withScratchDatabase(url, pendingSchemaChanges);
      if (up.length > 0) {
        process.stderr.write(`Entities and migrations drift; run npm run migration:generate -- Name\n${up.join(';\n')}\n`);
        process.exitCode = 1;
      } else {
        process.stdout.write('Entities and migrations agree\n');
      }
    } else {
      throw new Error('usage: db-cli run | generate <Name> | check');
    }
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
