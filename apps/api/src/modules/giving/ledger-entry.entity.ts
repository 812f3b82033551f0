import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { PledgeEntity } from './pledge.entity';

import type { BeneficiaryBreakdown, LedgerKind } from '@kindred/contracts';

/**
 * A receipt (the NGO got it) or a usage (the NGO used it), in fen and/or per
 * line. Append-only: a correction is a new entry with `reversesId` and
 * negated amounts.
 */
@Entity('pledge_ledger_entries')
@Index('ix_ledger_pledge', ['pledgeId', 'createdAt'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  pledgeId!: string;

  @Column('uuid')
  orgId!: string;

  @Column('varchar', { length: 8 })
  kind!: LedgerKind;

  @Column('bigint', {
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  amountFen!: number | null;

  /** Official donation receipt number (公益事业捐赠票据), receipts only. */
  @Column('varchar', { length: 64, nullable: true })
  receiptNumber!: string | null;

  @Column('varchar', { length: 1000, nullable: true })
  description!: string | null;

  @Column('int', { nullable: true })
  beneficiaryCount!: number | null;

  @Column('jsonb', { nullable: true })
  beneficiaries!: BeneficiaryBreakdown | null;

  /** Township or coarser (GB/T 2260), never an address. */
  @Column('varchar', { length: 12, nullable: true })
  placeRegionCode!: string | null;

  /** When it was received or used (may precede the record). */
  @Column('timestamptz')
  occurredAt!: Date;

  @Column('uuid')
  recordedBy!: string;

  @Index('uq_ledger_reverses', { unique: true, where: 'reverses_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  reversesId!: string | null;

  @Column('varchar', { length: 500, nullable: true })
  reversalReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => PledgeEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'pledge_id', foreignKeyConstraintName: 'fk_ledger_entries_pledge' })
  pledge?: PledgeEntity;

  @ManyToOne(() => LedgerEntryEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'reverses_id', foreignKeyConstraintName: 'fk_ledger_entries_reverses' })
  reverses?: LedgerEntryEntity;
}
