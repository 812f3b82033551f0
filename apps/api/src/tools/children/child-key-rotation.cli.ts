/* `npm run children:rotate-key`: re-encrypts children's identity fields written under a previous key with
 * CHILD_DATA_KEY (previous keys in CHILD_DATA_PREVIOUS_KEYS) and recomputes their blind indexes, one
 * transaction per batch bound to one organisation. Connects with MIGRATION_DATABASE_URL, else DATABASE_URL,
 * else the embedded server of `npm start` (which must be running); without CHILD_DATA_KEY the key generated
 * under DATA_DIR is the current one. Safe to run again: only stale values are rewritten. Prints counts only.
 * `--batch-size=N` rows per transaction (200). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { parseChildDataKey, parseChildDataKeys } from '../../config/child-data-key';
import { ChildCipher } from '../../modules/children/child-cipher';
import { rotateChildKeys } from './child-key-rotation';

function currentKey(): Buffer {
  let text = process.env.CHILD_DATA_KEY;
  if (!text) {
    const file = join(resolve(process.env.DATA_DIR ?? '.data'), 'secrets.json');
    if (existsSync(file)) text = (JSON.parse(readFileSync(file, 'utf8')) as { childDataKey?: string }).childDataKey;
  }
  const key = text ? parseChildDataKey(text) : null;
  if (!key) throw new Error('CHILD_DATA_KEY must be 32 bytes written as 64 hex digits or base64');
  return key;
}

async function main(): Promise<void> {
  const previous = parseChildDataKeys(process.env.CHILD_DATA_PREVIOUS_KEYS ?? '');
  if (previous.some((k) => k === null))
    throw new Error('CHILD_DATA_PREVIOUS_KEYS: each key must be 32 bytes written as 64 hex digits or base64');
  const cipher = new ChildCipher(currentKey(), previous as Buffer[]);
  const url = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://kindred:kindred-local@127.0.0.1:54329/kindred';
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const report = await rotateChildKeys(client, cipher, {
      batchSize: Number(/^--batch-size=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--batch-size=')) ?? '')?.[1] ?? 200),
    });
    for (const t of report.tables) process.stdout.write(`${t.table}: ${t.rows} row(s) re-encrypted\n`);
    process.stdout.write(`${report.total} row(s) now under key ${report.keyId} (${report.organizations} organisation(s) checked)\n`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`key rotation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
