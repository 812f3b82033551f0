import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A shift's seats: the one home of its capacity and its counters, beside a
 * copy of what a sign-up needs to know about the shift (its time and the
 * need's rules, which the needs context reports inside its own transactions;
 * see needs-sync). One row lock decides a seat. Other contexts read capacity
 * and counts through the `shift_occupancy` view, never a copy.
 */
@Entity('shift_seats')
@Check('ck_shift_seats_capacity', `capacity >= 0 AND confirmed_count >= 0 AND confirmed_count <= capacity AND waitlist_count >= 0`)
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
