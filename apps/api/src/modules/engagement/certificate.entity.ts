import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificateDocument } from './certificate.document';

/** A volunteer service record certificate: issued by the organisation that recorded the hours (谁记录谁证明). */
@Entity('certificates')
@Index('ix_certificates_user', ['userId', 'issuedAt'])
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_certificates_number', { unique: true })
  @Column('varchar', { length: 32 })
  number!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  userId!: string;

  @Column('int')
  totalMinutes!: number;

  /** The document as issued; re-rendered from this, never from live data. */
  @Column('jsonb')
  document!: CertificateDocument;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('uuid', { nullable: true })
  revokedBy!: string | null;

  @Column('varchar', { length: 300, nullable: true })
  revokeReason!: string | null;
}
