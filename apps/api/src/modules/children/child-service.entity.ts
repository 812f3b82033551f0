import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ServiceKind } from '@kindred/contracts';
import { ChildEntity } from './child.entity';

/** bigint columns arrive from pg as strings; fen amounts stay far inside Number's exact range. */
const fen = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A service or visit delivered to one child, optionally linked to a need, a shift or a pledge. */
@Entity('child_services')
@Index('ix_child_services_child', ['childId', 'date'])
@Index('ix_child_services_org', ['orgId', 'date'])
@Index('ix_child_services_need', ['needId'], { where: 'need_id IS NOT NULL' })
@Check('ck_child_services_amount', 'amount_fen IS NULL OR amount_fen >= 0')
@Check('ck_child_services_quantity', 'quantity IS NULL OR quantity > 0')
export class ChildServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  childId!: string;

  @Column('varchar', { length: 30 })
  kind!: ServiceKind;

  @Column('date')
  date!: string;

  @Column('uuid', { nullable: true })
  needId!: string | null;

  @Column('uuid', { nullable: true })
  shiftId!: string | null;

  @Column('uuid', { nullable: true })
  pledgeId!: string | null;

  @Column('bigint', { nullable: true, transformer: fen })
  amountFen!: number | null;

  @Column('integer', { nullable: true })
  quantity!: number | null;

  @Column('varchar', { length: 2000, nullable: true })
  notes!: string | null;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt!: Date;

  @ManyToOne(() => ChildEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'fk_child_services_child' })
  child?: ChildEntity;
}
