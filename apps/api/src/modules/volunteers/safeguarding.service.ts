import { Injectable } from '@nestjs/common';
import {
  SAFEGUARDING_OFFENCE_SCOPES,
  type BlockedVolunteerView,
  type Page,
  type SafeguardingCheckView,
  type SafeguardingDetailView,
  type SafeguardingStandingView,
  type SafeguardingStatus,
} from '@kindred/contracts';
import type { Principal, PrincipalMembership } from '../../common/auth/principal';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { decodeKeyset, encodeKeyset } from '../../common/http/keyset-cursor';
import { AuditService } from '../audit';
import { OrganizationsService, UsersService } from '../identity';
import type { RecordSafeguardingCheckDto } from './dto/record-safeguarding-check.dto';
import { toSafeguardingCheckView } from './safeguarding-check.view';
import { SafeguardingLifecycle } from './safeguarding-lifecycle';
import { SafeguardingChecksRepository } from './safeguarding-checks.repository';
import { latestExpiry, standingAt, type Standing } from './safeguarding.policy';
import { VolunteerProfilesRepository } from './volunteer-profiles.repository';
import { VolunteersErrors } from './volunteers.errors';

/** A little clock skew between the coordinator's device and the server is not a check "from the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

const isNgoCoordinator = (m: PrincipalMembership): boolean =>
  m.organizationKind === 'ngo' && (m.role === 'owner' || m.role === 'coordinator');

/**
 * Safeguarding checks (the Minors Protection Law art. 62 entry inquiry, applied
 * to volunteers in child-contact roles). Owners and coordinators of a verified
 * NGO record them; a `flagged` (record found, a permanent block) only an NGO
 * the volunteer served or applied to, or a platform administrator, and its
 * listeners (SafeguardingLifecycle) end the volunteer's child-contact sign-ups
 * and pairings in the same transaction. The volunteer and platform
 * administrators see the evidence; other coordinators see only the standing;
 * only a platform administrator lifts a `flagged`, with a reason. Every write
 * is audited.
 */
@Injectable()
export class SafeguardingService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly checks: SafeguardingChecksRepository,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly profiles: VolunteerProfilesRepository,
    private readonly audit: AuditService,
    private readonly lifecycle: SafeguardingLifecycle,
  ) {}

  /**
   * Volunteers blocked by a record found and not lifted, for the platform administrators who may lift them:
   * newest first, with the volunteer's name and number and the organisation that recorded it.
   */
  async blocking(limit: number, cursor?: string): Promise<Page<BlockedVolunteerView>> {
    const after = decodeKeyset(cursor);
    const rows = await this.checks.blocking(limit + 1, after ? { queriedAt: new Date(after.at), id: after.id } : null);
    const page = rows.slice(0, limit);
    const userIds = [...new Set(page.map((c) => c.volunteerUserId))];
    const [names, organizations, profiles] = await Promise.all([
      this.users.summaries(userIds),
      this.organizations.summariesAsSystem([...new Set(page.flatMap((c) => (c.verifiedOrgId ? [c.verifiedOrgId] : [])))]),
      Promise.all(userIds.map((id) => this.profiles.find(id))),
    ]);
    const recorders = new Map(
      (await this.users.summaries([...new Set(page.map((c) => c.verifiedBy))])).map((u) => [u.id, u.displayName] as const),
    );
    const last = page[page.length - 1];
    return {
      data: page.map((check) => ({
        check: toSafeguardingCheckView(check, recorders),
        volunteer: {
          userId: check.volunteerUserId,
          displayName: names.find((u) => u.id === check.volunteerUserId)?.displayName ?? '',
          volunteerNumber: profiles.find((p) => p?.userId === check.volunteerUserId)?.volunteerNumber ?? null,
        },
        verifiedOrganizationName: organizations.find((o) => o.id === check.verifiedOrgId)?.name ?? null,
      })),
      nextCursor: rows.length > limit && last ? encodeKeyset(last.queriedAt, last.id) : null,
    };
  }

  /** The volunteer's standing at `at` (e.g. a shift's end): for sign-ups and pairings. */
  async status(userId: string, at: Date): Promise<SafeguardingStatus> {
    return (await this.standing(userId, at)).status;
  }

  /**
   * The standing read inside the caller's transaction (a sign-up, a promotion, a check-in), so it sees
   * every check committed before the caller took the volunteer's lock (the one recording a block takes too).
   */
  async statusIn(tx: Tx, userId: string, at: Date): Promise<SafeguardingStatus> {
    return standingAt(await this.checks.ofVolunteer(userId, tx), at).status;
  }

  private async standing(userId: string, at: Date): Promise<Standing> {
    return standingAt(await this.checks.ofVolunteer(userId), at);
  }

  async record(principal: Principal, volunteerUserId: string, input: RecordSafeguardingCheckDto): Promise<SafeguardingCheckView> {
    if (volunteerUserId === principal.userId) throw DomainError.forbidden('Nobody records their own safeguarding check');
    const orgId =
      input.result === 'flagged'
        ? await this.blockingOrganization(principal, volunteerUserId, input.organizationId)
        : this.recordingOrganization(principal, input.organizationId).organizationId;
    const checkedAt = new Date(input.checkedAt);
    if (checkedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
      throw VolunteersErrors.checkedInFuture();
    const latest = latestExpiry(checkedAt);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : latest;
    if (expiresAt.getTime() <= checkedAt.getTime() || expiresAt.getTime() > latest.getTime()) {
      throw VolunteersErrors.expiryOutOfRange(latest);
    }
    const people = await this.users.summaries([volunteerUserId, principal.userId]);
    if (!people.some((u) => u.id === volunteerUserId)) throw DomainError.notFound('Volunteer');
    const recorders = new Map(people.map((u) => [u.id, u.displayName] as const));
    return this.transactions.run(async (tx) => {
      const check = await this.checks.insert(tx, {
        volunteerUserId,
        kind: input.kind,
        offenceScope: input.offenceScope ?? [...SAFEGUARDING_OFFENCE_SCOPES],
        issuingAuthority: input.issuingAuthority ?? 'public_security',
        reference: input.reference ?? null,
        queriedAt: checkedAt,
        result: input.result,
        verifiedBy: principal.userId,
        verifiedOrgId: orgId,
        expiresAt,
      });
      await this.audit.record(tx, {
        action: 'safeguarding_check.recorded',
        entityType: 'safeguarding_check',
        entityId: check.id,
        orgId,
        // The outcome and dates only; the reference stays in the check itself.
        diff: {
          volunteerUserId,
          kind: check.kind,
          result: check.result,
          issuingAuthority: check.issuingAuthority,
          expiresAt: expiresAt.toISOString(),
        },
      });
      // A record found blocks at once: the listeners end the volunteer's child-contact work in this same transaction.
      if (check.result === 'flagged') {
        await this.lifecycle.blocked(tx, { volunteerUserId, checkId: check.id, recordedByOrgId: orgId });
      }
      return toSafeguardingCheckView(check, recorders);
    });
  }

  /**
   * Who may record a record found (a permanent block): a platform administrator, for no NGO; otherwise an
   * owner or coordinator of a verified NGO where the volunteer has served or applied (any sign-up there).
   * 403 for a caller who coordinates no verified NGO (staff, volunteers); 404 when none of the caller's NGOs
   * knows the volunteer (the volunteer is not theirs to judge, nor to learn about).
   */
  private async blockingOrganization(principal: Principal, volunteerUserId: string, organizationId: string | undefined): Promise<string | null> {
    if (principal.isPlatformAdmin && !organizationId) return null;
    const coordinated = principal.memberships
      .filter(isNgoCoordinator)
      .filter((m) => m.organizationStatus === 'verified' && (!organizationId || m.organizationId === organizationId));
    if (coordinated.length === 0) return this.recordingOrganization(principal, organizationId).organizationId;
    const related = await this.lifecycle.organizationsOf(volunteerUserId);
    const mine = coordinated.filter((m) => related.has(m.organizationId));
    if (mine.length === 0) throw DomainError.notFound('Volunteer');
    if (mine.length > 1) throw VolunteersErrors.whichOrganization();
    return mine[0].organizationId;
  }

  /**
   * Which NGO the caller records for: one they own or coordinate, by its
   * membership (platform administrators do not record checks). It must be verified.
   */
  private recordingOrganization(principal: Principal, organizationId: string | undefined): PrincipalMembership {
    const candidates = principal.memberships.filter(isNgoCoordinator).filter((m) => !organizationId || m.organizationId === organizationId);
    const verified = candidates.filter((m) => m.organizationStatus === 'verified');
    if (verified.length === 1) return verified[0];
    if (verified.length > 1) {
      throw VolunteersErrors.whichOrganization();
    }
    if (candidates.some((m) => m.organizationStatus === 'suspended'))
      throw VolunteersErrors.organizationSuspended();
    if (candidates.length > 0) throw VolunteersErrors.organizationUnverified();
    throw DomainError.forbidden('Only owners and coordinators of a verified NGO record safeguarding checks');
  }

  /** What a coordinator may know: valid, expired, none or blocked, and until when; never the evidence. */
  async standingFor(principal: Principal, userId: string): Promise<SafeguardingStandingView | SafeguardingDetailView> {
    const self = principal.userId === userId;
    if (self || principal.isPlatformAdmin) return this.detail(userId);
    const coordinates = principal.memberships.some((m) => isNgoCoordinator(m) && m.organizationStatus === 'verified');
    if (!coordinates) throw DomainError.forbidden('Only coordinators of a verified NGO see volunteers’ safeguarding status');
    const standing = await this.standing(userId, new Date());
    return { userId, status: standing.status, validUntil: standing.validUntil?.toISOString() ?? null };
  }

  /** The volunteer's own view (or an administrator's): standing and every check with its evidence. */
  async detail(userId: string): Promise<SafeguardingDetailView> {
    const checks = await this.checks.ofVolunteer(userId);
    const standing = standingAt(checks, new Date());
    const recorders = new Map(
      (await this.users.summaries([...new Set(checks.map((c) => c.verifiedBy))])).map((u) => [u.id, u.displayName] as const),
    );
    return {
      userId,
      status: standing.status,
      validUntil: standing.validUntil?.toISOString() ?? null,
      checks: checks.map((c) => toSafeguardingCheckView(c, recorders)),
    };
  }

  /** A `flagged` blocks for good until a platform administrator lifts it, with a recorded reason. */
  async lift(principal: Principal, checkId: string, reason: string): Promise<SafeguardingCheckView> {
    if (!principal.isPlatformAdmin) throw DomainError.forbidden('Only a platform administrator may lift a safeguarding block');
    return this.transactions.run(async (tx) => {
      const check = await this.checks.lock(tx, checkId);
      if (!check) throw DomainError.notFound('Safeguarding check');
      if (check.result !== 'flagged') throw VolunteersErrors.notFlagged();
      if (check.liftedAt) throw VolunteersErrors.alreadyLifted();
      const at = new Date();
      await this.checks.lift(tx, checkId, principal.userId, reason, at);
      await this.audit.record(tx, {
        action: 'safeguarding_check.lifted',
        entityType: 'safeguarding_check',
        entityId: checkId,
        orgId: check.verifiedOrgId,
        diff: { volunteerUserId: check.volunteerUserId, result: check.result },
      });
      return toSafeguardingCheckView({ ...check, liftedAt: at, liftedBy: principal.userId, liftReason: reason });
    });
  }
}
