import { Injectable } from '@nestjs/common';
import type { CancelSignupResult, SignupView } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { EngagementErrors } from './engagement.errors';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { ChangeRecorder, changeEvent, OutboxService } from '../live';
import { refusalFor } from './eligibility';
import { VolunteerDirectory } from './ports';
import { SeatsRepository } from './seats.repository';
import type { ShiftSeatEntity } from './shift-seat.entity';
import type { SignupEntity } from './signup.entity';
import { SignupsRepository } from './signups.repository';
import { ShiftUpdates } from './shift-updates';
import { WaitlistService } from './waitlist.service';

/**
 * Signing up and cancelling. A seat is decided under one row lock; a
 * volunteer's own sign-ups are serialised by an advisory lock so two
 * overlapping shifts can never both be confirmed. A freed seat goes to the
 * waitlist (waitlist.service.ts) in the same transaction.
 */
@Injectable()
export class SignupsService {
  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly seats: SeatsRepository,
    private readonly signups: SignupsRepository,
    private readonly volunteers: VolunteerDirectory,
    private readonly waitlist: WaitlistService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly changes: ChangeRecorder,
    private readonly shiftUpdates: ShiftUpdates,
  ) {}

  /** Who holds a sign-up and in what state, for other contexts acting as the system (the children's activity card). */
  async factsAsSystem(signupId: string): Promise<Pick<SignupEntity, 'id' | 'userId' | 'status' | 'shiftId' | 'needId' | 'orgId'> | null> {
    const s = await this.signups.findById(signupId);
    return s ? { id: s.id, userId: s.userId, status: s.status, shiftId: s.shiftId, needId: s.needId, orgId: s.orgId } : null;
  }

  /** The shift's seats; every shift has them from the transaction that created it (see needs-sync). */
  async seatFor(shiftId: string): Promise<ShiftSeatEntity> {
    const seat = await this.seats.find(shiftId);
    if (!seat) throw DomainError.notFound('Shift');
    return seat;
  }

  async signUp(
    principal: Principal,
    shiftId: string,
    invitationId: string | null = null,
  ): Promise<SignupView> {
    const userId = principal.userId;
    const seat = await this.seatFor(shiftId);
    if (!seat.needOpen) throw EngagementErrors.needNotOpen();
    if (seat.endsAt.getTime() <= Date.now()) throw EngagementErrors.shiftOver();
    const standing = await this.volunteers.standing(userId, seat.endsAt);
    const refusal = refusalFor(standing, seat);
    if (refusal) throw EngagementErrors.refused(refusal);
    return this.transactions.run((tx) =>
      this.idempotency.once(
        tx,
        { invitationId },
        async () => {
          await this.signups.lockVolunteer(tx, userId);
          // The gate again, under the volunteer's lock: a block recorded meanwhile (which takes this lock) is seen here.
          if (seat.childContact) {
            const safeguarding = await this.volunteers.safeguardingIn(tx, userId, seat.endsAt);
            const late = refusalFor({ ...standing, safeguarding }, seat);
            if (late) throw EngagementErrors.refused(late);
          }
          if (await this.signups.findActive(tx, shiftId, userId))
            throw EngagementErrors.alreadySignedUp();
          if (await this.signups.overlappingConfirmed(tx, userId, seat.startsAt, seat.endsAt, shiftId)) {
            throw EngagementErrors.scheduleConflict();
          }
          // From here the shift row is locked until commit: keep the statements few.
          const decision = await this.seats.takeSeatOrTicket(tx, shiftId);
          if (!decision) throw DomainError.notFound('Shift');
          const confirmed = decision.outcome === 'confirmed';
          const signup = await this.signups.insert(tx, {
            shiftId,
            needId: seat.needId,
            orgId: seat.orgId,
            userId,
            status: decision.outcome,
            waitlistSeq: confirmed ? null : decision.waitlistSeq,
            invitationId,
          });
          // A newcomer is last in line: their place is the number now waiting.
          const position = confirmed ? null : decision.waitlistCount;
          await this.audit.record(tx, {
            action: `signup.${decision.outcome}`,
            entityType: 'signup',
            entityId: signup.id,
            orgId: seat.orgId,
            diff: { shiftId, position },
          });
          const audience = { orgIds: [seat.orgId], needId: seat.needId, userIds: [userId] };
          if (confirmed)
            await this.outbox.emit(tx, 'signup.confirmed', { signupId: signup.id, shiftId, needId: seat.needId, userId }, audience);
          else
            await this.outbox.emit(
              tx,
              'signup.waitlisted',
              { signupId: signup.id, shiftId, needId: seat.needId, userId, position: position! },
              audience,
            );
          await this.shiftUpdates.emit(tx, seat, { counts: decision });
          return { id: signup.id, shiftId, needId: seat.needId, status: decision.outcome, position };
        },
      ),
    );
  }

  /**
   * Cancels a sign-up (the volunteer, or the NGO's coordinators) and, when it
   * held a seat, promotes the first waitlisted volunteer who is still eligible,
   * in the same transaction. Those passed over keep their place and are told why.
   */
  async cancel(principal: Principal, signupId: string, reason: string | null): Promise<CancelSignupResult> {
    // Standings of the people next in line are read before the transaction (see seatFor).
    const standings = await this.waitlist.headStandings(signupId);
    return this.transactions.run(async (tx) => {
      const signup = await this.signups.lockById(tx, signupId);
      if (!signup) throw DomainError.notFound('Sign-up');
      const own = signup.userId === principal.userId;
      if (!own) requireOrgScope(principal, 'coordinate', 'NgoWork', signup.orgId);
      if (signup.status !== 'confirmed' && signup.status !== 'waitlisted')
        throw EngagementErrors.cannotCancel(signup.status);
      const seat = (await this.seats.find(signup.shiftId, tx))!;
      const late =
        own &&
        signup.status === 'confirmed' &&
        seat.startsAt.getTime() - Date.now() < this.config.engagement.lateCancellationHours * 3600_000;
      await this.signups.cancel(tx, signupId, reason, late);
      let promoted: string | undefined;
      await this.seats.leave(tx, signup.shiftId, signup.status);
      if (signup.status === 'confirmed') promoted = await this.waitlist.promoteNext(tx, seat, standings);
      await this.changes.record(tx, {
        audit: {
          action: 'signup.cancelled',
          entityType: 'signup',
          entityId: signupId,
          orgId: signup.orgId,
          diff: { by: own ? 'volunteer' : 'coordinator', late, promoted: promoted ?? null },
        },
        events: [
          changeEvent(
            'signup.cancelled',
            {
              signupId,
              shiftId: signup.shiftId,
              needId: signup.needId,
              userId: signup.userId,
              status: 'cancelled',
              ...(reason ? { reason } : {}),
            },
            { orgIds: [signup.orgId], needId: signup.needId, userIds: [signup.userId] },
          ),
        ],
      });
      await this.shiftUpdates.emit(tx, seat);
      return { id: signupId, status: 'cancelled', lateCancellation: late, ...(promoted ? { promoted } : {}) };
    });
  }
}
