import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Engagement's own copy of what a sign-up needs to know about a shift: its
 * time, capacity and the need's rules, plus the seat counters. The needs
 * context tells engagement about every change (see needs-sync); keeping the
 * counters here lets one row lock decide a seat.
 */
@Entity('shift_seats')
@Check('ck_shift_seats_capacity', `confirmed_count >= 0 AND confirmed_count <= capacity AND waitlist_count >= 0`)
@Index('ix_shift_seats_need', ['needId'])
export class ShiftSeatEntity {
  @PrimaryColumn('uuid')
  shiftId!: string;

  @Column('uuid')
  needId!: string;

  @Column('uuid')
  orgId!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('int')
  capacity!: number;

  @Column('int', { default: 0 })
  confirmedCount!: number;

  /** People waiting now; with the ticket it gives a newcomer's place in line without a count. */
  @Column('int', { default: 0 })
  waitlistCount!: number;

  /** Last waitlist ticket handed out: tickets are taken under the row lock, so they follow commit order. */
  @Column('int', { default: 0 })
  waitlistSeq!: number;

  /** Outcome of the last seat decision; read back in the same statement (PostgreSQL 15 has no OLD in RETURNING). */
  @Column('varchar', { length: 12, default: 'none' })
  lastOutcome!: string;

  @Column('boolean')
  needOpen!: boolean;

  @Column('boolean')
  childContact!: boolean;

  @Column('int', { nullable: true })
  minAge!: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
