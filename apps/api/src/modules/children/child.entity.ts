import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { ChildCategory, ChildStatus, ExitReason, Gender, LivingArrangement, RiskLevel, SocialAssistance } from '@kindred/contracts';
import { ChildHouseholdEntity } from './child-household.entity';

/**
 * A child's file (档案), owned by one NGO. Identity fields are stored only as
 * ciphertext (`*_enc`, see child-cipher.ts) and searched only through keyed
 * blind indexes (`*_bidx`); no plaintext of them exists in this table.
 */
@Entity('children')
@Index('ux_children_alias', ['orgId', 'alias'], { unique: true })
@Index('ix_children_name_bidx', ['orgId', 'nameBidx'])
@Index('ux_children_id_number_bidx', ['orgId', 'idNumberBidx'], { unique: true, where: 'id_number_bidx IS NOT NULL' })
@Index('ix_children_org_status_visit', ['orgId', 'status', 'nextVisitDue'])
@Index('ix_children_household', ['householdId'])
// Covering, GIN and pattern-ops indexes TypeORM cannot describe: created by migration 1796300000001, left alone by the drift check.
@Index('ix_children_org_status_registered', { synchronize: false })
@Index('ix_children_categories', { synchronize: false })
@Index('ix_children_org_region', { synchronize: false })
@Check(
  'ck_children_exit',
  `(status = 'active' AND exited_on IS NULL AND exit_reason IS NULL) OR (status = 'exited' AND exited_on IS NOT NULL AND exit_reason IS NOT NULL)`,
)
export class ChildEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  householdId!: string;

  /** Generated pseudonym shown wherever the legal name may not be. */
  @Column('varchar', { length: 40 })
  alias!: string;

  @Column('varchar', { length: 8 })
  gender!: Gender;

  @Column('date')
  birthDate!: string;

  /** GB/T 2260 code, down to township (6 or 9 digits). */
  @Column('varchar', { length: 12 })
  regionCode!: string;

  @Column('varchar', { length: 200, nullable: true })
  schoolName!: string | null;

  @Column('varchar', { length: 40, nullable: true })
  grade!: string | null;

  @Column('text', { array: true })
  categories!: ChildCategory[];

  @Column('varchar', { length: 20, nullable: true })
  livingArrangement!: LivingArrangement | null;

  @Column('varchar', { length: 10, default: 'none' })
  socialAssistance!: SocialAssistance;

  @Column('varchar', { length: 10, default: 'low' })
  riskLevel!: RiskLevel;

  @Column('varchar', { length: 10, default: 'active' })
  status!: ChildStatus;

  @Column('date')
  registeredOn!: string;

  @Column('date', { nullable: true })
  exitedOn!: string | null;

  @Column('varchar', { length: 30, nullable: true })
  exitReason!: ExitReason | null;

  @Column('date', { nullable: true })
  nextVisitDue!: string | null;

  @Column('date', { nullable: true })
  nextReassessmentDue!: string | null;

  @Column('date', { nullable: true })
  lastParentContactOn!: string | null;

  /** Ciphertexts: `<keyId>:<base64(iv | tag | ciphertext)>`. */
  @Column('text')
  legalNameEnc!: string;

  @Column('text', { nullable: true })
  idNumberEnc!: string | null;

  @Column('text', { nullable: true })
  addressEnc!: string | null;

  /** JSON array of {name, relation, phone}, encrypted as one value. */
  @Column('text', { nullable: true })
  guardiansEnc!: string | null;

  /** Keyed HMAC of the normalised legal name (search by exact name). */
  @Column('varchar', { length: 64 })
  nameBidx!: string;

  /** Keyed HMAC of the upper-cased ID number (duplicates, register comparison). */
  @Column('varchar', { length: 64, nullable: true })
  idNumberBidx!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => ChildHouseholdEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_children_household' })
  household?: ChildHouseholdEntity;
}
