import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where the single outbox publisher stands, so that whichever replica takes
 * the publisher role next continues from here instead of starting over.
 *
 * The publisher writes `position` *before* it sends a batch (see
 * OutboxPublisher): every event up to `position` has been, or is about to be,
 * sent. A new publisher therefore re-sends `(previousPosition, position]` once;
 * replicas drop what they already delivered.
 */
@Entity('outbox_cursor')
export class OutboxCursorEntity {
  /** One row per stream; there is one stream, `events`. */
  @PrimaryColumn('varchar', { length: 32 })
  name!: string;

  /** Highest event id handed to the sockets; every lower id was sent or will never exist. */
  @Column('bigint', { default: 0 })
  position!: string;

  /** `position` before the last batch: the range a new publisher sends again. */
  @Column('bigint', { default: 0 })
  previousPosition!: string;

  /** Highest event id removed by retention; a replay from below it is incomplete. */
  @Column('bigint', { default: 0 })
  prunedThrough!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
