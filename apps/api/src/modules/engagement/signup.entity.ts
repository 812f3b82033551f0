import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SignupStatus } from '@kindred/contracts';

@Entity('signups')
// One live sign-up per person and shift; cancelled and finished ones stay as history.
@Index('uq_signups_active', ['shiftId', 'userId'], { unique: true, where: `status IN ('confirmed', 'waitlisted')` })
@Index('ix_signups_waitlist', ['shiftId', 'waitlistSeq'], { where: `status = 'waitlisted'` })
@Index('ix_signups_user', ['userId', 'status'])
@Index('ix_signups_org', ['orgId', 'createdAt'])
export class SignupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  shiftId!: string;

  @Column('uuid')
  needId!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  userId!: string;

  @Column('varchar', { length: 12 })
  status!: SignupStatus;

  /** Waitlist ticket (arrival order); null for those confirmed at once. */
  @Column('int', { nullable: true })
  waitlistSeq!: number | null;

  @Column('timestamptz', { nullable: true })
  confirmedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;

  @Column('varchar', { length: 300, nullable: true })
  cancelReason!: string | null;

  @Column('boolean', { default: false })
  lateCancellation!: boolean;

  /** Why promotion passed this person over last time (they keep their place). */
  @Column('varchar', { length: 40, nullable: true })
  skippedReason!: string | null;

  @Column('uuid', { nullable: true })
  invitationId!: string | null;

  @Column('timestamptz', { nullable: true })
  checkedInAt!: Date | null;

  @Column('varchar', { length: 12, nullable: true })
  checkInMethod!: 'code' | 'coordinator' | null;

  @Column('timestamptz', { nullable: true })
  checkedOutAt!: Date | null;

  /** Closed by the system at the cap because nobody checked out. */
  @Column('boolean', { default: false })
  autoClosed!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
