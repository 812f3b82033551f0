import { Injectable } from '@nestjs/common';
import type { CancelSignupResult, MyShiftRow, OrganizationRosterEntry, RosterRow, RosterView, SignupView } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { afterCommit, TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { OutboxService } from '../live';
import { refusalFor } from './eligibility';
import { ShiftDirectory, takesSignups, VolunteerDirectory, type VolunteerStanding } from './ports';
import { SeatCountsMirror } from './seat-counts.mirror';
import { SeatsRepository } from './seats.repository';
import type { ShiftSeatEntity } from './shift-seat.entity';
import type { SignupEntity } from './signup.entity';
import { SignupsRepository } from './signups.repository';

/** A shift's roster with its counts as the rows show them. */
function rosterView(seat: Pick<ShiftSeatEntity, 'shiftId' | 'capacity'>, rows: RosterRow[]): RosterView {
  return {
    shiftId: seat.shiftId,
    capacity: seat.capacity,
    confirmedCount: rows.filter((r) => r.status === 'confirmed' || r.status === 'completed').length,
    waitlistCount: rows.filter((r) => r.status === 'waitlisted').length,
    signups: rows,
  };
}

/**
 * Sign-ups, the ordered waitlist and promotion. A seat is decided under one
 * row lock; a volunteer's own sign-ups are serialised by an advisory lock so
 * two overlapping shifts can never both be confirmed.
 */
@Injectable()
export class SignupsService {
  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly seats: SeatsRepository,
    private readonly signups: SignupsRepository,
    private readonly shifts: ShiftDirectory,
    private readonly volunteers: VolunteerDirectory,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly mirror: SeatCountsMirror,
  ) {}

  /** Who holds a sign-up and in what state, for other contexts acting as the system (the children's activity card). */
  async factsAsSystem(signupId: string): Promise<Pick<SignupEntity, 'id' | 'userId' | 'status' | 'shiftId' | 'needId' | 'orgId'> | null> {
    const s = await this.signups.findById(signupId);
    return s ? { id: s.id, userId: s.userId, status: s.status, shiftId: s.shiftId, needId: s.needId, orgId: s.orgId } : null;
  }

  /**
   * The shift's facts, copied into engagement's seat table the first time it is
   * used. Called outside the sign-up transaction: reading the needs context
   * takes a pool connection of its own, and a transaction waiting for a second
   * connection while holding one can starve the pool under load.
   */
  async seatFor(shiftId: string): Promise<ShiftSeatEntity> {
    const known = await this.seats.find(shiftId);
    if (known) return known;
    const facts = await this.shifts.facts(shiftId);
    if (!facts || facts.orgStatus !== 'verified' || facts.needStatus === 'draft') throw DomainError.notFound('Shift');
    await this.transactions.run((tx) => this.seats.upsert(tx, { ...facts, needOpen: takesSignups(facts) }));
    return (await this.seats.find(shiftId))!;
  }

  async signUp(
    principal: Principal,
    shiftId: string,
    idempotencyKey: string | null,
    invitationId: string | null = null,
  ): Promise<SignupView> {
    const userId = principal.userId;
    const seat = await this.seatFor(shiftId);
    if (!seat.needOpen) throw new DomainError('need_not_open', 'This need is not taking sign-ups');
    if (seat.endsAt.getTime() <= Date.now()) throw new DomainError('need_not_open', 'This shift is over');
    const refusal = refusalFor(await this.volunteers.standing(userId, seat.endsAt), seat);
    if (refusal) throw new DomainError(refusal.code, refusal.detail);
    return this.transactions.run((tx) =>
      this.idempotency.run(
        tx,
        { key: idempotencyKey, userId, operation: `POST /shifts/${shiftId}/signups`, body: { invitationId } },
        async () => {
          await this.signups.lockVolunteer(tx, userId);
          if (await this.signups.findActive(tx, shiftId, userId))
            throw new DomainError('already_signed_up', 'You are already signed up for this shift');
          if (await this.signups.overlappingConfirmed(tx, userId, seat.startsAt, seat.endsAt, shiftId)) {
            throw new DomainError('schedule_conflict', 'You already have a confirmed shift at this time');
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
          await this.outbox.emit(
            tx,
            'shift.updated',
            {
              shiftId,
              needId: seat.needId,
              capacity: decision.capacity,
              confirmedCount: decision.confirmedCount,
              waitlistCount: decision.waitlistCount,
            },
            { orgIds: [seat.orgId], needId: seat.needId },
          );
          afterCommit(tx, () => this.mirror.touch(shiftId));
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
    const standings = await this.headStandings(signupId);
    return this.transactions.run(async (tx) => {
      const signup = await this.signups.lockById(tx, signupId);
      if (!signup) throw DomainError.notFound('Sign-up');
      const own = signup.userId === principal.userId;
      if (!own) requireOrgScope(principal, 'coordinate', 'NgoWork', signup.orgId);
      if (signup.status !== 'confirmed' && signup.status !== 'waitlisted')
        throw new DomainError('invalid_transition', `A ${signup.status} sign-up cannot be cancelled`);
      const seat = (await this.seats.find(signup.shiftId, tx))!;
      const late =
        own &&
        signup.status === 'confirmed' &&
        seat.startsAt.getTime() - Date.now() < this.config.engagement.lateCancellationHours * 3600_000;
      await this.signups.cancel(tx, signupId, reason, late);
      let promoted: string | undefined;
      await this.seats.leave(tx, signup.shiftId, signup.status);
      if (signup.status === 'confirmed') promoted = await this.promoteNext(tx, seat, standings);
      await this.audit.record(tx, {
        action: 'signup.cancelled',
        entityType: 'signup',
        entityId: signupId,
        orgId: signup.orgId,
        diff: { by: own ? 'volunteer' : 'coordinator', late, promoted: promoted ?? null },
      });
      await this.outbox.emit(
        tx,
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
      );
      await this.emitCounts(tx, seat);
      return { id: signupId, status: 'cancelled', lateCancellation: late, ...(promoted ? { promoted } : {}) };
    });
  }

  /** How many people at the head of the waitlist are looked at before a cancellation. */
  private static readonly HEAD = 20;

  /** The standings of the first waiting people of a sign-up's shift, when its rules need them. */
  private async headStandings(signupId: string): Promise<Map<string, VolunteerStanding>> {
    const standings = new Map<string, VolunteerStanding>();
    const signup = await this.signups.findById(signupId);
    const seat = signup ? await this.seats.find(signup.shiftId) : null;
    if (!signup || !seat || (!seat.childContact && seat.minAge === null)) return standings;
    for (const userId of await this.signups.waitlistHead(signup.shiftId, SignupsService.HEAD)) {
      standings.set(userId, await this.volunteers.standing(userId, seat.endsAt));
    }
    return standings;
  }

  /**
   * Fills free seats from the waitlist in arrival order, passing over (and
   * telling) anyone no longer eligible. `standings` holds what was read before
   * the transaction; anyone missing from it is looked up now.
   */
  async promoteNext(tx: Tx, seat: ShiftSeatEntity, standings: Map<string, VolunteerStanding> = new Map()): Promise<string | undefined> {
    if (seat.startsAt.getTime() <= Date.now()) return undefined;
    let first: string | undefined;
    for (const candidate of await this.signups.waitlistLocked(tx, seat.shiftId)) {
      const reason = await this.ineligibility(tx, candidate, seat, standings.get(candidate.userId));
      if (reason) {
        if (candidate.skippedReason !== reason) {
          await this.signups.markSkipped(tx, candidate.id, reason);
          await this.outbox.emit(
            tx,
            'signup.skipped',
            { signupId: candidate.id, shiftId: seat.shiftId, needId: seat.needId, userId: candidate.userId, reason },
            { orgIds: [seat.orgId], userIds: [candidate.userId] },
          );
        }
        continue;
      }
      if (!(await this.seats.promoteIntoFreeSeat(tx, seat.shiftId))) break;
      await this.signups.promote(tx, candidate.id);
      await this.audit.record(tx, {
        action: 'signup.promoted',
        entityType: 'signup',
        entityId: candidate.id,
        orgId: seat.orgId,
        diff: { shiftId: seat.shiftId },
      });
      await this.outbox.emit(
        tx,
        'signup.promoted',
        { signupId: candidate.id, shiftId: seat.shiftId, needId: seat.needId, userId: candidate.userId },
        { orgIds: [seat.orgId], needId: seat.needId, userIds: [candidate.userId] },
      );
      first ??= candidate.id;
    }
    return first;
  }

  private async ineligibility(
    tx: Tx,
    candidate: SignupEntity,
    seat: ShiftSeatEntity,
    known: VolunteerStanding | undefined,
  ): Promise<string | null> {
    if (seat.childContact || seat.minAge !== null) {
      const refusal = refusalFor(known ?? (await this.volunteers.standing(candidate.userId, seat.endsAt)), seat);
      if (refusal) return refusal.reason;
    }
    await this.signups.lockVolunteer(tx, candidate.userId);
    if (await this.signups.overlappingConfirmed(tx, candidate.userId, seat.startsAt, seat.endsAt, seat.shiftId)) return 'schedule_conflict';
    return null;
  }

  async roster(principal: Principal, shiftId: string): Promise<RosterView> {
    const seat = await this.seatFor(shiftId);
    // The roster names volunteers and how to reach them: coordinators only (API.md), not every staff member.
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', seat.orgId);
    return rosterView(seat, await this.signups.roster(scope, shiftId));
  }

  /** The rosters of an organisation's shifts overlapping [from, to] in two queries (owners and coordinators), earliest first. */
  async organizationRosters(principal: Principal, orgId: string, from: Date, to: Date, limit: number): Promise<OrganizationRosterEntry[]> {
    const scope = requireOrgScope(principal, 'coordinate', 'NgoWork', orgId);
    const seats = await this.seats.inWindow(scope, from, to, limit);
    const [rosters, titles] = await Promise.all([
      this.signups.rosters(
        scope,
        seats.map((s) => s.shiftId),
      ),
      this.shifts.needTitles(seats.map((s) => s.needId)),
    ]);
    return seats.map((seat) => ({
      need: { id: seat.needId, title: titles.get(seat.needId) ?? '' },
      shift: { id: seat.shiftId, startsAt: seat.startsAt.toISOString(), endsAt: seat.endsAt.toISOString(), capacity: seat.capacity },
      roster: rosterView(seat, rosters.get(seat.shiftId) ?? []),
    }));
  }

  async mine(principal: Principal): Promise<MyShiftRow[]> {
    return (await this.signups.mine(principal.userId)).map((r) => ({
      signupId: r.signupId,
      shiftId: r.shiftId,
      needId: r.needId,
      organizationId: r.orgId,
      status: r.status,
      position: r.position,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
      checkedOutAt: r.checkedOutAt?.toISOString() ?? null,
    }));
  }

  async markNoShow(principal: Principal, signupId: string): Promise<SignupView> {
    return this.transactions.run(async (tx) => {
      const signup = await this.signups.lockById(tx, signupId);
      if (!signup) throw DomainError.notFound('Sign-up');
      requireOrgScope(principal, 'coordinate', 'NgoWork', signup.orgId);
      if (signup.status !== 'confirmed' || signup.checkedInAt)
        throw new DomainError('invalid_transition', 'Only a confirmed volunteer who did not check in can be marked as a no-show');
      const seat = (await this.seats.find(signup.shiftId, tx))!;
      if (seat.startsAt.getTime() > Date.now()) throw new DomainError('invalid_transition', 'The shift has not started yet');
      await this.signups.setStatus(tx, signupId, 'no_show');
      await this.audit.record(tx, { action: 'signup.no_show', entityType: 'signup', entityId: signupId, orgId: signup.orgId });
      await this.outbox.emit(
        tx,
        'signup.cancelled',
        { signupId, shiftId: signup.shiftId, needId: signup.needId, userId: signup.userId, status: 'no_show' },
        { orgIds: [signup.orgId], needId: signup.needId, userIds: [signup.userId] },
      );
      return { id: signupId, shiftId: signup.shiftId, needId: signup.needId, status: 'no_show', position: null };
    });
  }

  async emitCounts(tx: Tx, seat: Pick<ShiftSeatEntity, 'shiftId' | 'needId' | 'orgId'>): Promise<void> {
    const counts = await this.seats.counts(tx, seat.shiftId);
    afterCommit(tx, () => this.mirror.touch(seat.shiftId));
    await this.outbox.emit(
      tx,
      'shift.updated',
      { shiftId: seat.shiftId, needId: seat.needId, ...counts },
      { orgIds: [seat.orgId], needId: seat.needId },
    );
  }
}
