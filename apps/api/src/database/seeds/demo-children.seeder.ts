import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { requireChildAccess } from '../../modules/children';
import { ChildCipher } from '../../modules/children/child-cipher';
import { beijingToday } from '../../modules/children/child-dates';
import { ChildrenRepository } from '../../modules/children/children.repository';
import { DemoChildrenRepository } from './demo-children.repository';
import { demoChildren } from './demo-children';

const ALIAS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 12:00 Beijing time on a calendar date. */
const noon = (date: string): Date => new Date(`${date}T12:00:00+08:00`);

/**
 * The demo NGO's registry (demo-children.ts), written as the coordinator in one
 * transaction bound to the NGO: identity fields through the cipher, files
 * through the registry's repository, then two years of history. Loads nothing
 * when the NGO already has children.
 */
@Injectable()
export class DemoChildrenSeeder {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly cipher: ChildCipher,
    private readonly children: ChildrenRepository,
    private readonly demo: DemoChildrenRepository,
  ) {}

  async seed(coordinator: Principal, orgId: string, today = beijingToday()): Promise<number> {
    const scope = requireChildAccess(coordinator, orgId, 'create', 'Organization');
    const plan = demoChildren(today);
    return this.tx.runScoped(scope, async (tx) => {
      if (await this.demo.hasChildren(tx, orgId)) return 0;
      const households = new Map<number, string>();
      const services = [];
      const assessments = [];
      const consents = [];
      for (const c of plan) {
        let householdId = households.get(c.household);
        if (!householdId) {
          householdId = await this.children.insertHousehold(tx, orgId);
          households.set(c.household, householdId);
        }
        const newAlias = (): string => `C-${Array.from({ length: 6 }, () => ALIAS_ALPHABET[randomInt(ALIAS_ALPHABET.length)]).join('')}`;
        let alias = newAlias();
        while (await this.children.aliasTaken(tx, orgId, alias)) alias = newAlias();
        const child = await this.children.insert(tx, {
          orgId,
          householdId,
          alias,
          gender: c.gender,
          birthDate: c.birthDate,
          regionCode: c.regionCode,
          schoolName: c.schoolName,
          grade: c.grade,
          categories: c.firstCategories,
          livingArrangement: c.livingArrangement,
          socialAssistance: c.categoryChange ? 'none' : c.socialAssistance,
          riskLevel: c.riskLevel,
          status: 'active',
          registeredOn: c.registeredOn,
          exitedOn: null,
          exitReason: null,
          nextVisitDue: null,
          nextReassessmentDue: null,
          lastParentContactOn: null,
          legalNameEnc: this.cipher.encrypt(c.legalName),
          idNumberEnc: this.cipher.encrypt(c.idNumber),
          addressEnc: this.cipher.encrypt(c.address),
          guardiansEnc: this.cipher.encrypt(JSON.stringify(c.guardians)),
          nameBidx: this.cipher.blindIndex('name', c.legalName),
          idNumberBidx: this.cipher.blindIndex('id_number', c.idNumber),
          createdBy: coordinator.userId,
        });
        await this.children.insertCategoryChange(tx, {
          orgId,
          childId: child.id,
          fromCategories: [],
          toCategories: c.firstCategories,
          reason: null,
          effectiveOn: c.registeredOn,
          recordedBy: coordinator.userId,
        });
        if (c.categoryChange) {
          await this.children.insertCategoryChange(tx, {
            orgId,
            childId: child.id,
            fromCategories: c.firstCategories,
            toCategories: c.categoryChange.to,
            reason: c.categoryChange.reason,
            effectiveOn: c.categoryChange.on,
            recordedBy: coordinator.userId,
          });
        }
        await this.demo.settle(tx, child.id, {
          categories: c.categoryChange ? c.categoryChange.to : c.firstCategories,
          socialAssistance: c.socialAssistance,
          status: c.exit ? 'exited' : 'active',
          exitedOn: c.exit?.on ?? null,
          exitReason: c.exit?.reason ?? null,
          nextVisitDue: c.nextVisitDue,
          nextReassessmentDue: c.nextReassessmentDue,
          lastParentContactOn: c.lastParentContactOn,
        });
        for (const s of c.services) {
          services.push({
            orgId,
            childId: child.id,
            kind: s.kind,
            date: s.date,
            needId: null,
            shiftId: null,
            pledgeId: null,
            amountFen: s.amountFen,
            quantity: s.quantity,
            notes: s.notes,
            recordedBy: coordinator.userId,
          });
        }
        for (const a of c.assessments) {
          assessments.push({
            orgId,
            childId: child.id,
            kind: a.kind,
            date: a.date,
            score: a.score,
            concern: a.concern,
            recordedBy: coordinator.userId,
          });
        }
        if (c.consent) {
          consents.push({
            orgId,
            childId: child.id,
            givenByEnc: this.cipher.encrypt(c.consent.givenBy),
            relation: c.consent.relation,
            method: c.consent.method,
            scopes: c.consent.scopes,
            givenAt: noon(c.consent.givenOn),
            expiresAt: null,
            withdrawnAt: c.consent.withdrawnOn ? noon(c.consent.withdrawnOn) : null,
            withdrawnBy: null,
            recordedBy: coordinator.userId,
          });
        }
      }
      await this.demo.insertServices(tx, services);
      await this.demo.insertAssessments(tx, assessments);
      await this.demo.insertConsents(tx, consents);
      return plan.length;
    });
  }
}
