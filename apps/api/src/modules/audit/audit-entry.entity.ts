import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE on this table (see its migration). */
@Entity('audit_log')
@Index('ix_audit_log_org_id', ['orgId', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @Column('varchar', { length: 64 })
  action!: string;

  @Column('varchar', { length: 48 })
  entityType!: string;

  @Column('varchar', { length: 64 })
  entityId!: string;

  @Column('uuid', { nullable: true })
  orgId!: string | null;

  @Column('varchar', { length: 64, nullable: true })
  requestId!: string | null;

  /** A small description of the change, free of personal data. */
  @Column('jsonb')
  diff!: Record<string, unknown>;
}
