import { ChildCipher } from '../../modules/children/child-cipher';

/** One connection (a `pg` Client): transactions are opened with BEGIN/COMMIT on it. */
export interface RotationClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface RotationTableReport {
  table: string;
  /** Rows re-encrypted (every `*_enc` column of such a row is rewritten under the current key). */
  rows: number;
}

export interface RotationReport {
  keyId: string;
  organizations: number;
  tables: RotationTableReport[];
  /** Rows rewritten in all. */
  total: number;
}

/** Blind indexes recomputed from a decrypted column of the same row: `<bidx column>: [kind, <enc column>]`. */
const BLIND_INDEXES: Record<string, Record<string, ['name' | 'id_number', string]>> = {
  children: { name_bidx: ['name', 'legal_name_enc'], id_number_bidx: ['id_number', 'id_number_enc'] },
};

const IDENT = /^[a-z_][a-z0-9_]*$/;
const quote = (name: string): string => {
  if (!IDENT.test(name)) throw new Error(`unexpected identifier ${name}`);
  return `"${name}"`;
};

/**
 * Re-encrypts every value written under an older key with the cipher's current
 * key and recomputes the blind indexes of those rows (they derive from the
 * current key). Tables are found by their columns: every table with `org_id`,
 * `id` and `*_enc` columns. Rows are visible only under row-level security, so
 * each batch is its own transaction bound to one organisation; a row whose
 * values are all current is left alone, so a second run rewrites nothing and
 * an interrupted run can simply be run again.
 */
export async function rotateChildKeys(
  client: RotationClient,
  cipher: ChildCipher,
  options: { batchSize?: number; onBatch?: (table: string, rows: number) => void } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 200;
  const prefix = `${cipher.keyId}:`;
  const columns = (
    await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
        WHERE c.table_schema = current_schema() AND c.column_name LIKE '%\\_enc'
          AND EXISTS (SELECT 1 FROM information_schema.columns o
                       WHERE o.table_schema = c.table_schema AND o.table_name = c.table_name AND o.column_name = 'org_id')
          AND EXISTS (SELECT 1 FROM information_schema.columns i
                       WHERE i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id')
        ORDER BY c.table_name, c.column_name`,
    )
  ).rows;
  const tables = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) tables.set(table_name, [...(tables.get(table_name) ?? []), column_name]);
  const orgIds = (await client.query<{ id: string }>('SELECT id FROM organizations ORDER BY id')).rows.map((r) => r.id);

  const report: RotationReport = { keyId: cipher.keyId, organizations: orgIds.length, tables: [], total: 0 };
  for (const [table, encColumns] of tables) {
    const indexes = BLIND_INDEXES[table] ?? {};
    const stale = encColumns.map((c) => `(${quote(c)} IS NOT NULL AND NOT starts_with(${quote(c)}, $2))`).join(' OR ');
    let rows = 0;
    for (const orgId of orgIds) {
      for (;;) {
        await client.query('BEGIN');
        try {
          await client.query(`SELECT set_config('kindred.org_ids', $1, true)`, [orgId]);
          const batch = (
            await client.query<Record<string, string | null>>(
              `SELECT id, ${encColumns.map(quote).join(', ')} FROM ${quote(table)}
                WHERE org_id = $1 AND (${stale}) ORDER BY id LIMIT ${batchSize} FOR UPDATE`,
              [orgId, prefix],
            )
          ).rows;
          for (const row of batch) {
            const plain = new Map<string, string | null>(encColumns.map((c) => [c, row[c] === null ? null : cipher.decrypt(row[c]!)]));
            const set: string[] = [];
            const params: unknown[] = [row.id];
            for (const c of encColumns) {
              params.push(cipher.encryptNullable(plain.get(c)));
              set.push(`${quote(c)} = $${params.length}`);
            }
            for (const [bidx, [kind, source]] of Object.entries(indexes)) {
              const value = plain.get(source);
              params.push(value === null || value === undefined ? null : cipher.blindIndex(kind, value));
              set.push(`${quote(bidx)} = $${params.length}`);
            }
            await client.query(`UPDATE ${quote(table)} SET ${set.join(', ')} WHERE id = $1`, params);
          }
          await client.query('COMMIT');
          rows += batch.length;
          if (batch.length > 0) options.onBatch?.(table, batch.length);
          if (batch.length < batchSize) break;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    }
    report.tables.push({ table, rows });
    report.total += rows;
  }
  return report;
}
