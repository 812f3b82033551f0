import { type CategoryChangeView, type ChildIdentity, type ChildSummary, type ConsentScope, type GuardianView } from '@kindred/contracts';
import type { ChildCategoryChangeEntity } from './child-category-change.entity';
import type { ChildCipher } from './child-cipher';
import { parentContactOverdue, visitOverdue } from './care-flags';
import { ageBandOn } from './child-dates';
import type { ChildEntity } from './child.entity';

export interface SummaryContext {
  today: string;
  parentContactAlertDays: number;
  consentScopes: ConsentScope[];
}

/** The part of a file every member of the NGO may read: never an identity field. */
export function toChildSummary(child: ChildEntity, ctx: SummaryContext): ChildSummary {
  return {
    id: child.id,
    organizationId: child.orgId,
    alias: child.alias,
    gender: child.gender,
    birthDate: child.birthDate,
    ageBand: ageBandOn(child.birthDate, ctx.today),
    regionCode: child.regionCode,
    schoolName: child.schoolName,
    grade: child.grade,
    categories: child.categories,
    householdId: child.householdId,
    livingArrangement: child.livingArrangement,
    socialAssistance: child.socialAssistance,
    riskLevel: child.riskLevel,
    status: child.status,
    registeredOn: child.registeredOn,
    exitedOn: child.exitedOn,
    exitReason: child.exitReason,
    nextVisitDue: child.nextVisitDue,
    nextReassessmentDue: child.nextReassessmentDue,
    visitOverdue: visitOverdue(child, ctx.today),
    lastParentContactOn: child.lastParentContactOn,
    parentContactOverdue: parentContactOverdue(child, ctx.today, ctx.parentContactAlertDays),
    consentScopes: ctx.consentScopes,
    version: child.version,
    updatedAt: child.updatedAt.toISOString(),
  };
}

/** Decrypts the identity fields (owners and coordinators only; the caller audits the read). */
export function toChildIdentity(child: ChildEntity, cipher: ChildCipher): ChildIdentity {
  const guardians = child.guardiansEnc === null ? [] : (JSON.parse(cipher.decrypt(child.guardiansEnc)) as GuardianView[]);
  return {
    legalName: cipher.decrypt(child.legalNameEnc),
    idNumber: cipher.decryptNullable(child.idNumberEnc),
    address: cipher.decryptNullable(child.addressEnc),
    guardians,
  };
}

export function toCategoryChangeView(change: ChildCategoryChangeEntity): CategoryChangeView {
  return {
    id: change.id,
    from: change.fromCategories,
    to: change.toCategories,
    reason: change.reason,
    effectiveOn: change.effectiveOn,
    recordedAt: change.recordedAt.toISOString(),
    recordedBy: change.recordedBy,
  };
}
