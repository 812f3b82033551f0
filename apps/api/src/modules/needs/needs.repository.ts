import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { NeedStatus, NeedType } from '@kindred/contracts';
import type { OrgScope } from '../../common/auth/org-scope';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { NeedItemEntity } from './need-item.entity';
import { NeedEntity } from './need.entity';
import type { SqlQuery } from './sql/needs-search.sql';

export type NeedFields = Pick<
  NeedEntity,
  | 'type'
  | 'title'
  | 'description'
  | 'regionCode'
  | 'place'
  | 'lat'
  | 'lng'
  | 'childContact'
  | 'requiredSkills'
  | 'minAge'
  | 'programmeId'
  | 'startsAt'
  | 'endsAt'
  | 'targetFen'
  | 'beneficiaryCount'
>;

export interface NewItem {
  name: string;
  unit: string;
  quantity: number;
}

/** One row of the search statement (see sql/needs-search.sql.ts). */
export interface NeedSearchRow {
  id: string;
  org_id: string;
  type: NeedType;
  title: string;
  region_code: string;
  lat: number | null;
  lng: number | null;
  child_contact: boolean;
  required_skills: string[];
  min_age: number | null;
  status: NeedStatus;
  starts_at: Date | null;
  ends_at: Date | null;
  target_fen: string | null;
  beneficiary_count: number;
  programme_id: string | null;
  published_at: Date | null;
  created_at: Date;
  sort_key: string;
  distance_km?: number;
}

@Injectable()
export class NeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }

  async insert(tx: Tx, scope: OrgScope, fields: NeedFields & { createdBy: string }): Promise<NeedEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(NeedEntity, { ...fields, orgId: scope.orgId, status: 'draft' }));
  }

  /**
   * A need by id, whoever asks: the service decides what the caller may see
   * (listed needs are public, drafts only for the organisation).
   */
  /** Titles of needs by id, for other contexts' lists (no access check: ids come from the caller's own rows). */
  async titles(ids: string[]): Promise<Array<{ id: string; title: string }>> {
    if (ids.length === 0) return [];
    return this.manager().createQueryBuilder(NeedEntity, 'n').select(['n.id', 'n.title']).where('n.id IN (:...ids)', { ids }).getMany();
  }

  findById(id: string, tx?: Tx): Promise<NeedEntity | null> {
    return this.manager(tx).findOneBy(NeedEntity, { id });
  }

  /** Locks the need row of the scoped organisation; serialises status changes, edits and shift changes of one need. */
  lock(tx: Tx, scope: OrgScope, id: string): Promise<NeedEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(NeedEntity, 'n')
      .setLock('pessimistic_write')
      .where('n.id = :id AND n.org_id = :orgId', { id, orgId: scope.orgId })
      .getOne();
  }

  /** The count of linked children, and whether any are linked (then the count is no longer typed by hand). */
  async setLinkedBeneficiaries(tx: Tx, scope: OrgScope, id: string, count: number): Promise<void> {
    await managerOf(tx).update(NeedEntity, { id, orgId: scope.orgId }, { beneficiaryCount: count, beneficiariesLinked: count > 0 });
  }

  async update(tx: Tx, scope: OrgScope, id: string, fields: Partial<NeedFields>): Promise<void> {
    if (Object.keys(fields).length === 0) return;
    await managerOf(tx).update(NeedEntity, { id, orgId: scope.orgId }, fields as QueryDeepPartialEntity<NeedEntity>);
  }

  async setStatus(
    tx: Tx,
    scope: OrgScope,
    id: string,
    status: NeedStatus,
    extra: { publishedAt?: Date; cancelledAt?: Date; cancelReason?: string | null } = {},
  ): Promise<void> {
    await managerOf(tx).update(NeedEntity, { id, orgId: scope.orgId }, { status, ...extra });
  }

  items(needId: string, tx?: Tx): Promise<NeedItemEntity[]> {
    return this.manager(tx).find(NeedItemEntity, { where: { needId }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** Replaces the goods lines of a draft (pledges only ever refer to lines of published needs). */
  async replaceItems(tx: Tx, scope: OrgScope, needId: string, items: NewItem[]): Promise<void> {
    const manager = managerOf(tx);
    const owned = await manager.existsBy(NeedEntity, { id: needId, orgId: scope.orgId });
    if (!owned) return;
    await manager.delete(NeedItemEntity, { needId });
    if (items.length > 0)
      await manager.insert(
        NeedItemEntity,
        items.map((item, position) => ({ ...item, needId, position })),
      );
  }

  async search(query: SqlQuery): Promise<NeedSearchRow[]> {
    return this.dataSource.query(query.text, query.values);
  }
}
