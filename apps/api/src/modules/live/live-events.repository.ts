import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxRow } from './live-event';
import { OUTBOX_STREAM, toOutboxRow } from './outbox-publisher.repository';

export interface StreamState {
  /** Highest event id the publisher has handed out (see OutboxCursorEntity). */
  position: number;
  prunedThrough: number;
}

/** Reads for replay, from the request pool (the publisher's session is its own). */
@Injectable()
export class LiveEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async streamState(): Promise<StreamState> {
    const rows = (await this.dataSource.query('SELECT position, pruned_through FROM outbox_cursor WHERE name = $1', [
      OUTBOX_STREAM,
    ])) as Array<{
      position: string;
      pruned_through: string;
    }>;
    return rows.length === 0
      ? { position: 0, prunedThrough: 0 }
      : { position: Number(rows[0].position), prunedThrough: Number(rows[0].pruned_through) };
  }

  /** All events in (after, upTo], in id order, at most `limit`. */
  async range(after: number, upTo: number, limit: number): Promise<OutboxRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, type, occurred_at, org_ids::text[] AS org_ids, need_id, user_ids::text[] AS user_ids, payload
         FROM events WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`,
      [after, upTo, limit],
    )) as Parameters<typeof toOutboxRow>[0][];
    return rows.map(toOutboxRow);
  }

  /**
   * Events in (after, upTo] addressed to this user or to one of these
   * organisations, in id order. Need rooms are not replayed: a socket joins
   * them later, with `subscribe`.
   */
  async replayPage(after: number, upTo: number, userId: string, orgIds: string[], limit: number): Promise<OutboxRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, type, occurred_at, org_ids::text[] AS org_ids, need_id, user_ids::text[] AS user_ids, payload
         FROM events
        WHERE id > $1 AND id <= $2 AND (org_ids && $3::uuid[] OR user_ids @> ARRAY[$4::uuid])
        ORDER BY id
        LIMIT $5`,
      [after, upTo, orgIds, userId, limit],
    )) as Parameters<typeof toOutboxRow>[0][];
    return rows.map(toOutboxRow);
  }
}
