import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganizationKind, OrganizationStatus } from '@kindred/contracts';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('varchar', { length: 16 })
  kind!: OrganizationKind;

  @Column('varchar', { length: 100 })
  name!: string;

  /** GB/T 2260 code of the organisation's seat. */
  @Column('varchar', { length: 12 })
  regionCode!: string;

  @Column('varchar', { length: 16, default: 'unverified' })
  status!: OrganizationStatus;

  @Column('uuid')
  createdBy!: string;

  @Column('timestamptz', { nullable: true })
  verifiedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
