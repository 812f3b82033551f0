import { Injectable } from '@nestjs/common';
import type { ActivityCardView, NeedBeneficiariesView, FieldProblem } from '@kindred/contracts';
import { grantOrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { bindOrgScope, TransactionRunner, type OrgScopedTx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { ChildFieldErrors, ChildrenErrors } from './children.errors';
import { AuditService } from '../audit';
import { SignupsService } from '../engagement';
import { NeedFactsService } from '../needs';
import { VolunteerDirectoryService } from '../volunteers';
import { CareRepository, type LinkedChild } from './care.repository';
import { ageBandOn, beijingToday } from './child-dates';
import { requireChildAccess, type ChildAction } from './children.policy';
import type { LinkBeneficiariesDto } from './dto/care.dto';

const MAX_FACTS = 10;
const MAX_FACT_LENGTH = 200;

/**
 * Children a need reaches (linked only with a current `service_delivery`
 * consent; the need's beneficiary count follows the links), and the activity
 * card a confirmed volunteer of such a need sees (R18): alias, age band and
 * the facts a coordinator granted, each read audited — never a legal name,
 * ID number, address, phone or school.
 */
@Injectable()
export class BeneficiariesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly care: CareRepository,
    private readonly audit: AuditService,
    private readonly needFacts: NeedFactsService,
    private readonly signups: SignupsService,
    private readonly volunteers: VolunteerDirectoryService,
  ) {}

  async list(principal: Principal, needId: string): Promise<NeedBeneficiariesView> {
    const scope = await this.needScope(principal, needId, 'read');
    return this.tx.runScoped(scope, (tx) => this.view(tx, needId));
  }

  async link(principal: Principal, needId: string, body: LinkBeneficiariesDto): Promise<NeedBeneficiariesView> {
    const grants = checkGrants(body);
    const scope = await this.needScope(principal, needId, 'link_beneficiaries');
    return this.tx.runScoped(scope, async (tx) => {
      await this.care.lockNeedLinks(tx, needId);
      // Every child is checked before anything is written: a refused list leaves no link behind.
      const notFound: FieldProblem[] = [];
      const exited: FieldProblem[] = [];
      for (const [i, childId] of body.childIds.entries()) {
        const child = await this.care.findChild(tx, childId);
        if (!child || child.orgId !== scope.orgId) notFound.push(ChildFieldErrors.notAChildOfTheOrganisation(`childIds[${i}]`));
        else if (child.status === 'exited') exited.push(ChildFieldErrors.exited(`childIds[${i}]`));
      }
      if (notFound.length > 0) throw ChildrenErrors.childrenNotFound(notFound);
      if (exited.length > 0) throw ChildrenErrors.childrenExited(exited);
      const consented = await this.care.withCurrentScope(tx, body.childIds, 'service_delivery', new Date());
      const missing = body.childIds.flatMap((id, i) => (consented.has(id) ? [] : [ChildFieldErrors.noServiceConsent(`childIds[${i}]`)]));
      if (missing.length > 0) throw ChildrenErrors.consentMissing(missing);
      await this.care.upsertLinks(
        tx,
        body.childIds.map((childId) => ({
          needId,
          childId,
          orgId: scope.orgId,
          needToKnow: grants.get(childId) ?? null,
          grantedBy: principal.userId,
        })),
      );
      const count = await this.syncCount(tx, needId, scope.orgId);
      await this.audit.record(tx, {
        action: 'need.beneficiaries_linked',
        entityType: 'need',
        entityId: needId,
        orgId: scope.orgId,
        diff: { childIds: body.childIds, grantsFor: [...grants.keys()], beneficiaryCount: count },
      });
      return this.view(tx, needId);
    });
  }

  async unlink(principal: Principal, needId: string, childId: string): Promise<NeedBeneficiariesView> {
    const scope = await this.needScope(principal, needId, 'link_beneficiaries');
    return this.tx.runScoped(scope, async (tx) => {
      await this.care.lockNeedLinks(tx, needId);
      if (!(await this.care.deleteLink(tx, needId, childId))) throw DomainError.notFound('Beneficiary');
      const count = await this.syncCount(tx, needId, scope.orgId);
      await this.audit.record(tx, {
        action: 'need.beneficiary_unlinked',
        entityType: 'need',
        entityId: needId,
        orgId: scope.orgId,
        diff: { childId, beneficiaryCount: count },
      });
      return this.view(tx, needId);
    });
  }

  /**
   * The activity card of a confirmed sign-up, for its volunteer only (404 for
   * anyone else, and for a sign-up that is not confirmed or a need without
   * linked children). The volunteer is no member of the NGO: the children's
   * rows are read by binding the NGO's scope as the system — a deliberate read
   * limited to the card's allow-list, and audited per child and per granted fact
   * in the same transaction.
   */
  async activityCard(principal: Principal, signupId: string): Promise<ActivityCardView> {
    const signup = await this.signups.factsAsSystem(signupId);
    if (!signup || signup.userId !== principal.userId || signup.status !== 'confirmed') throw DomainError.notFound('Signup');
    const shift = await this.needFacts.facts(signup.shiftId);
    if (!shift) throw DomainError.notFound('Signup');
    if (shift.childContact) {
      // As for the sign-up itself: the check must hold until the shift ends.
      const at = new Date(Math.max(Date.now(), shift.endsAt.getTime()));
      const standing = await this.volunteers.standing(principal.userId, at);
      if (standing.safeguarding !== 'valid') {
        throw ChildrenErrors.safeguardingRequired();
      }
    }
    return this.tx.run(async (unbound) => {
      const tx = await bindOrgScope(unbound, grantOrgScope(signup.orgId));
      const linked = await this.care.linkedChildren(tx, signup.needId);
      if (linked.length === 0) throw DomainError.notFound('Activity card');
      const active = linked.filter((c) => c.status === 'active');
      const shared = await this.care.withCurrentScope(
        tx,
        active.map((c) => c.childId),
        'share_with_volunteers',
        new Date(),
      );
      const today = beijingToday();
      const shown = active.filter((c) => shared.has(c.childId));
      for (const child of shown) await this.auditCardRead(tx, principal, signup, child);
      return {
        signupId: signup.id,
        needId: signup.needId,
        children: shown.map((c) => ({ alias: c.alias, ageBand: ageBandOn(c.birthDate, today), needToKnow: c.needToKnow })),
      };
    });
  }

  private async auditCardRead(
    tx: OrgScopedTx,
    principal: Principal,
    signup: { id: string; needId: string; orgId: string },
    child: LinkedChild,
  ): Promise<void> {
    const base = { entityType: 'child', entityId: child.childId, orgId: signup.orgId, actorUserId: principal.userId };
    await this.audit.record(tx, {
      ...base,
      action: 'child.card_read',
      diff: { signupId: signup.id, needId: signup.needId, fields: ['alias', 'ageBand'] },
    });
    // Each granted fact is its own grant and its own entry (R18); the fact's text stays out of the log.
    for (const [fact] of child.needToKnow.entries()) {
      await this.audit.record(tx, { ...base, action: 'child.fact_read', diff: { signupId: signup.id, needId: signup.needId, fact } });
    }
  }

  /** The need's NGO scope when the caller may `action` its registry; 404 `Need` otherwise (403 for staff writing). */
  private async needScope(principal: Principal, needId: string, action: ChildAction) {
    const need = await this.needFacts.forGiving(needId);
    if (!need) throw DomainError.notFound('Need');
    return requireChildAccess(principal, need.orgId, action, 'Need');
  }

  /** Writes the link count to the need (its displayed beneficiary count) through the needs context, in this transaction. */
  private async syncCount(tx: OrgScopedTx, needId: string, orgId: string): Promise<number> {
    const count = await this.care.linkCount(tx, needId);
    await this.needFacts.recordBeneficiaryCount(tx, needId, orgId, count);
    return count;
  }

  private async view(tx: OrgScopedTx, needId: string): Promise<NeedBeneficiariesView> {
    const today = beijingToday();
    const linked = await this.care.linkedChildren(tx, needId);
    return {
      needId,
      beneficiaryCount: linked.length,
      children: linked.map((c) => ({
        childId: c.childId,
        alias: c.alias,
        ageBand: ageBandOn(c.birthDate, today),
        needToKnow: c.needToKnow,
      })),
    };
  }
}

/** The facts granted per child: keys among childIds, at most ten non-empty facts of up to 200 characters each. */
function checkGrants(body: LinkBeneficiariesDto): Map<string, string[]> {
  const grants = new Map<string, string[]>();
  for (const [childId, facts] of Object.entries(body.needToKnow ?? {})) {
    const field = `needToKnow.${childId}`;
    if (!body.childIds.includes(childId)) throw ChildrenErrors.invalid(field, 'must be one of childIds', 'invalid_choice');
    if (!Array.isArray(facts) || facts.length > MAX_FACTS) {
      throw ChildrenErrors.invalid(field, `must be a list of at most ${MAX_FACTS} facts`, 'invalid_type');
    }
    const cleaned: string[] = [];
    for (const fact of facts) {
      if (typeof fact !== 'string' || fact.trim() === '' || fact.length > MAX_FACT_LENGTH) {
        throw ChildrenErrors.invalid(field, `each fact must be a non-empty text of at most ${MAX_FACT_LENGTH} characters`);
      }
      cleaned.push(fact.trim());
    }
    grants.set(childId, cleaned);
  }
  return grants;
}
