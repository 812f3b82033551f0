import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SafeguardingAuthority, SafeguardingCheckKind, SafeguardingOffenceScope, SafeguardingResult } from '@kindred/contracts';

/**
 * One safeguarding check of a volunteer (Minors Protection Law art. 62). The
 * outcome only: what a `flagged` was about is never stored. Rows are
 * never deleted; a `flagged` is lifted (by a platform administrator, with
 * a reason), not removed.
 */
@Entity('safeguarding_checks')
@Index('ix_safeguarding_checks_volunteer', ['volunteerUserId', 'expiresAt'])
// Blocks are looked up on every child-contact sign-up; they are rare, so a partial index stays tiny.
@Index('ix_safeguarding_checks_blocking', ['volunteerUserId'], { where: `result = 'flagged' AND lifted_at IS NULL` })
// Through Asia/Shanghai so the rule does not depend on the session's time zone (and stays immutable).
@Check(
  'ck_safeguarding_checks_expiry',
  `expires_at > queried_at AND expires_at <= ((queried_at AT TIME ZONE 'Asia/Shanghai') + interval '12 months') AT TIME ZONE 'Asia/Shanghai'`,
)
@Check(
  'ck_safeguarding_checks_lift',
  `(lifted_at IS NULL AND lifted_by IS NULL AND lift_reason IS NULL) OR (result = 'flagged' AND lifted_at IS NOT NULL AND lifted_by IS NOT NULL AND lift_reason IS NOT NULL)`,
)
export class SafeguardingCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  volunteerUserId!: string;

  @Column('varchar', { length: 40 })
  kind!: SafeguardingCheckKind;

  /** Which offence categories the inquiry covered. */
  @Column('text', { array: true })
  offenceScope!: SafeguardingOffenceScope[];

  @Column('varchar', { length: 20 })
  issuingAuthority!: SafeguardingAuthority;

  /** The authority's reply or certificate number. */
  @Column('varchar', { length: 80, nullable: true })
  reference!: string | null;

  /** When the authority was queried (the check's date). */
  @Column('timestamptz')
  queriedAt!: Date;

  @Column('varchar', { length: 16 })
  result!: SafeguardingResult;

  @Column('uuid')
  verifiedBy!: string;

  /** The verified NGO whose owner or coordinator recorded the check; null when a platform administrator did. */
  @Column('uuid', { nullable: true })
  verifiedOrgId!: string | null;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  liftedAt!: Date | null;

  @Column('uuid', { nullable: true })
  liftedBy!: string | null;

  @Column('varchar', { length: 500, nullable: true })
  liftReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
