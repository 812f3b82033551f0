import { isStatutoryConcern, type ConcernListRow, type ConcernStatusView, type ConcernView } from '@kindred/contracts';
import type { ChildCipher } from '../children';
import type { ConcernEntity } from './concern.entity';

/** Open and past its deadline at `now`. */
export function isOverdue(concern: Pick<ConcernEntity, 'status' | 'ackDueAt'>, now: Date): boolean {
  return concern.status === 'open' && concern.ackDueAt.getTime() < now.getTime();
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function toConcernListRow(c: ConcernEntity, childAlias: string | null, now: Date): ConcernListRow {
  return {
    id: c.id,
    organizationId: c.orgId,
    childId: c.childId,
    childAlias,
    category: c.category,
    statutory: isStatutoryConcern(c.category),
    immediateDanger: c.immediateDanger,
    status: c.status,
    source: c.source,
    ackDueAt: c.ackDueAt.toISOString(),
    overdue: isOverdue(c, now),
    decided: c.reportedToAuthorities !== null,
    createdAt: c.createdAt.toISOString(),
    acknowledgedAt: iso(c.acknowledgedAt),
    closedAt: iso(c.closedAt),
  };
}

/** Everything, text decrypted: for the NGO's owners and coordinators only. */
export function toConcernView(c: ConcernEntity, childAlias: string | null, cipher: ChildCipher, now: Date): ConcernView {
  return {
    ...toConcernListRow(c, childAlias, now),
    reporterUserId: c.reporterUserId,
    childDescription: cipher.decryptNullable(c.childDescriptionEnc),
    description: cipher.decrypt(c.descriptionEnc),
    occurredAt: iso(c.occurredAt),
    location: cipher.decryptNullable(c.locationEnc),
    acknowledgedBy: c.acknowledgedBy,
    reportDecision:
      c.reportedToAuthorities === null
        ? null
        : {
            reportedToAuthorities: c.reportedToAuthorities,
            authority: c.reportAuthority,
            reference: c.reportReference,
            reason: cipher.decryptNullable(c.reportReasonEnc),
            decidedAt: c.reportDecidedAt!.toISOString(),
            decidedBy: c.reportDecidedBy,
          },
    closedBy: c.closedBy,
    outcome: cipher.decryptNullable(c.outcomeEnc),
  };
}

/** The reporter's view: progress only, no text, no decision. */
export function toConcernStatusView(c: ConcernEntity): ConcernStatusView {
  return {
    id: c.id,
    organizationId: c.orgId,
    category: c.category,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    acknowledgedAt: iso(c.acknowledgedAt),
    closedAt: iso(c.closedAt),
  };
}
