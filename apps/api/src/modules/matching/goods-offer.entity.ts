import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { OfferStatus } from '@kindred/contracts';

/**
 * Goods a donor (a person, or a company through its owner or CSR manager)
 * can give before any need asks: 冬衣 200 件 in 隆回县 until March. Matching
 * ranks open goods needs for it; accepting one turns it into a goods pledge
 * (giving) and the offer is used. `reserved` holds it while that pledge is
 * being created, so two acceptances cannot both pledge it.
 */
@Entity('goods_offers')
@Index('ix_goods_offers_donor', ['donorUserId', 'createdAt'])
@Index('ix_goods_offers_company', ['onBehalfOfOrgId', 'createdAt'], { where: 'on_behalf_of_org_id IS NOT NULL' })
@Index('ix_goods_offers_open_key', ['itemKey', 'availableUntil'], { where: `status = 'open'` })
@Check('ck_goods_offers_quantity', 'quantity > 0')
@Check('ck_goods_offers_location', '(lat IS NULL) = (lng IS NULL)')
@Check('ck_goods_offers_status', `status IN ('open', 'reserved', 'used', 'withdrawn')`)
@Check('ck_goods_offers_used', `(status = 'used') = (pledge_id IS NOT NULL)`)
export class GoodsOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  donorUserId!: string;

  /** A company the donor gives for (owner or csr_manager); null for a person giving as themselves. */
  @Column('uuid', { nullable: true })
  onBehalfOfOrgId!: string | null;

  @Column('varchar', { length: 100 })
  itemName!: string;

  /** Normalised name or synonym group (item-names.ts): offers and need lines match when their keys are equal. */
  @Column('varchar', { length: 100 })
  itemKey!: string;

  @Column('varchar', { length: 20 })
  unit!: string;

  @Column('int')
  quantity!: number;

  /** Where the goods are (GB/T 2260): nearer needs rank higher. */
  @Column('varchar', { length: 12 })
  regionCode!: string;

  @Column('double precision', { nullable: true })
  lat!: number | null;

  @Column('double precision', { nullable: true })
  lng!: number | null;

  @Column('timestamptz')
  availableUntil!: Date;

  @Column('varchar', { length: 500, nullable: true })
  note!: string | null;

  @Column('varchar', { length: 12, default: 'open' })
  status!: OfferStatus;

  /** When the offer was reserved for an acceptance in progress (a reservation older than a few minutes is stale). */
  @Column('timestamptz', { nullable: true })
  reservedAt!: Date | null;

  /** The Idempotency-Key of the accepting request: a retry with it returns the same pledge. */
  @Column('varchar', { length: 255, nullable: true })
  acceptKey!: string | null;

  @Column('uuid', { nullable: true })
  acceptedNeedId!: string | null;

  @Column('uuid', { nullable: true })
  pledgeId!: string | null;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
