import { Injectable } from '@nestjs/common';
import { managerOf, type OrgScopedTx } from '../../common/database/transaction-runner';
import { ChildAssessmentEntity } from '../../modules/children/child-assessment.entity';
import { ChildConsentEntity } from '../../modules/children/child-consent.entity';
import { ChildServiceEntity } from '../../modules/children/child-service.entity';
import { ChildEntity } from '../../modules/children/child.entity';

type New<T> = Omit<T, 'id' | 'recordedAt' | 'createdAt' | 'child'>;

/**
 * The demo registry's history in bulk (services, assessments, consents, exits),
 * written in the transaction the seeder bound to the demo NGO: row-level
 * security applies as it does to the API.
 */
@Injectable()
export class DemoChildrenRepository {
  async hasChildren(tx: OrgScopedTx, orgId: string): Promise<boolean> {
    return managerOf(tx).exists(ChildEntity, { where: { orgId } });
  }

  async insertServices(tx: OrgScopedTx, rows: Array<New<ChildServiceEntity>>): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await managerOf(tx).insert(ChildServiceEntity, rows.slice(i, i + 500));
  }

  async insertAssessments(tx: OrgScopedTx, rows: Array<New<ChildAssessmentEntity>>): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await managerOf(tx).insert(ChildAssessmentEntity, rows.slice(i, i + 500));
  }

  async insertConsents(tx: OrgScopedTx, rows: Array<New<ChildConsentEntity>>): Promise<void> {
    if (rows.length > 0) await managerOf(tx).insert(ChildConsentEntity, rows);
  }

  /** The schedule and status a child's history leads to (visits, parent contact, exit, categories after a change). */
  async settle(
    tx: OrgScopedTx,
    id: string,
    fields: Pick<
      ChildEntity,
      | 'categories'
      | 'socialAssistance'
      | 'status'
      | 'exitedOn'
      | 'exitReason'
      | 'nextVisitDue'
      | 'nextReassessmentDue'
      | 'lastParentContactOn'
    >,
  ): Promise<void> {
    await managerOf(tx).update(ChildEntity, { id }, fields);
  }
}
