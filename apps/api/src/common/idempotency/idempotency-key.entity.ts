import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One creating request made with an Idempotency-Key. Written in the same
 * transaction as the records the request creates, so a retry after a crash
 * finds either nothing (nothing was committed) or the committed answer.
 */
@Entity('idempotency_keys')
@Index('uq_idempotency_keys_user_key', ['userId', 'key'], { unique: true })
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('varchar', { length: 255 })
  key!: string;

  /** `POST /api/v1/pledges` — a key is bound to one operation. */
  @Column('varchar', { length: 200 })
  operation!: string;

  /** SHA-256 of the canonical request body. */
  @Column('varchar', { length: 64 })
  requestHash!: string;

  @Column('int', { nullable: true })
  responseStatus!: number | null;

  @Column('jsonb', { nullable: true })
  responseBody!: unknown;

  @Index('ix_idempotency_keys_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
