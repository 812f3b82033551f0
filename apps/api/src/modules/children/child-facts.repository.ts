import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { managerOf, type OrgScopedTx } from '../../common/database/transaction-runner';
import { ChildEntity } from './child.entity';

/** The few facts of children's files other contexts read (under the caller's bound scope). */
@Injectable()
export class ChildFactsRepository {
  async orgOf(tx: OrgScopedTx, childId: string): Promise<string | null> {
    const row = await managerOf(tx).findOne(ChildEntity, { where: { id: childId }, select: { id: true, orgId: true } });
    return row?.orgId ?? null;
  }

  async aliases(tx: OrgScopedTx, childIds: string[]): Promise<Map<string, string>> {
    if (childIds.length === 0) return new Map();
    const rows = await managerOf(tx).find(ChildEntity, { where: { id: In(childIds) }, select: { id: true, alias: true } });
    return new Map(rows.map((r) => [r.id, r.alias]));
  }
}
