import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../../config/app-config';
import type { OutboxRow } from './live-event';
import type { SequencerSource } from './outbox-sequencer';

/** The NOTIFY channel the `events` trigger signals on (see the LiveNotify migration). */
export const OUTBOX_CHANNEL = 'kindred_outbox';

/** The one advisory lock that makes a replica the outbox publisher (per database; 'kind' + 1). */
const PUBLISHER_LOCK: [number, number] = [0x6b696e64, 1];
export const OUTBOX_STREAM = 'events';

export interface PublisherCursor {
  position: number;
  previousPosition: number;
}

interface RawRow {
  id: string;
  type: string;
  occurred_at: Date;
  org_ids: string[];
  need_id: string | null;
  user_ids: string[];
  payload: Record<string, unknown>;
}

const SELECT_EVENT = 'SELECT id, type, occurred_at, org_ids::text[] AS org_ids, need_id, user_ids::text[] AS user_ids, payload FROM events';

export const toOutboxRow = (r: RawRow): OutboxRow => ({
  id: Number(r.id),
  type: r.type,
  occurredAt: r.occurred_at,
  orgIds: r.org_ids,
  needId: r.need_id,
  userIds: r.user_ids,
  payload: r.payload,
});

/**
 * The publisher's own PostgreSQL session, outside the request pool. The
 * session-level advisory lock lives and dies with it: when the process is
 * killed the server ends the session and another replica's next try wins.
 * Every publisher write goes through this session, so a publisher whose
 * session broke (and so lost the lock) cannot move the cursor any more.
 */
export class PublisherSession implements SequencerSource<OutboxRow> {
  private broken = false;

  constructor(private readonly client: Client) {
    client.on('error', () => {
      this.broken = true;
    });
  }

  get isBroken(): boolean {
    return this.broken;
  }

  /**
   * Wakes the publisher when any replica commits an event: a statement trigger
   * on `events` sends a NOTIFY, which PostgreSQL delivers at commit (and only then).
   */
  async listen(onCommit: () => void): Promise<void> {
    this.client.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) onCommit();
    });
    await this.client.query(`LISTEN ${OUTBOX_CHANNEL}`);
  }

  async tryLock(): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', PUBLISHER_LOCK);
    return rows[0].locked;
  }

  async loadCursor(): Promise<PublisherCursor> {
    await this.client.query('INSERT INTO outbox_cursor (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [OUTBOX_STREAM]);
    const { rows } = await this.client.query<{ position: string; previous_position: string }>(
      'SELECT position, previous_position FROM outbox_cursor WHERE name = $1',
      [OUTBOX_STREAM],
    );
    return { position: Number(rows[0].position), previousPosition: Number(rows[0].previous_position) };
  }

  async saveCursor(position: number, previousPosition: number): Promise<void> {
    await this.client.query('UPDATE outbox_cursor SET position = $2, previous_position = $3, updated_at = now() WHERE name = $1', [
      OUTBOX_STREAM,
      position,
      previousPosition,
    ]);
  }

  async readAfter(position: number, limit: number): Promise<OutboxRow[]> {
    const { rows } = await this.client.query<RawRow>(`${SELECT_EVENT} WHERE id > $1 ORDER BY id LIMIT $2`, [position, limit]);
    return rows.map(toOutboxRow);
  }

  /** Events in (after, upTo], in id order. */
  async readRange(after: number, upTo: number): Promise<OutboxRow[]> {
    const { rows } = await this.client.query<RawRow>(`${SELECT_EVENT} WHERE id > $1 AND id <= $2 ORDER BY id`, [after, upTo]);
    return rows.map(toOutboxRow);
  }

  /**
   * Open transactions that have written to the outbox: an INSERT takes
   * RowExclusiveLock on `events` before it draws its id and keeps it to the end
   * of its transaction. Filtered by database because test databases cloned from
   * one template share table OIDs.
   */
  async outboxWriters(): Promise<string[]> {
    const { rows } = await this.client.query<{ vxid: string; pid: number | null }>(
      `SELECT l.virtualtransaction AS vxid, l.pid
         FROM pg_locks l
        WHERE l.locktype = 'relation'
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.relation = 'events'::regclass
          AND l.mode = 'RowExclusiveLock'
          AND l.granted
          AND l.pid IS DISTINCT FROM pg_backend_pid()`,
    );
    return rows.map((r) => `${r.vxid}@${r.pid ?? 'prepared'}`);
  }

  /**
   * Deletes up to `batch` published events older than `before`, from the
   * lowest id, stopping at the first one that is still recent: only a prefix
   * of ids ever goes, which keeps `pruned_through` exact for replay's
   * "truncated" answer. It is raised (and committed) before the rows go, so a
   * concurrent replay that misses them has already seen the flag.
   */
  async prune(before: Date, position: number, batch: number): Promise<number> {
    const { rows } = await this.client.query<{ last: string | null }>(
      `WITH head AS (SELECT id, occurred_at FROM events WHERE id <= $1 ORDER BY id LIMIT $2)
       SELECT max(id) AS last FROM head
        WHERE id < COALESCE((SELECT min(id) FROM head WHERE occurred_at >= $3), 9223372036854775807)`,
      [position, batch, before],
    );
    if (rows[0].last === null) return 0;
    const last = Number(rows[0].last);
    await this.client.query('UPDATE outbox_cursor SET pruned_through = GREATEST(pruned_through, $2) WHERE name = $1', [
      OUTBOX_STREAM,
      last,
    ]);
    const deleted = await this.client.query('DELETE FROM events WHERE id <= $1', [last]);
    return deleted.rowCount ?? 0;
  }

  async close(): Promise<void> {
    this.broken = true;
    await this.client.end().catch(() => undefined);
  }
}

@Injectable()
export class OutboxPublisherRepository {
  constructor(private readonly config: AppConfig) {}

  async openSession(): Promise<PublisherSession> {
    const client = new Client({
      connectionString: this.config.database.url,
      // Names the holder in pg_stat_activity, so an operator (or a test) can tell which process publishes.
      application_name: `kindred-live-publisher:${process.pid}`,
      connectionTimeoutMillis: 5000,
      // A publisher whose peer vanished must notice, so that its lock (and role) is not held by a ghost.
      keepAlive: true,
    });
    const session = new PublisherSession(client);
    try {
      await client.connect();
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }
}
