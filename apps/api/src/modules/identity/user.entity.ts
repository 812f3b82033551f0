import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale } from '@kindred/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower-cased; unique when present. */
  @Index('uq_users_email', { unique: true, where: 'email IS NOT NULL' })
  @Column('varchar', { length: 254, nullable: true })
  email!: string | null;

  /** Mainland mobile number normalised to 11 digits; unique when present. */
  @Index('uq_users_phone', { unique: true, where: 'phone IS NOT NULL' })
  @Column('varchar', { length: 11, nullable: true })
  phone!: string | null;

  @Column('varchar', { length: 200 })
  passwordHash!: string;

  @Column('varchar', { length: 60 })
  displayName!: string;

  @Column('varchar', { length: 8, default: 'zh-CN' })
  locale!: Locale;

  @Column('boolean', { default: false })
  isPlatformAdmin!: boolean;

  @Column('int', { default: 0 })
  failedLoginCount!: number;

  @Column('timestamptz', { nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
