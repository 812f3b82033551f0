import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One refresh token. Rotation spends it and issues the next in the same
 * family; presenting a spent token revokes the whole family.
 */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_sessions_family')
  @Column('uuid')
  familyId!: string;

  @Index('ix_sessions_user')
  @Column('uuid')
  userId!: string;

  /** SHA-256 of the opaque token; the token itself is never stored. */
  @Index('uq_sessions_token_hash', { unique: true })
  @Column('varchar', { length: 64 })
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  spentAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
