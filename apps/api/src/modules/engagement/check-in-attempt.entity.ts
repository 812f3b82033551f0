import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Wrong check-in codes per volunteer and shift. Kept in PostgreSQL, not in
 * memory, so the limit holds across replicas and restarts.
 */
@Entity('check_in_attempts')
export class CheckInAttemptEntity {
  @PrimaryColumn('uuid')
  shiftId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  /** Wrong codes since the last success, lock or quiet period. */
  @Column('int')
  failures!: number;

  @Column('timestamptz')
  lastFailedAt!: Date;

  @Column('timestamptz', { nullable: true })
  lockedUntil!: Date | null;
}
