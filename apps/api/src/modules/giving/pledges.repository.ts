import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PledgeStatus } from '@kindred/contracts';
import type { OrgScope } from '../../common/auth/org-scope';
import { rowsOf } from '../../common/database/sql';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import type { LedgerKind } from '@kindred/contracts';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { LedgerLineEntity } from './ledger-line.entity';
import { PledgeLineEntity } from './pledge-line.entity';
import { PledgeEntity } from './pledge.entity';

/** Who may see a pledge: the receiving NGO, the donor, and the company pledged for. */
export interface PledgeParties {
  id: string;
  orgId: string;
  needId: string | null;
  donorUserId: string;
  onBehalfOfOrgId: string | null;
  kind: PledgeEntity['kind'];
  cancelled: boolean;
}

export interface PledgeListFilter {
  orgScope?: OrgScope;
  donorUserId?: string;
  companyScope?: OrgScope;
  needId?: string;
  status?: PledgeStatus;
}

export type NewPledge = Pick<
  PledgeEntity,
  'orgId' | 'needId' | 'programmeId' | 'kind' | 'donorUserId' | 'onBehalfOfOrgId' | 'channel' | 'documentId' | 'note' | 'pledgedFen'
>;

@Injectable()
export class PledgesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  /** `scope` is the receiving NGO's, granted after the need was found open. */
  async insert(
    tx: Tx,
    scope: OrgScope,
    pledge: NewPledge,
    lines: Array<Pick<PledgeLineEntity, 'itemId' | 'name' | 'unit' | 'quantity'>>,
  ): Promise<PledgeEntity> {
    const manager = managerOf(tx);
    const saved = await manager.save(manager.create(PledgeEntity, { ...pledge, orgId: scope.orgId }));
    if (lines.length > 0)
      await manager.insert(
        PledgeLineEntity,
        lines.map((l) => ({ ...l, pledgeId: saved.id })),
      );
    return saved;
  }

  /** Only the parties, for deciding who may act; no amounts, no personal data. */
  async parties(id: string, tx?: Tx): Promise<PledgeParties | null> {
    const row = await this.manager(tx).findOne(PledgeEntity, {
      where: { id },
      select: { id: true, orgId: true, needId: true, donorUserId: true, onBehalfOfOrgId: true, kind: true, cancelledAt: true },
    });
    return row
      ? {
          id: row.id,
          orgId: row.orgId,
          needId: row.needId,
          donorUserId: row.donorUserId,
          onBehalfOfOrgId: row.onBehalfOfOrgId,
          kind: row.kind,
          cancelled: row.cancelledAt !== null,
        }
      : null;
  }

  /** Reads one pledge the caller was already allowed to see (parties checked by the service). */
  async get(id: string, tx?: Tx): Promise<{ pledge: PledgeEntity; lines: PledgeLineEntity[] } | null> {
    const pledge = await this.manager(tx).findOneBy(PledgeEntity, { id });
    if (!pledge) return null;
    const lines = await this.manager(tx).find(PledgeLineEntity, { where: { pledgeId: id }, order: { name: 'ASC', id: 'ASC' } });
    return { pledge, lines };
  }

  async page(filter: PledgeListFilter, limit: number, cursor: { createdAt: string; id: string } | null): Promise<PledgeEntity[]> {
    const q = this.dataSource.manager
      .createQueryBuilder(PledgeEntity, 'p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit);
    if (filter.orgScope) q.andWhere('p.org_id = :orgId', { orgId: filter.orgScope.orgId });
    if (filter.donorUserId) q.andWhere('p.donor_user_id = :donor', { donor: filter.donorUserId });
    if (filter.companyScope) q.andWhere('p.on_behalf_of_org_id = :company', { company: filter.companyScope.orgId });
    if (filter.needId) q.andWhere('p.need_id = :needId', { needId: filter.needId });
    if (filter.status) q.andWhere('p.status = :status', { status: filter.status });
    if (cursor) q.andWhere('(p.created_at, p.id) < (:createdAt, :id)', cursor);
    return q.getMany();
  }

  /**
   * Moves received or used money by `delta` fen (negative for a reversal) only
   * while used ≤ received ≤ pledged still holds; the row lock serialises
   * concurrent movements and the condition is re-checked after the wait.
   */
  async moveFen(tx: Tx, scope: OrgScope, pledgeId: string, kind: LedgerKind, delta: number): Promise<boolean> {
    const sql =
      kind === 'receipt'
        ? `UPDATE pledges SET received_fen = received_fen + $3
            WHERE id = $1 AND org_id = $2 AND cancelled_at IS NULL AND kind = 'money'
              AND received_fen + $3 <= pledged_fen AND received_fen + $3 >= used_fen
            RETURNING id`
        : `UPDATE pledges SET used_fen = used_fen + $3
            WHERE id = $1 AND org_id = $2 AND cancelled_at IS NULL AND kind = 'money'
              AND used_fen + $3 <= received_fen AND used_fen + $3 >= 0
            RETURNING id`;
    const rows = await rowsOf(managerOf(tx), sql, [pledgeId, scope.orgId, delta]);
    return rows.length === 1;
  }

  /** The same guard per goods line. */
  async moveLine(tx: Tx, scope: OrgScope, pledgeId: string, lineId: string, kind: LedgerKind, delta: number): Promise<boolean> {
    const sql =
      kind === 'receipt'
        ? `UPDATE pledge_lines l SET received = l.received + $4
             FROM pledges p
            WHERE l.id = $3 AND l.pledge_id = $1 AND p.id = l.pledge_id AND p.org_id = $2 AND p.cancelled_at IS NULL
              AND l.received + $4 <= l.quantity AND l.received + $4 >= l.used
            RETURNING l.id`
        : `UPDATE pledge_lines l SET used = l.used + $4
             FROM pledges p
            WHERE l.id = $3 AND l.pledge_id = $1 AND p.id = l.pledge_id AND p.org_id = $2 AND p.cancelled_at IS NULL
              AND l.used + $4 <= l.received AND l.used + $4 >= 0
            RETURNING l.id`;
    const rows = await rowsOf(managerOf(tx), sql, [pledgeId, scope.orgId, lineId, delta]);
    return rows.length === 1;
  }

  /** Status is derived from the ledger totals, never set by hand. */
  async refreshStatus(tx: Tx, pledgeId: string): Promise<PledgeStatus> {
    const rows: Array<{ status: PledgeStatus }> = await rowsOf(
      managerOf(tx),
      `UPDATE pledges p SET status = CASE
          WHEN p.cancelled_at IS NOT NULL THEN 'cancelled'
          WHEN p.kind = 'money' THEN CASE
            WHEN p.used_fen >= p.pledged_fen THEN 'used'
            WHEN p.used_fen > 0 THEN 'partly_used'
            WHEN p.received_fen > 0 THEN 'received'
            ELSE 'pledged' END
          ELSE (SELECT CASE
            WHEN sum(l.used) >= sum(l.quantity) THEN 'used'
            WHEN sum(l.used) > 0 THEN 'partly_used'
            WHEN sum(l.received) > 0 THEN 'received'
            ELSE 'pledged' END
            FROM pledge_lines l WHERE l.pledge_id = p.id)
        END
        WHERE p.id = $1
        RETURNING p.status`,
      [pledgeId],
    );
    return rows[0].status;
  }

  /** Cancels only a pledge of which nothing was received yet. */
  async cancel(tx: Tx, pledgeId: string, by: string, reason: string): Promise<boolean> {
    const rows: unknown[] = await rowsOf(
      managerOf(tx),
      `UPDATE pledges p SET cancelled_at = now(), cancelled_by = $2, cancel_reason = $3, status = 'cancelled'
        WHERE p.id = $1 AND p.cancelled_at IS NULL AND p.received_fen = 0
          AND NOT EXISTS (SELECT 1 FROM pledge_lines l WHERE l.pledge_id = p.id AND l.received > 0)
        RETURNING p.id`,
      [pledgeId, by, reason],
    );
    return rows.length === 1;
  }

  async insertEntry(
    tx: Tx,
    scope: OrgScope,
    entry: Omit<LedgerEntryEntity, 'id' | 'createdAt' | 'orgId'>,
    lines: Array<{ lineId: string; quantity: number }>,
  ): Promise<LedgerEntryEntity> {
    const manager = managerOf(tx);
    const saved = await manager.save(manager.create(LedgerEntryEntity, { ...entry, orgId: scope.orgId }));
    if (lines.length > 0)
      await manager.insert(
        LedgerLineEntity,
        lines.map((l) => ({ ...l, entryId: saved.id })),
      );
    return saved;
  }

  async entry(
    tx: Tx,
    scope: OrgScope,
    pledgeId: string,
    entryId: string,
  ): Promise<{ entry: LedgerEntryEntity; lines: LedgerLineEntity[] } | null> {
    const entry = await managerOf(tx).findOneBy(LedgerEntryEntity, { id: entryId, pledgeId, orgId: scope.orgId });
    if (!entry) return null;
    return { entry, lines: await managerOf(tx).findBy(LedgerLineEntity, { entryId }) };
  }

  async pledgeOfEntry(entryId: string): Promise<string | null> {
    const entry = await this.dataSource.manager.findOne(LedgerEntryEntity, {
      where: { id: entryId },
      select: { id: true, pledgeId: true },
    });
    return entry?.pledgeId ?? null;
  }

  async entries(pledgeId: string): Promise<Array<{ entry: LedgerEntryEntity; lines: LedgerLineEntity[] }>> {
    const entries = await this.dataSource.manager.find(LedgerEntryEntity, { where: { pledgeId }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (entries.length === 0) return [];
    const lines = await this.dataSource.manager
      .createQueryBuilder(LedgerLineEntity, 'l')
      .where('l.entry_id IN (:...ids)', { ids: entries.map((e) => e.id) })
      .getMany();
    return entries.map((entry) => ({ entry, lines: lines.filter((l) => l.entryId === entry.id) }));
  }

  /** Pledged, received and used per goods item and in fen over all live pledges of a need. */
  async coverage(needId: string): Promise<{
    money: { pledged: number; received: number; used: number };
    items: Array<{ itemId: string; pledged: number; received: number; used: number }>;
  }> {
    const [money]: Array<{ pledged: string; received: string; used: string }> = await this.dataSource.query(
      `SELECT COALESCE(sum(pledged_fen), 0) AS pledged, COALESCE(sum(received_fen), 0) AS received, COALESCE(sum(used_fen), 0) AS used
         FROM pledges WHERE need_id = $1 AND kind = 'money' AND cancelled_at IS NULL`,
      [needId],
    );
    const items: Array<{ item_id: string; pledged: string; received: string; used: string }> = await this.dataSource.query(
      `SELECT l.item_id, sum(l.quantity) AS pledged, sum(l.received) AS received, sum(l.used) AS used
         FROM pledge_lines l JOIN pledges p ON p.id = l.pledge_id
        WHERE p.need_id = $1 AND p.cancelled_at IS NULL
        GROUP BY l.item_id`,
      [needId],
    );
    return {
      money: { pledged: Number(money.pledged), received: Number(money.received), used: Number(money.used) },
      items: items.map((i) => ({ itemId: i.item_id, pledged: Number(i.pledged), received: Number(i.received), used: Number(i.used) })),
    };
  }
}
