import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Tx } from '../database/transaction-runner';

export interface StoredResponse {
  requestHash: string;
  operation: string;
  responseStatus: number | null;
  responseBody: unknown;
}

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key. When another transaction holds the same key uncommitted,
   * PostgreSQL makes this insert wait for it: one winner, the other then sees its result.
   */
  async claim(tx: Tx, userId: string, key: string, operation: string, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await managerOf(tx).query(
      `INSERT INTO idempotency_keys (user_id, key, operation, request_hash)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING
       RETURNING id`,
      [userId, key, operation, requestHash],
    );
    return rows.length === 1;
  }

  async find(tx: Tx, userId: string, key: string): Promise<StoredResponse | null> {
    const rows: Array<{ request_hash: string; operation: string; response_status: number | null; response_body: unknown }> = await managerOf(tx).query(
      'SELECT request_hash, operation, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    const row = rows[0];
    return row ? { requestHash: row.request_hash, operation: row.operation, responseStatus: row.response_status, responseBody: row.response_body } : null;
  }

  async complete(tx: Tx, userId: string, key: string, status: number, body: unknown): Promise<void> {
    await managerOf(tx).query('UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2', [
      userId,
      key,
      status,
      JSON.stringify(body),
    ]);
  }

  /** Keys are kept long enough for any client retry; older ones are removed. */
  async prune(olderThanHours: number): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [olderThanHours]);
    return result[1] ?? 0;
  }
}
