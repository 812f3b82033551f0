import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { NeedStatus, NeedType } from '@kindred/contracts';
import { ProgrammeEntity } from './programme.entity';

/** bigint columns arrive from pg as strings; fen amounts stay far inside Number's exact range (see MAX_TARGET_FEN). */
export const fenTransformer = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/**
 * What an NGO asks for. Search indexes that TypeORM cannot express (GIN on
 * skills, a pattern-ops b-tree for region prefixes, a partial index for the
 * public feed) are written by hand in the migration and marked
 * `synchronize: false` so the drift check leaves them alone.
 */
@Entity('needs')
@Index('ix_needs_org', ['orgId', 'createdAt', 'id'])
@Index('ix_needs_lat_lng', ['lat', 'lng'])
@Index('ix_needs_starts_at', ['startsAt', 'id'])
@Check('ck_needs_window', 'ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at')
@Check('ck_needs_location', '(lat IS NULL) = (lng IS NULL)')
@Check('ck_needs_target_fen', 'target_fen IS NULL OR target_fen > 0')
@Check('ck_needs_counts', 'beneficiary_count >= 0 AND (min_age IS NULL OR min_age >= 0)')
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The owning NGO. */
  @Column('uuid')
  orgId!: string;

  @Column('varchar', { length: 24 })
  type!: NeedType;

  @Column('varchar', { length: 120 })
  title!: string;

  @Column('text')
  description!: string;

  /** GB/T 2260 code (county or township); searches match it by prefix. */
  @Index('ix_needs_region_prefix', { synchronize: false })
  @Column('varchar', { length: 12 })
  regionCode!: string;

  /** Where exactly (a school, a village committee); free text. */
  @Column('varchar', { length: 200, nullable: true })
  place!: string | null;

  @Column('double precision', { nullable: true })
  lat!: number | null;

  @Column('double precision', { nullable: true })
  lng!: number | null;

  /** Volunteers meet children: a valid safeguarding check and the code of conduct are required. */
  @Column('boolean')
  childContact!: boolean;

  @Index('ix_needs_required_skills', { synchronize: false })
  @Column('text', { array: true, default: () => "'{}'" })
  requiredSkills!: string[];

  @Column('int', { nullable: true })
  minAge!: number | null;

  @Column('uuid', { nullable: true })
  programmeId!: string | null;

  @Column('varchar', { length: 16, default: 'draft' })
  status!: NeedStatus;

  @Index('ix_needs_public_starts', { synchronize: false })
  @Column('timestamptz', { nullable: true })
  startsAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  endsAt!: Date | null;

  @Column('bigint', { nullable: true, transformer: fenTransformer })
  targetFen!: number | null;

  /** Children served, as a count: typed by the organisation, or the number of children linked to the need. */
  @Column('int', { default: 0 })
  beneficiaryCount!: number;

  /** Children are linked to the need (children context): the count is theirs, not editable by hand. */
  @Column('boolean', { default: false })
  beneficiariesLinked!: boolean;

  @Column('uuid')
  createdBy!: string;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;

  @Column('varchar', { length: 500, nullable: true })
  cancelReason!: string | null;

  @Index('ix_needs_public_created', { synchronize: false })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_needs_programme' })
  programme?: ProgrammeEntity;
}
