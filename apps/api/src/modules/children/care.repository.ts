import { Injectable } from '@nestjs/common';
import { managerOf, type OrgScopedTx, type Tx } from '../../common/database/transaction-runner';
import { ChildAssessmentEntity } from './child-assessment.entity';
import { ChildCategoryChangeEntity } from './child-category-change.entity';
import { ChildConsentEntity } from './child-consent.entity';
import { ChildFollowUpEntity } from './child-follow-up.entity';
import { ChildServiceEntity } from './child-service.entity';
import { ChildEntity } from './child.entity';
import { NeedBeneficiaryEntity } from './need-beneficiary.entity';

export type NewConsent = Omit<ChildConsentEntity, 'id' | 'createdAt' | 'child' | 'withdrawnAt' | 'withdrawnBy'>;
export type NewService = Omit<ChildServiceEntity, 'id' | 'recordedAt' | 'child'>;
export type NewAssessment = Omit<ChildAssessmentEntity, 'id' | 'recordedAt' | 'child'>;
export type NewFollowUp = Omit<ChildFollowUpEntity, 'id' | 'createdAt' | 'child' | 'endedOn' | 'lastContactOn'>;

/** What the care schedule of a file may move (never its identity, categories or status). */
export interface CareDates {
  nextVisitDue?: string;
  nextReassessmentDue?: string;
  lastParentContactOn?: string;
}

/** A child on a need's list, with the alias-level facts only. */
export interface LinkedChild {
  childId: string;
  alias: string;
  birthDate: string;
  status: string;
  needToKnow: string[];
  linkedAt: Date;
}

/**
 * The care side of children's files: consents, services and visits,
 * assessments, follow-up pairings and need links. Every method takes a
 * transaction bound to an organisation scope (row-level security filters what
 * the filters here miss).
 */
@Injectable()
export class CareRepository {
  /** The child's row locked for the rest of the transaction (serialises schedule updates of one file), or null. */
  lockChild(tx: OrgScopedTx, id: string): Promise<ChildEntity | null> {
    return managerOf(tx).createQueryBuilder(ChildEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  findChild(tx: OrgScopedTx, id: string): Promise<ChildEntity | null> {
    return managerOf(tx).findOne(ChildEntity, { where: { id } });
  }

  /** Moves the care schedule; dates only ever move forward (`GREATEST`), so a back-filled record cannot pull them back. */
  async moveCareDates(tx: OrgScopedTx, childId: string, dates: CareDates): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [childId];
    const column = {
      nextVisitDue: 'next_visit_due',
      nextReassessmentDue: 'next_reassessment_due',
      lastParentContactOn: 'last_parent_contact_on',
    };
    for (const [key, value] of Object.entries(dates) as Array<[keyof CareDates, string | undefined]>) {
      if (value === undefined) continue;
      values.push(value);
      sets.push(`${column[key]} = GREATEST(${column[key]}, $${values.length}::date)`);
    }
    if (sets.length === 0) return;
    await managerOf(tx).query(`UPDATE children SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
  }

  // --- consents

  /** Every consent of the child, newest first. */
  consents(tx: OrgScopedTx, childId: string): Promise<ChildConsentEntity[]> {
    return managerOf(tx).find(ChildConsentEntity, { where: { childId }, order: { createdAt: 'DESC', givenAt: 'DESC', id: 'DESC' } });
  }

  /** Marks every not yet withdrawn consent of the child withdrawn now (`now()`: the transaction's start). Returns how many. */
  async withdrawConsents(tx: OrgScopedTx, childId: string, by: string): Promise<number> {
    const rows = (await managerOf(tx).query(
      `UPDATE child_consents SET withdrawn_at = now(), withdrawn_by = $2 WHERE child_id = $1 AND withdrawn_at IS NULL RETURNING id`,
      [childId, by],
    )) as [Array<{ id: string }>, number];
    return rows[1];
  }

  async insertConsent(tx: OrgScopedTx, consent: NewConsent): Promise<ChildConsentEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(ChildConsentEntity, { ...consent, withdrawnAt: null, withdrawnBy: null }));
  }

  /** Children among `childIds` holding a current consent with `scope` at `at`. */
  async withCurrentScope(tx: OrgScopedTx, childIds: string[], scope: string, at: Date): Promise<Set<string>> {
    if (childIds.length === 0) return new Set();
    const rows = (await managerOf(tx).query(
      `SELECT DISTINCT child_id AS "childId" FROM child_consents
        WHERE child_id = ANY($1::uuid[]) AND $2 = ANY(scopes) AND withdrawn_at IS NULL AND given_at <= $3
          AND (expires_at IS NULL OR expires_at > $3)`,
      [childIds, scope, at],
    )) as Array<{ childId: string }>;
    return new Set(rows.map((r) => r.childId));
  }

  // --- services, assessments, category history

  async insertService(tx: OrgScopedTx, service: NewService): Promise<ChildServiceEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(ChildServiceEntity, service));
  }

  /** One page of the child's services, newest date first, after the keyset `(date, id)`. */
  services(tx: OrgScopedTx, childId: string, limit: number, after: { date: string; id: string } | null): Promise<ChildServiceEntity[]> {
    const query = managerOf(tx)
      .createQueryBuilder(ChildServiceEntity, 's')
      .where('s.child_id = :childId', { childId })
      .orderBy('s.date', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit);
    if (after) query.andWhere('(s.date, s.id) < (CAST(:date AS date), CAST(:id AS uuid))', { date: after.date, id: after.id });
    return query.getMany();
  }

  allServices(tx: OrgScopedTx, childId: string): Promise<ChildServiceEntity[]> {
    return managerOf(tx).find(ChildServiceEntity, { where: { childId }, order: { date: 'DESC', recordedAt: 'DESC' } });
  }

  async insertAssessment(tx: OrgScopedTx, assessment: NewAssessment): Promise<ChildAssessmentEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(ChildAssessmentEntity, assessment));
  }

  assessments(tx: OrgScopedTx, childId: string): Promise<ChildAssessmentEntity[]> {
    return managerOf(tx).find(ChildAssessmentEntity, { where: { childId }, order: { date: 'DESC', recordedAt: 'DESC' } });
  }

  categoryChanges(tx: OrgScopedTx, childId: string): Promise<ChildCategoryChangeEntity[]> {
    return managerOf(tx).find(ChildCategoryChangeEntity, { where: { childId }, order: { effectiveOn: 'DESC', recordedAt: 'DESC' } });
  }

  // --- follow-ups

  followUps(tx: OrgScopedTx, childId: string): Promise<ChildFollowUpEntity[]> {
    return managerOf(tx).find(ChildFollowUpEntity, { where: { childId }, order: { startedOn: 'DESC', createdAt: 'DESC' } });
  }

  lockFollowUp(tx: OrgScopedTx, childId: string, id: string): Promise<ChildFollowUpEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(ChildFollowUpEntity, 'f')
      .setLock('pessimistic_write')
      .where('f.id = :id AND f.child_id = :childId', { id, childId })
      .getOne();
  }

  async openFollowUpOf(tx: OrgScopedTx, childId: string, userId: string): Promise<ChildFollowUpEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(ChildFollowUpEntity, 'f')
      .where('f.child_id = :childId AND f.user_id = :userId AND f.ended_on IS NULL', { childId, userId })
      .getOne();
  }

  async insertFollowUp(tx: OrgScopedTx, followUp: NewFollowUp): Promise<ChildFollowUpEntity> {
    const manager = managerOf(tx);
    return manager.save(manager.create(ChildFollowUpEntity, { ...followUp, endedOn: null, lastContactOn: null }));
  }

  /**
   * The open pairings of one person in every organisation, locked, found through the read-only
   * `pairings_of_person` policy (the setting is cleared again at once). Only for ending them when a
   * safeguarding block lands; the writes go through a transaction bound to their organisations.
   */
  async openFollowUpsOfPerson(tx: Tx, userId: string): Promise<Array<{ id: string; orgId: string; childId: string }>> {
    const manager = managerOf(tx);
    await manager.query(`SELECT set_config('kindred.pairings_of', $1, true)`, [userId]);
    try {
      const rows: Array<{ id: string; org_id: string; child_id: string }> = await manager.query(
        'SELECT id, org_id, child_id FROM child_follow_ups WHERE user_id = $1 AND ended_on IS NULL ORDER BY id',
        [userId],
      );
      return rows.map((r) => ({ id: r.id, orgId: r.org_id, childId: r.child_id }));
    } finally {
      await manager.query(`SELECT set_config('kindred.pairings_of', '', true)`);
    }
  }

  /** Ends pairings today (or on their start day, for one started later than `endedOn` in another time zone's reckoning). */
  async endFollowUps(tx: OrgScopedTx, ids: string[], endedOn: string): Promise<void> {
    if (ids.length === 0) return;
    await managerOf(tx).query(
      `UPDATE child_follow_ups SET ended_on = GREATEST(started_on, $2::date) WHERE id = ANY($1::uuid[]) AND ended_on IS NULL`,
      [ids, endedOn],
    );
  }

  async endFollowUp(tx: OrgScopedTx, id: string, endedOn: string): Promise<void> {
    await managerOf(tx).update(ChildFollowUpEntity, { id }, { endedOn });
  }

  /** A contact on `date` with the child: open pairings of `userId` (or the one named) move their last contact forward. */
  async recordContact(tx: OrgScopedTx, childId: string, date: string, who: { userId?: string; followUpId?: string }): Promise<void> {
    const [column, value] = who.followUpId ? ['id', who.followUpId] : ['user_id', who.userId];
    if (!value) return;
    await managerOf(tx).query(
      `UPDATE child_follow_ups SET last_contact_on = GREATEST(last_contact_on, $3::date)
        WHERE child_id = $1 AND ${column} = $2 AND ended_on IS NULL AND started_on <= $3::date`,
      [childId, value, date],
    );
  }

  // --- need links

  /** Serialises changes to one need's links (the count written back to the need must match them). */
  async lockNeedLinks(tx: OrgScopedTx, needId: string): Promise<void> {
    await managerOf(tx).query(`SELECT pg_advisory_xact_lock(hashtextextended('need_beneficiaries:' || $1, 0))`, [needId]);
  }

  async upsertLinks(
    tx: OrgScopedTx,
    links: Array<{ needId: string; childId: string; orgId: string; needToKnow: string[] | null; grantedBy: string }>,
  ): Promise<void> {
    for (const link of links) {
      await managerOf(tx).query(
        `INSERT INTO need_beneficiaries (need_id, child_id, org_id, need_to_know, granted_by)
         VALUES ($1, $2, $3, COALESCE($4::text[], '{}'), $5)
         ON CONFLICT (need_id, child_id) DO UPDATE
           SET need_to_know = COALESCE($4::text[], need_beneficiaries.need_to_know),
               granted_by = CASE WHEN $4::text[] IS NULL THEN need_beneficiaries.granted_by ELSE $5 END`,
        [link.needId, link.childId, link.orgId, link.needToKnow, link.grantedBy],
      );
    }
  }

  async deleteLink(tx: OrgScopedTx, needId: string, childId: string): Promise<boolean> {
    const result = await managerOf(tx).delete(NeedBeneficiaryEntity, { needId, childId });
    return (result.affected ?? 0) > 0;
  }

  /** The need's linked children visible in the bound scope, oldest link first. */
  async linkedChildren(tx: OrgScopedTx, needId: string): Promise<LinkedChild[]> {
    return (await managerOf(tx).query(
      `SELECT b.child_id AS "childId", c.alias, to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate", c.status,
              b.need_to_know AS "needToKnow", b.linked_at AS "linkedAt"
         FROM need_beneficiaries b JOIN children c ON c.id = b.child_id
        WHERE b.need_id = $1
        ORDER BY b.linked_at, c.alias`,
      [needId],
    )) as LinkedChild[];
  }

  async linkCount(tx: OrgScopedTx, needId: string): Promise<number> {
    return managerOf(tx).count(NeedBeneficiaryEntity, { where: { needId } });
  }
}
