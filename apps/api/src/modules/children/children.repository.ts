import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { VISIT_KINDS, type AgeBand, type ChildStatus } from '@kindred/contracts';
import { managerOf, type OrgScopedTx } from '../../common/database/transaction-runner';
import { ChildCategoryChangeEntity } from './child-category-change.entity';
import { ChildHouseholdEntity } from './child-household.entity';
import { ChildEntity } from './child.entity';

export type NewChild = Omit<ChildEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'household'>;
export type NewCategoryChange = Omit<ChildCategoryChangeEntity, 'id' | 'recordedAt' | 'child'>;

/** Filters of the children list, already checked; `today` is the Beijing date. */
export interface ChildListFilter {
  orgId: string;
  status: ChildStatus;
  today: string;
  categories?: readonly string[];
  ageBand?: AgeBand;
  regionPrefix?: string;
  visitOverdue?: boolean;
  /** Blind index of the normalised name, or an alias: either matches. */
  search?: { nameBidx: string; alias: string };
}

/** The last row of the page before: children are listed newest registration first. */
export interface ChildListPosition {
  registeredOn: string;
  id: string;
}

/**
 * The WHERE clause of the list, every condition sargable on an index of
 * migrations 1796300000000 / 1796300000001. `orgFilter: false` leaves out the
 * application's own organisation condition, so tests can show row-level
 * security alone keeps other organisations' rows out.
 */
export function childListWhere(filter: ChildListFilter, orgFilter = true): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (orgFilter) where.push(`c.org_id = ${p(filter.orgId)}::uuid`);
  where.push(`c.status = ${p(filter.status)}`);
  if (filter.categories?.length) where.push(`c.categories && ${p(filter.categories)}::text[]`);
  if (filter.ageBand) {
    const today = p(filter.today);
    // Age on `today` in whole years, as bounds on birth_date (an index-friendly range, leap days as PostgreSQL's interval arithmetic).
    if (filter.ageBand === 'under6') where.push(`c.birth_date > (${today}::date - interval '6 years')::date`);
    if (filter.ageBand === '6to14')
      where.push(
        `c.birth_date <= (${today}::date - interval '6 years')::date AND c.birth_date > (${today}::date - interval '15 years')::date`,
      );
    if (filter.ageBand === '15to18') where.push(`c.birth_date <= (${today}::date - interval '15 years')::date`);
  }
  if (filter.regionPrefix) where.push(`c.region_code LIKE ${p(filter.regionPrefix + '%')}`);
  if (filter.visitOverdue) where.push(`c.status = 'active' AND c.next_visit_due < ${p(filter.today)}::date`);
  if (filter.search) where.push(`(c.name_bidx = ${p(filter.search.nameBidx)} OR c.alias = ${p(filter.search.alias)})`);
  return { sql: where.join(' AND '), params };
}

/** Columns of `children` as the entity's properties (raw queries map back to ChildEntity). */
const CHILD_COLUMNS = `c.id, c.org_id AS "orgId", c.household_id AS "householdId", c.alias, c.gender,
  to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate", c.region_code AS "regionCode", c.school_name AS "schoolName", c.grade,
  c.categories, c.living_arrangement AS "livingArrangement", c.social_assistance AS "socialAssistance", c.risk_level AS "riskLevel",
  c.status, to_char(c.registered_on, 'YYYY-MM-DD') AS "registeredOn", to_char(c.exited_on, 'YYYY-MM-DD') AS "exitedOn",
  c.exit_reason AS "exitReason", to_char(c.next_visit_due, 'YYYY-MM-DD') AS "nextVisitDue",
  to_char(c.next_reassessment_due, 'YYYY-MM-DD') AS "nextReassessmentDue",
  to_char(c.last_parent_contact_on, 'YYYY-MM-DD') AS "lastParentContactOn", c.legal_name_enc AS "legalNameEnc",
  c.id_number_enc AS "idNumberEnc", c.address_enc AS "addressEnc", c.guardians_enc AS "guardiansEnc", c.name_bidx AS "nameBidx",
  c.id_number_bidx AS "idNumberBidx", c.created_by AS "createdBy", c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

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

  /** One page of the list (`limit` rows after `after`), newest registration first. */
  async listPage(tx: OrgScopedTx, filter: ChildListFilter, limit: number, after: ChildListPosition | null): Promise<ChildEntity[]> {
    const { sql, params } = childListWhere(filter);
    let keyset = '';
    if (after) {
      params.push(after.registeredOn, after.id);
      keyset = ` AND (c.registered_on, c.id) < ($${params.length - 1}::date, $${params.length}::uuid)`;
    }
    params.push(limit);
    return (await managerOf(tx).query(
      `SELECT ${CHILD_COLUMNS} FROM children c WHERE ${sql}${keyset} ORDER BY c.registered_on DESC, c.id DESC LIMIT $${params.length}`,
      params,
    )) as ChildEntity[];
  }

  async listTotal(tx: OrgScopedTx, filter: ChildListFilter): Promise<number> {
    const { sql, params } = childListWhere(filter);
    const rows = (await managerOf(tx).query(`SELECT count(*)::int AS n FROM children c WHERE ${sql}`, params)) as Array<{ n: number }>;
    return rows[0].n;
  }

  /** The child, locked until the transaction ends (updates read-modify-write it). */
  findForUpdate(tx: OrgScopedTx, id: string): Promise<ChildEntity | null> {
    return managerOf(tx).findOne(ChildEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Saves a changed file; `version` goes up by one. */
  save(tx: OrgScopedTx, child: ChildEntity): Promise<ChildEntity> {
    return managerOf(tx).save(ChildEntity, child);
  }

  async idNumberTakenByOther(tx: OrgScopedTx, orgId: string, idNumberBidx: string, childId: string): Promise<boolean> {
    return managerOf(tx).exists(ChildEntity, { where: { orgId, idNumberBidx, id: Not(childId) } });
  }

  /** Date of the child's last family visit, school visit or phone call, or null. */
  async lastVisitOn(tx: OrgScopedTx, childId: string): Promise<string | null> {
    const rows = (await managerOf(tx).query(
      `SELECT to_char(max(date), 'YYYY-MM-DD') AS last FROM child_services WHERE child_id = $1 AND kind = ANY($2::text[])`,
      [childId, [...VISIT_KINDS]],
    )) as Array<{ last: string | null }>;
    return rows[0]?.last ?? null;
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
