import { Injectable } from '@nestjs/common';
import { managerOf, type OrgScopedTx } from '../../common/database/transaction-runner';
import { ChildCategoryChangeEntity } from './child-category-change.entity';
import { ChildHouseholdEntity } from './child-household.entity';
import { ChildEntity } from './child.entity';

export type NewChild = Omit<ChildEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'household'>;
export type NewCategoryChange = Omit<ChildCategoryChangeEntity, 'id' | 'recordedAt' | 'child'>;

/**
 * Children's files. Every method takes a transaction bound to an organisation
 * scope: row-level security in PostgreSQL filters what the filters here miss.
 */
@Injectable()
export class ChildrenRepository {
  async insertHousehold(tx: OrgScopedTx, orgId: string): Promise<string> {
    const manager = managerOf(tx);
    const household = await manager.save(manager.create(ChildHouseholdEntity, { orgId }));
    return household.id;
  }

  async insert(tx: OrgScopedTx, child: NewChild): Promise<ChildEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(ChildEntity, child));
  }

  async aliasTaken(tx: OrgScopedTx, orgId: string, alias: string): Promise<boolean> {
    return managerOf(tx).exists(ChildEntity, { where: { orgId, alias } });
  }

  async idNumberTaken(tx: OrgScopedTx, orgId: string, idNumberBidx: string): Promise<boolean> {
    return managerOf(tx).exists(ChildEntity, { where: { orgId, idNumberBidx } });
  }

  /** One child visible in the bound scope, or null. */
  find(tx: OrgScopedTx, id: string): Promise<ChildEntity | null> {
    return managerOf(tx).findOne(ChildEntity, { where: { id } });
  }

  async insertCategoryChange(tx: OrgScopedTx, change: NewCategoryChange): Promise<void> {
    const manager = managerOf(tx);
    await manager.save(manager.create(ChildCategoryChangeEntity, change));
  }

  categoryHistory(tx: OrgScopedTx, childId: string): Promise<ChildCategoryChangeEntity[]> {
    return managerOf(tx).find(ChildCategoryChangeEntity, { where: { childId }, order: { effectiveOn: 'ASC', recordedAt: 'ASC' } });
  }

  /** Scopes of each child's current consents (given, not withdrawn, not expired at `at`). */
  async currentConsentScopes(tx: OrgScopedTx, childIds: string[], at: Date): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (childIds.length === 0) return result;
    const rows = (await managerOf(tx).query(
      `SELECT c.child_id AS "childId", array_agg(DISTINCT s.scope ORDER BY s.scope) AS scopes
         FROM child_consents c CROSS JOIN LATERAL unnest(c.scopes) AS s(scope)
        WHERE c.child_id = ANY($1::uuid[]) AND c.withdrawn_at IS NULL AND c.given_at <= $2
          AND (c.expires_at IS NULL OR c.expires_at > $2)
        GROUP BY c.child_id`,
      [childIds, at],
    )) as Array<{ childId: string; scopes: string[] }>;
    for (const row of rows) result.set(row.childId, row.scopes);
    return result;
  }
}
