import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../../common/database/sql';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { GoodsOfferEntity } from './goods-offer.entity';

export type NewOffer = Pick<
  GoodsOfferEntity,
  | 'donorUserId'
  | 'onBehalfOfOrgId'
  | 'itemName'
  | 'itemKey'
  | 'unit'
  | 'quantity'
  | 'regionCode'
  | 'lat'
  | 'lng'
  | 'availableUntil'
  | 'note'
>;

/** A reservation older than this belongs to an acceptance that never finished (the process died): it may be taken over. */
export const STALE_RESERVATION_MS = 5 * 60_000;

/**
 * Goods offers belong to a donor (a person, or the company they give for),
 * not to an NGO: the service checks the caller against the row, and every
 * method here that changes a row names it by id under that check.
 */
@Injectable()
export class OffersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  async insert(tx: Tx, offer: NewOffer): Promise<GoodsOfferEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(GoodsOfferEntity, { ...offer, status: 'open' }));
  }

  findById(id: string, tx?: Tx): Promise<GoodsOfferEntity | null> {
    return this.manager(tx).findOneBy(GoodsOfferEntity, { id });
  }

  /** The caller's own offers and those of the companies they give for, newest first. */
  mine(userId: string, companyIds: readonly string[], limit: number): Promise<GoodsOfferEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(GoodsOfferEntity, 'o')
      .where('o.donor_user_id = :userId', { userId })
      .orWhere('o.on_behalf_of_org_id = ANY(:companyIds)', { companyIds })
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(limit)
      .getMany();
  }

  /** Open, unexpired offers whose item key is one of `keys` (a need's lines), oldest first (first come, first offered). */
  openWithKeys(keys: readonly string[], now: Date, limit: number): Promise<GoodsOfferEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(GoodsOfferEntity, 'o')
      .where(`o.status = 'open' AND o.item_key = ANY(:keys) AND o.available_until > :now`, { keys, now })
      .orderBy('o.created_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /**
   * Takes the offer for one acceptance: open, or reserved by an acceptance
   * that died. False when someone else holds or used it. The conditional
   * update is the lock: two acceptances cannot both get `true`.
   */
  async reserve(tx: Tx, id: string, acceptKey: string, now: Date): Promise<boolean> {
    const rows = await rowsOf<{ id: string }>(
      managerOf(tx),
      `UPDATE goods_offers SET status = 'reserved', reserved_at = $2, accept_key = $3, updated_at = now()
        WHERE id = $1 AND (status = 'open' OR (status = 'reserved' AND reserved_at < $4)) AND available_until > $2
        RETURNING id`,
      [id, now, acceptKey, new Date(now.getTime() - STALE_RESERVATION_MS)],
    );
    return rows.length === 1;
  }

  /** Gives a reservation back when the pledge could not be created. */
  async release(tx: Tx, id: string, acceptKey: string): Promise<void> {
    await managerOf(tx).query(
      `UPDATE goods_offers SET status = 'open', reserved_at = NULL, accept_key = NULL, updated_at = now()
        WHERE id = $1 AND status = 'reserved' AND accept_key = $2`,
      [id, acceptKey],
    );
  }

  /** Reserved → used, with the pledge it became. False when the reservation was lost meanwhile. */
  async markUsed(tx: Tx, id: string, acceptKey: string, needId: string, pledgeId: string): Promise<boolean> {
    const rows = await rowsOf<{ id: string }>(
      managerOf(tx),
      `UPDATE goods_offers SET status = 'used', accepted_need_id = $3, pledge_id = $4, accepted_at = now(), reserved_at = NULL, updated_at = now()
        WHERE id = $1 AND status = 'reserved' AND accept_key = $2
        RETURNING id`,
      [id, acceptKey, needId, pledgeId],
    );
    return rows.length === 1;
  }
}
