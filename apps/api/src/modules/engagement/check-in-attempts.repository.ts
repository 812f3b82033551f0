import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../common/database/sql';
import { managerOf, type Tx } from '../../common/database/transaction-runner';

@Injectable()
export class CheckInAttemptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** When the volunteer's lock on this shift ends, or null when there is none. */
  async lockedUntil(shiftId: string, userId: string): Promise<Date | null> {
    const [row] = await rowsOf<{ locked_until: Date }>(
      this.dataSource.manager,
      'SELECT locked_until FROM check_in_attempts WHERE shift_id = $1 AND user_id = $2 AND locked_until > now()',
      [shiftId, userId],
    );
    return row?.locked_until ?? null;
  }

  /**
   * Counts one wrong code, in its own statement (committed even though the
   * request then fails). The row lock of the upsert queues parallel guesses,
   * and a locked row is not updated, so no more than `limit` are ever
   * counted. The count starts again after a lock has run out or after
   * `windowSeconds` without a wrong code. Answers null when the volunteer
   * was already locked, so nothing was counted.
   */
  async recordFailure(
    shiftId: string,
    userId: string,
    limit: number,
    windowSeconds: number,
  ): Promise<{ failures: number; lockedUntil: Date | null } | null> {
    const fresh = `(a.locked_until IS NOT NULL OR a.last_failed_at < now() - $4 * interval '1 second')`;
    const next = `CASE WHEN ${fresh} THEN 1 ELSE a.failures + 1 END`;
    const [row] = await rowsOf<{ failures: number; locked_until: Date | null }>(
      this.dataSource.manager,
      `INSERT INTO check_in_attempts AS a (shift_id, user_id, failures, last_failed_at, locked_until)
       VALUES ($1, $2, 1, now(), CASE WHEN 1 >= $3 THEN now() + $4 * interval '1 second' END)
       ON CONFLICT (shift_id, user_id) DO UPDATE SET
         failures = ${next},
         last_failed_at = now(),
         locked_until = CASE WHEN ${next} >= $3 THEN now() + $4 * interval '1 second' END
       WHERE a.locked_until IS NULL OR a.locked_until <= now()
       RETURNING failures, locked_until`,
      [shiftId, userId, limit, windowSeconds],
    );
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : null;
  }

  /** A right code (or a coordinator's check-in) forgets earlier wrong ones. */
  async clear(tx: Tx, shiftId: string, userId: string): Promise<void> {
    await managerOf(tx).query('DELETE FROM check_in_attempts WHERE shift_id = $1 AND user_id = $2', [shiftId, userId]);
  }
}
