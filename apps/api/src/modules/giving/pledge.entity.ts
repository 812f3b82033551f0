import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PledgeChannel, PledgeKind, PledgeStatus } from '@kindred/contracts';

/** bigint columns arrive from pg as strings; fen amounts stay well inside Number's safe range. */
export const fenTransformer = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/**
 * A promise of money (integer fen) or goods to an NGO's need or programme.
 * Received and used totals are kept on the row and guarded by CHECK
 * constraints (used ≤ received ≤ pledged) and by conditional updates.
 */
@Entity('pledges')
@Check(
  'ck_pledges_money',
  `kind <> 'money' OR (pledged_fen > 0 AND 0 <= used_fen AND used_fen <= received_fen AND received_fen <= pledged_fen)`,
)
@Check('ck_pledges_goods', `kind <> 'goods' OR (pledged_fen IS NULL AND received_fen = 0 AND used_fen = 0)`)
@Index('ix_pledges_org_id', ['orgId', 'createdAt'])
@Index('ix_pledges_donor', ['donorUserId', 'createdAt'])
@Index('ix_pledges_company', ['onBehalfOfOrgId', 'createdAt'])
@Index('ix_pledges_need', ['needId'])
export class PledgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The receiving NGO. */
  @Column('uuid')
  orgId!: string;

  @Column('uuid', { nullable: true })
  needId!: string | null;

  @Column('uuid', { nullable: true })
  programmeId!: string | null;

  @Column('varchar', { length: 8 })
  kind!: PledgeKind;

  @Column('uuid')
  donorUserId!: string;

  /** The company a CSR manager or owner pledged for. */
  @Column('uuid', { nullable: true })
  onBehalfOfOrgId!: string | null;

  @Column('varchar', { length: 24, default: 'online_form' })
  channel!: PledgeChannel;

  @Column('uuid', { nullable: true })
  documentId!: string | null;

  @Column('varchar', { length: 500, nullable: true })
  note!: string | null;

  @Column('varchar', { length: 16, default: 'pledged' })
  status!: PledgeStatus;

  @Column('bigint', { nullable: true, transformer: fenTransformer })
  pledgedFen!: number | null;

  @Column('bigint', { default: 0, transformer: fenTransformer })
  receivedFen!: number;

  @Column('bigint', { default: 0, transformer: fenTransformer })
  usedFen!: number;

  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;

  @Column('uuid', { nullable: true })
  cancelledBy!: string | null;

  @Column('varchar', { length: 500, nullable: true })
  cancelReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
