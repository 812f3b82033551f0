import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { LedgerEntryEntity } from './ledger-entry.entity';

/** A photo or document proving a use. Images are re-encoded without metadata (EXIF, GPS) before storage. */
@Entity('evidence_files')
@Index('ix_evidence_org', ['orgId', 'createdAt'])
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  uploadedBy!: string;

  @Column('varchar', { length: 40 })
  contentType!: string;

  @Column('int')
  sizeBytes!: number;

  @Column('varchar', { length: 64 })
  sha256!: string;

  @Column('varchar', { length: 200 })
  storageKey!: string;

  /** The ledger entry (usage) it documents, once attached. */
  @Index('ix_evidence_entry')
  @Column('uuid', { nullable: true })
  entryId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => LedgerEntryEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_evidence_entry' })
  entry?: LedgerEntryEntity;
}
