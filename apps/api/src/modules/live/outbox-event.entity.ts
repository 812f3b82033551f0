import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox: one row per state change, written in the same
 * transaction. `id` is the eventId clients see; the audience columns decide
 * the socket.io rooms.
 */
@Entity('events')
@Index('ix_events_occurred_at', ['occurredAt'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('varchar', { length: 48 })
  type!: string;

  @Column('timestamptz', { default: () => 'now()' })
  occurredAt!: Date;

  @Index('ix_events_org_ids', { synchronize: false })
  @Column('uuid', { array: true, default: () => "'{}'" })
  orgIds!: string[];

  @Index('ix_events_need_id', { synchronize: false })
  @Column('uuid', { nullable: true })
  needId!: string | null;

  @Index('ix_events_user_ids', { synchronize: false })
  @Column('uuid', { array: true, default: () => "'{}'" })
  userIds!: string[];

  @Column('jsonb')
  payload!: Record<string, unknown>;
}
