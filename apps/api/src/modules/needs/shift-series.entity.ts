import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The RRULE a set of shifts was expanded from, kept so the series can be shown and extended later. */
@Entity('shift_series')
@Index('ix_shift_series_need', ['needId'])
export class ShiftSeriesEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  needId!: string;

  @Column('uuid')
  orgId!: string;

  /** As given, without DTSTART (the first occurrence's start is `firstStartsAt`). */
  @Column('varchar', { length: 500 })
  rrule!: string;

  @Column('varchar', { length: 40, default: 'Asia/Shanghai' })
  timeZone!: string;

  @Column('timestamptz')
  firstStartsAt!: Date;

  @Column('int')
  durationMinutes!: number;

  @Column('timestamptz')
  until!: Date;

  @Column('int')
  occurrences!: number;

  @Column('uuid')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
