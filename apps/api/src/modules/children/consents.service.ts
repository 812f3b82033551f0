import { Injectable } from '@nestjs/common';
import type { ConsentView } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { ChildrenErrors } from './children.errors';
import { AuditService } from '../audit';
import { CareAccess, requireActive } from './care-access';
import { CareRepository } from './care.repository';
import type { ChildConsentEntity } from './child-consent.entity';
import { ChildCipher } from './child-cipher';
import { mayChildren } from './children.policy';
import type { PutConsentDto } from './dto/care.dto';

/** A device clock a little ahead of the server's is not a consent "from the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Given, not withdrawn, not expired at `at`. */
export function isCurrentConsent(consent: Pick<ChildConsentEntity, 'givenAt' | 'withdrawnAt' | 'expiresAt'>, at: Date): boolean {
  return (
    consent.withdrawnAt === null &&
    consent.givenAt.getTime() <= at.getTime() &&
    (consent.expiresAt === null || consent.expiresAt.getTime() > at.getTime())
  );
}

/**
 * A guardian's consent per child (R12): it gates every use beyond the
 * registry (linking to a need, activity cards). Replacing or withdrawing keeps
 * the old rows as history; the guardian's name is identity data, encrypted,
 * shown only to owners and coordinators and every such read audited.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly access: CareAccess,
    private readonly care: CareRepository,
    private readonly cipher: ChildCipher,
    private readonly audit: AuditService,
  ) {}

  /** The latest consent (current or not), or null when none was ever recorded. */
  get(principal: Principal, childId: string): Promise<ConsentView | null> {
    return this.access.withChild(principal, childId, 'read', async (tx, child) => {
      const [latest] = await this.care.consents(tx, child.id);
      if (!latest) return null;
      const withGuardian = mayChildren(principal, child.orgId, 'read_identity');
      if (withGuardian) await this.auditGuardianRead(tx, principal, child.id, child.orgId, latest.id);
      return this.view(latest, withGuardian);
    });
  }

  /** Records a new consent; any consent not yet withdrawn is withdrawn by it (kept as history). */
  put(principal: Principal, childId: string, body: PutConsentDto): Promise<ConsentView> {
    const givenAt = new Date(body.givenAt);
    const expiresAt = body.expiresAt === undefined ? null : new Date(body.expiresAt);
    if (givenAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw ChildrenErrors.inTheFuture('givenAt');
    }
    if (expiresAt !== null && expiresAt.getTime() <= givenAt.getTime()) {
      throw ChildrenErrors.invalid('expiresAt', 'must be after givenAt', 'invalid_date');
    }
    return this.access.withChild(
      principal,
      childId,
      'manage_consent',
      async (tx, child) => {
        requireActive(child);
        const replaced = await this.care.withdrawConsents(tx, child.id, principal.userId);
        const consent = await this.care.insertConsent(tx, {
          orgId: child.orgId,
          childId: child.id,
          givenByEnc: this.cipher.encrypt(body.givenBy),
          relation: body.relation,
          method: body.method,
          scopes: [...body.scopes].sort(),
          givenAt,
          expiresAt,
          recordedBy: principal.userId,
        });
        await this.audit.record(tx, {
          action: 'child.consent_recorded',
          entityType: 'child',
          entityId: child.id,
          orgId: child.orgId,
          diff: {
            consentId: consent.id,
            scopes: consent.scopes,
            method: consent.method,
            expiresAt: expiresAt?.toISOString() ?? null,
            replaced,
          },
        });
        // The answer echoes the guardian's name the caller just sent: covered by the write's own audit row.
        return this.view(consent, true);
      },
      { lock: true },
    );
  }

  /** Withdraws the consent in force (and any not yet withdrawn): from now on nothing beyond the registry may use the child. */
  withdraw(principal: Principal, childId: string): Promise<ConsentView> {
    return this.access.withChild(
      principal,
      childId,
      'manage_consent',
      async (tx, child) => {
        const count = await this.care.withdrawConsents(tx, child.id, principal.userId);
        if (count === 0) throw DomainError.notFound('Consent');
        const [latest] = await this.care.consents(tx, child.id);
        await this.audit.record(tx, {
          action: 'child.consent_withdrawn',
          entityType: 'child',
          entityId: child.id,
          orgId: child.orgId,
          diff: { consentId: latest.id, withdrawn: count },
        });
        return this.view(latest, false);
      },
      { lock: true },
    );
  }

  private async auditGuardianRead(
    tx: Parameters<AuditService['record']>[0],
    principal: Principal,
    childId: string,
    orgId: string,
    consentId: string,
  ) {
    await this.audit.record(tx, {
      action: 'child.identity_read',
      entityType: 'child',
      entityId: childId,
      orgId,
      actorUserId: principal.userId,
      diff: { fields: ['consent.givenBy'], consentId },
    });
  }

  private view(consent: ChildConsentEntity, withGuardian: boolean): ConsentView {
    const view: ConsentView = {
      id: consent.id,
      childId: consent.childId,
      relation: consent.relation,
      method: consent.method,
      scopes: consent.scopes,
      givenAt: consent.givenAt.toISOString(),
      expiresAt: consent.expiresAt?.toISOString() ?? null,
      withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
      current: isCurrentConsent(consent, new Date()),
    };
    return withGuardian ? { ...view, givenBy: this.cipher.decrypt(consent.givenByEnc) } : view;
  }
}
