import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HourRecordStatus } from '@kindred/contracts';

/**
 * Minutes of service. Only verified records count; a verified record is never
 * changed (a trigger refuses it): a correction is a new record with
 * `reversesId` and negative minutes.
 */
@Entity('hour_records')
@Index('ix_hour_records_user', ['userId', 'status'])
@Index('ix_hour_records_org', ['orgId', 'status'])
@Index('ix_hour_records_shift', ['shiftId'])
@Index('uq_hour_records_signup', ['signupId'], { unique: true, where: 'reverses_id IS NULL' })
export class HourRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  signupId!: string;

  @Column('uuid')
  shiftId!: string;

  @Column('uuid')
  needId!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  userId!: string;

  @Column('int')
  minutes!: number;

  @Column('timestamptz')
  servedOn!: Date;

  @Column('varchar', { length: 12, default: 'pending' })
  status!: HourRecordStatus;

  /** Set when the minutes were capped or the attendance was closed automatically. */
  @Column('varchar', { length: 40, nullable: true })
  flag!: string | null;

  @Index('uq_hour_records_reverses', { unique: true, where: 'reverses_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  reversesId!: string | null;

  @Column('varchar', { length: 300, nullable: true })
  note!: string | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
