import { Injectable } from '@nestjs/common';
import type { ChildCategory } from '@kindred/contracts';
import { managerOf, type OrgScopedTx } from '../../common/database/transaction-runner';
import { ChildEntity } from './child.entity';

/** A child found by the keyed hash of its ID number: what a register comparison may answer with. */
export interface RegisterMatch {
  id: string;
  alias: string;
  categories: ChildCategory[];
  status: string;
  idNumberBidx: string;
}

/** A child as it stood in a year: the file plus the categories in force at the year's end. */
export interface SubmissionChild {
  child: ChildEntity;
  categoriesAtYearEnd: ChildCategory[];
}

/**
 * Reads for the register comparison and the exports. Every method takes a
 * transaction bound to the organisation: row-level security filters what the
 * `org_id` conditions here would miss.
 */
@Injectable()
export class RegisterExchangeRepository {
  /** Children of `orgId` whose ID-number blind index is one of `bidxs`. */
  async byIdNumberBidx(tx: OrgScopedTx, orgId: string, bidxs: string[]): Promise<RegisterMatch[]> {
    if (bidxs.length === 0) return [];
    return (await managerOf(tx).query(
      `SELECT id, alias, categories, status, id_number_bidx AS "idNumberBidx"
         FROM children WHERE org_id = $1 AND id_number_bidx = ANY($2::varchar[])`,
      [orgId, bidxs],
    )) as RegisterMatch[];
  }

  /** Active children of `orgId` holding any of `categories`, with their ID-number blind index (null without one). */
  async activeWithCategories(
    tx: OrgScopedTx,
    orgId: string,
    categories: ChildCategory[],
  ): Promise<Array<Omit<RegisterMatch, 'idNumberBidx'> & { idNumberBidx: string | null }>> {
    if (categories.length === 0) return [];
    return (await managerOf(tx).query(
      `SELECT id, alias, categories, status, id_number_bidx AS "idNumberBidx"
         FROM children WHERE org_id = $1 AND status = 'active' AND categories && $2::text[]
        ORDER BY registered_on, alias`,
      [orgId, categories],
    )) as Array<Omit<RegisterMatch, 'idNumberBidx'> & { idNumberBidx: string | null }>;
  }

  /**
   * Children on the registry at any time in the year (registered by its last
   * day, not exited before its first), with the categories their history says
   * were in force on the last day: a past year's submission is rebuilt exactly.
   */
  async onRegistryInYear(tx: OrgScopedTx, orgId: string, year: number): Promise<SubmissionChild[]> {
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    const manager = managerOf(tx);
    const children = await manager
      .createQueryBuilder(ChildEntity, 'c')
      .where('c.orgId = :orgId', { orgId })
      .andWhere('c.registeredOn <= :last', { last })
      .andWhere('(c.exitedOn IS NULL OR c.exitedOn >= :first)', { first })
      .orderBy('c.registeredOn', 'ASC')
      .addOrderBy('c.alias', 'ASC')
      .getMany();
    if (children.length === 0) return [];
    const rows = (await manager.query(
      `SELECT DISTINCT ON (child_id) child_id AS "childId", to_categories AS categories
         FROM child_category_changes
        WHERE org_id = $1 AND child_id = ANY($2::uuid[]) AND effective_on <= $3
        ORDER BY child_id, effective_on DESC, recorded_at DESC`,
      [orgId, children.map((c) => c.id), last],
    )) as Array<{ childId: string; categories: ChildCategory[] }>;
    const atYearEnd = new Map(rows.map((r) => [r.childId, r.categories]));
    return children.map((child) => ({ child, categoriesAtYearEnd: atYearEnd.get(child.id) ?? child.categories }));
  }

  /** Every child of `orgId` (active first), for the non-identifying list export. */
  forListExport(tx: OrgScopedTx, orgId: string): Promise<ChildEntity[]> {
    return managerOf(tx).find(ChildEntity, {
      where: { orgId },
      order: { status: 'ASC', nextVisitDue: { direction: 'ASC', nulls: 'LAST' }, alias: 'ASC' },
    });
  }
}
