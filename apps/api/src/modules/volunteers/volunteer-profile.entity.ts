import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AvailabilitySlot } from '@kindred/contracts';

/** One per user who volunteers. Only the volunteer reads the whole row; others get what their role needs. */
@Entity('volunteer_profiles')
@Index('ix_volunteer_profiles_region', ['regionCode'])
@Index('ix_volunteer_profiles_employer', ['employerOrgId'])
// Matching finds the volunteers near a need with a bounding box on this index (matching/sql/candidates.sql.ts).
@Index('ix_volunteer_profiles_lat_lng', ['lat', 'lng'])
export class VolunteerProfileEntity {
  @PrimaryColumn('uuid')
  userId!: string;

  /** Unified volunteer number (KV + year + 6 digits), so an ID-card number never needs to be shown. */
  @Index('uq_volunteer_profiles_number', { unique: true })
  @Column('varchar', { length: 16 })
  volunteerNumber!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  skills!: string[];

  /** Languages and dialects spoken, e.g. 普通话, 湘语, 瑶语. */
  @Column('text', { array: true, default: () => "'{}'" })
  languages!: string[];

  /** GB/T 2260 code, down to township. */
  @Column('varchar', { length: 12 })
  regionCode!: string;

  @Column('double precision', { nullable: true })
  lat!: number | null;

  @Column('double precision', { nullable: true })
  lng!: number | null;

  @Column('jsonb', { default: () => "'[]'" })
  availability!: AvailabilitySlot[];

  @Column('int', { nullable: true })
  monthlyHourCap!: number | null;

  /** A company the volunteer is a member of, for employee-volunteering totals. */
  @Column('uuid', { nullable: true })
  employerOrgId!: string | null;

  /** For minimum-age rules; never leaves the volunteers context except as an age check. */
  @Column('date', { nullable: true })
  birthDate!: string | null;

  @Column('varchar', { length: 20, nullable: true })
  codeOfConductVersionAccepted!: string | null;

  @Column('timestamptz', { nullable: true })
  codeOfConductAcceptedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
