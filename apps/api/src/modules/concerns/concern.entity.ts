import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConcernCategory, ConcernSource, ConcernStatus } from '@kindred/contracts';

/**
 * A safeguarding concern about a child of one NGO (a registered child, or one
 * described in words). Its text is stored only as ciphertext (`*_enc`, the
 * children context's ChildCipher): what was seen, where, the child's
 * description, the decision's reason and the outcome.
 */
@Entity('concerns')
@Index('ix_concerns_org_status_due', ['orgId', 'status', 'ackDueAt'])
@Index('ix_concerns_reporter', ['reporterUserId', 'createdAt'])
@Index('ix_concerns_child', ['childId'], { where: 'child_id IS NOT NULL' })
@Check('ck_concerns_child', `child_id IS NOT NULL OR child_description_enc IS NOT NULL`)
@Check('ck_concerns_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
@Check('ck_concerns_decision', `(reported_to_authorities IS NULL) = (report_decided_at IS NULL)`)
export class ConcernEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  /** A child of this NGO's registry (no foreign key: the registry is another context). */
  @Column('uuid', { nullable: true })
  childId!: string | null;

  /** Who the child is, in words, when the child is not registered (ciphertext). */
  @Column('text', { nullable: true })
  childDescriptionEnc!: string | null;

  /** Who raised it; for a registry flag, who recorded the child's file. */
  @Column('uuid', { nullable: true })
  reporterUserId!: string | null;

  @Column('varchar', { length: 30 })
  category!: ConcernCategory;

  @Column('text')
  descriptionEnc!: string;

  @Column('boolean', { default: false })
  immediateDanger!: boolean;

  @Column('timestamptz', { nullable: true })
  occurredAt!: Date | null;

  @Column('text', { nullable: true })
  locationEnc!: string | null;

  @Column('varchar', { length: 12, default: 'open' })
  status!: ConcernStatus;

  @Column('timestamptz')
  ackDueAt!: Date;

  @Column('timestamptz', { nullable: true })
  acknowledgedAt!: Date | null;

  @Column('uuid', { nullable: true })
  acknowledgedBy!: string | null;

  /** The police-report decision (R6); null until it is recorded. */
  @Column('boolean', { nullable: true })
  reportedToAuthorities!: boolean | null;

  @Column('varchar', { length: 200, nullable: true })
  reportAuthority!: string | null;

  @Column('varchar', { length: 100, nullable: true })
  reportReference!: string | null;

  @Column('text', { nullable: true })
  reportReasonEnc!: string | null;

  @Column('timestamptz', { nullable: true })
  reportDecidedAt!: Date | null;

  @Column('uuid', { nullable: true })
  reportDecidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @Column('uuid', { nullable: true })
  closedBy!: string | null;

  @Column('text', { nullable: true })
  outcomeEnc!: string | null;

  @Column('varchar', { length: 16, default: 'manual' })
  source!: ConcernSource;

  /** When `concern.overdue` went out (once per concern). */
  @Column('timestamptz', { nullable: true })
  overdueNotifiedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
