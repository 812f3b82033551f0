import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentMethod, ConsentScope } from '@kindred/contracts';
import { ChildEntity } from './child.entity';

/**
 * A guardian's consent for uses beyond the registry. Rows are kept when
 * withdrawn or replaced (the current one: given, not withdrawn, not expired).
 * The guardian's name is identity data and stored encrypted.
 */
@Entity('child_consents')
@Index('ix_child_consents_child', ['childId', 'givenAt'])
@Index('ix_child_consents_org', ['orgId'])
export class ChildConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  childId!: string;

  /** Ciphertext of the guardian's name (`<keyId>:<base64>`). */
  @Column('text')
  givenByEnc!: string;

  @Column('varchar', { length: 40 })
  relation!: string;

  @Column('varchar', { length: 10 })
  method!: ConsentMethod;

  @Column('text', { array: true })
  scopes!: ConsentScope[];

  @Column('timestamptz')
  givenAt!: Date;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  withdrawnAt!: Date | null;

  @Column('uuid', { nullable: true })
  withdrawnBy!: string | null;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => ChildEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'fk_child_consents_child' })
  child?: ChildEntity;
}
