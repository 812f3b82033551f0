import { Injectable } from '@nestjs/common';
import type { ConcernStatus } from '@kindred/contracts';
import { managerOf, type OrgScopedTx } from '../../common/database/transaction-runner';
import { ConcernEntity } from './concern.entity';

export type NewConcern = Pick<
  ConcernEntity,
  | 'orgId'
  | 'childId'
  | 'childDescriptionEnc'
  | 'reporterUserId'
  | 'category'
  | 'descriptionEnc'
  | 'immediateDanger'
  | 'occurredAt'
  | 'locationEnc'
  | 'ackDueAt'
  | 'source'
>;

export type ConcernChanges = Partial<
  Pick<
    ConcernEntity,
    | 'status'
    | 'acknowledgedAt'
    | 'acknowledgedBy'
    | 'reportedToAuthorities'
    | 'reportAuthority'
    | 'reportReference'
    | 'reportReasonEnc'
    | 'reportDecidedAt'
    | 'reportDecidedBy'
    | 'closedAt'
    | 'closedBy'
    | 'outcomeEnc'
  >
>;

/** Where a page of the queue starts: after this row (status rank, deadline, id). */
export interface QueuePosition {
  rank: number;
  ackDueAt: string;
  id: string;
}

/** The queue's order: open first, then acknowledged, then closed; each by deadline. */
const RANK = `(CASE c.status WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 ELSE 2 END)`;

/**
 * Concerns. Every method takes a transaction bound to organisations: row-level
 * security shows and accepts only their rows (and, for reading, the bound
 * reporter's own, see `bindReporter`).
 */
@Injectable()
export class ConcernsRepository {
  /** Lets this transaction read the concerns `userId` raised, in any NGO (SET LOCAL: ends with the transaction). */
  async bindReporter(tx: OrgScopedTx, userId: string): Promise<void> {
    await managerOf(tx).query(`SELECT set_config('kindred.concern_reporter', $1, true)`, [userId]);
  }

  async insert(tx: OrgScopedTx, concern: NewConcern): Promise<ConcernEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(ConcernEntity, { ...concern, status: 'open' }));
  }

  find(tx: OrgScopedTx, id: string): Promise<ConcernEntity | null> {
    return managerOf(tx).findOne(ConcernEntity, { where: { id } });
  }

  /** The concern locked for a change (only within the bound organisations: a reporter's own read does not lock). */
  lock(tx: OrgScopedTx, id: string): Promise<ConcernEntity | null> {
    return managerOf(tx).createQueryBuilder(ConcernEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  async update(tx: OrgScopedTx, id: string, changes: ConcernChanges): Promise<ConcernEntity> {
    const manager = managerOf(tx);
    await manager.update(ConcernEntity, { id }, changes);
    return (await manager.findOne(ConcernEntity, { where: { id } }))!;
  }

  /** A page of the NGO's queue, and the total under the same filter. */
  async page(
    tx: OrgScopedTx,
    orgId: string,
    status: ConcernStatus | null,
    after: QueuePosition | null,
    limit: number,
  ): Promise<{ rows: Array<ConcernEntity & { rank: number }>; total: number }> {
    const manager = managerOf(tx);
    const base = () => {
      const q = manager.createQueryBuilder(ConcernEntity, 'c').where('c.org_id = :orgId', { orgId });
      if (status) q.andWhere('c.status = :status', { status });
      return q;
    };
    const total = await base().getCount();
    const query = base()
      .addSelect(RANK, 'rank')
      .orderBy(RANK, 'ASC')
      .addOrderBy('c.ack_due_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit);
    if (after) {
      query.andWhere(`(${RANK}, c.ack_due_at, c.id) > (:rank, :at, :id)`, { rank: after.rank, at: after.ackDueAt, id: after.id });
    }
    const { entities, raw } = await query.getRawAndEntities<{ rank: number }>();
    return { rows: entities.map((e, i) => Object.assign(e, { rank: Number(raw[i].rank) })), total };
  }

  /**
   * Marks the NGO's open concerns past their deadline and not yet flagged as
   * notified, and returns them: each is announced once, whoever reads first.
   */
  markOverdue(tx: OrgScopedTx, orgId: string, now: Date): Promise<ConcernEntity[]> {
    return managerOf(tx)
      .createQueryBuilder()
      .update(ConcernEntity)
      .set({ overdueNotifiedAt: now })
      .where(`org_id = :orgId AND status = 'open' AND ack_due_at < :now AND overdue_notified_at IS NULL`, { orgId, now })
      .returning('id, org_id, category, immediate_danger, ack_due_at')
      .execute()
      .then((result) =>
        (result.raw as Array<Record<string, unknown>>).map((r) =>
          Object.assign(new ConcernEntity(), {
            id: r.id as string,
            orgId: r.org_id as string,
            category: r.category as ConcernEntity['category'],
            immediateDanger: r.immediate_danger as boolean,
            ackDueAt: r.ack_due_at as Date,
          }),
        ),
      );
  }

  /** The concerns `userId` raised (needs `bindReporter`), newest first. */
  mine(tx: OrgScopedTx, userId: string, limit: number): Promise<ConcernEntity[]> {
    return managerOf(tx).find(ConcernEntity, { where: { reporterUserId: userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Whether the registry already opened a concern of this category for the child that is not closed. */
  openRegistryFlag(tx: OrgScopedTx, childId: string, category: ConcernEntity['category']): Promise<boolean> {
    return managerOf(tx)
      .createQueryBuilder(ConcernEntity, 'c')
      .where(`c.child_id = :childId AND c.category = :category AND c.source = 'registry_flag' AND c.status <> 'closed'`, {
        childId,
        category,
      })
      .getExists();
  }
}
