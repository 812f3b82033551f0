import { Injectable } from '@nestjs/common';
import type { OrgScopedTx } from '../../common/database/transaction-runner';
import { ChildFactsRepository } from './child-facts.repository';

/**
 * What other contexts may ask of the registry inside their own transaction,
 * bound to the organisations they were authorised for: whether a child belongs
 * to an NGO, and children's aliases. Never identity.
 */
@Injectable()
export class ChildFacts {
  constructor(private readonly facts: ChildFactsRepository) {}

  /** Whether `childId` is a child of `orgId` (and visible in the bound scope). */
  async belongsTo(tx: OrgScopedTx, orgId: string, childId: string): Promise<boolean> {
    return (await this.facts.orgOf(tx, childId)) === orgId;
  }

  aliases(tx: OrgScopedTx, childIds: string[]): Promise<Map<string, string>> {
    return this.facts.aliases(tx, [...new Set(childIds)]);
  }
}
