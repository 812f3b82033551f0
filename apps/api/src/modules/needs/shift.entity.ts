import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ShiftStatus } from '@kindred/contracts';
import { NeedEntity } from './need.entity';
import { ShiftSeriesEntity } from './shift-series.entity';

/**
 * One time slot of a need. Its capacity and seat counters are engagement's
 * (`shift_seats`); this context reads them through the `shift_occupancy`
 * view (ShiftsRepository), so a list shows a sign-up as soon as it commits.
 */
@Entity('shifts')
@Index('ix_shifts_need', ['needId', 'startsAt'])
@Index('ix_shifts_series', ['seriesId'], { where: 'series_id IS NOT NULL' })
@Check('ck_shifts_window', 'ends_at > starts_at')
export class ShiftEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  needId!: string;

  @Column('uuid')
  orgId!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  /** Shifts expanded from one RRULE share a series. */
  @Column('uuid', { nullable: true })
  seriesId!: string | null;

  @Column('varchar', { length: 12, default: 'scheduled' })
  status!: ShiftStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => NeedEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id', foreignKeyConstraintName: 'fk_shifts_need' })
  need?: NeedEntity;

  @ManyToOne(() => ShiftSeriesEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'series_id', foreignKeyConstraintName: 'fk_shifts_series' })
  series?: ShiftSeriesEntity;
}
