import { createHmac } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AttendanceView, CheckInCodeView, SignupView } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { EngagementErrors } from './engagement.errors';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { ChangeRecorder, changeEvent, OutboxService } from '../live';
import { CheckInAttemptsRepository } from './check-in-attempts.repository';
import { CHECK_IN_LOCK_SECONDS, CHECK_IN_MAX_WRONG, CheckInCodes } from './check-in-code';
import { HoursRepository } from './hours.repository';
import { autoCloseAt, CHECK_OUT_GRACE_MINUTES, checkInOpen, workedMinutes } from './hours.policy';
import { VolunteerDirectory } from './ports';
import { SeatsRepository } from './seats.repository';
import type { ShiftSeatEntity } from './shift-seat.entity';
import type { SignupEntity } from './signup.entity';
import { SignupsRepository } from './signups.repository';
import { SignupsService } from './signups.service';

const SWEEP_INTERVAL_MS = 60_000;

/** Check-in by rotating code or by a coordinator, check-out into a pending hour record, and the sweeper for forgotten check-outs. */
@Injectable()
export class AttendanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Attendance');
  private readonly codes: CheckInCodes;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly signupsService: SignupsService,
    private readonly signups: SignupsRepository,
    private readonly seats: SeatsRepository,
    private readonly hours: HoursRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly changes: ChangeRecorder,
    private readonly attempts: CheckInAttemptsRepository,
    private readonly volunteers: VolunteerDirectory,
  ) {
    this.codes = new CheckInCodes(createHmac('sha256', config.auth.jwtSecret).update('kindred:check-in').digest());
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'attendance sweep failed')),
      SWEEP_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The current code for the shift's QR display (coordinators of the NGO). */
  async code(principal: Principal, shiftId: string): Promise<CheckInCodeView> {
    const seat = await this.signupsService.seatFor(shiftId);
    requireOrgScope(principal, 'coordinate', 'NgoWork', seat.orgId);
    const { token, expiresAt } = this.codes.current(shiftId);
    return { token, expiresAt: expiresAt.toISOString(), shiftId };
  }

  /** A volunteer scans or types the code. Scanning again changes nothing. */
  async checkInWithCode(principal: Principal, shiftId: string, token: string): Promise<AttendanceView> {
    // A locked volunteer is refused even with the right code, or guessing on would still pay.
    const locked = await this.attempts.lockedUntil(shiftId, principal.userId);
    if (locked) throw this.lockedError(locked);
    if (!this.codes.verify(shiftId, token)) {
      const counted = await this.attempts.recordFailure(shiftId, principal.userId, CHECK_IN_MAX_WRONG, CHECK_IN_LOCK_SECONDS);
      if (!counted)
        throw this.lockedError(
          (await this.attempts.lockedUntil(shiftId, principal.userId)) ?? new Date(Date.now() + CHECK_IN_LOCK_SECONDS * 1000),
        );
      if (counted.lockedUntil) throw this.lockedError(counted.lockedUntil);
      throw EngagementErrors.wrongCheckInCode(CHECK_IN_MAX_WRONG - counted.failures);
    }
    const seat = await this.signupsService.seatFor(shiftId);
    return this.transactions.run(async (tx) => {
      const mine = await this.signups.findActive(tx, shiftId, principal.userId);
      if (!mine) {
        // Already checked in and out: scanning again answers the same attendance.
        const done = await this.signups.latest(tx, shiftId, principal.userId);
        if (done?.checkedInAt) return this.view(tx, done.id);
        throw EngagementErrors.noConfirmedPlace();
      }
      if (mine.status !== 'confirmed')
        throw EngagementErrors.onWaitlist();
      if (!mine.checkedInAt) {
        if (!checkInOpen(seat, new Date()))
          throw EngagementErrors.checkInClosed();
        await this.requireSafeguarding(tx, mine, seat);
        await this.recordCheckIn(tx, mine, 'code');
        await this.attempts.clear(tx, shiftId, principal.userId);
      }
      return this.view(tx, mine.id);
    });
  }

  private lockedError(until: Date): DomainError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return EngagementErrors.checkInLocked(seconds);
  }

  /** A coordinator checks someone in by hand (no phone, no signal). */
  async checkInByCoordinator(principal: Principal, signupId: string): Promise<AttendanceView> {
    return this.transactions.run(async (tx) => {
      // The volunteer's lock before the sign-up's row, the order a block being recorded takes them in.
      const holder = await this.signups.findById(signupId, tx);
      if (holder) await this.signups.lockVolunteer(tx, holder.userId);
      const signup = await this.signups.lockById(tx, signupId);
      if (!signup) throw DomainError.notFound('Sign-up');
      requireOrgScope(principal, 'coordinate', 'NgoWork', signup.orgId);
      if (signup.status !== 'confirmed') throw EngagementErrors.cannotCheckIn(signup.status);
      if (!signup.checkedInAt) {
        await this.requireSafeguarding(tx, signup, (await this.seats.find(signup.shiftId, tx))!);
        await this.recordCheckIn(tx, signup, 'coordinator');
      }
      // The coordinator vouched for the volunteer in person: a code lock on this shift has no purpose left.
      await this.attempts.clear(tx, signup.shiftId, signup.userId);
      return this.view(tx, signupId);
    });
  }

  /**
   * Child-contact work needs a safeguarding check valid until the shift ends at the door too: a check that
   * lapsed since the sign-up, or a block, refuses the check-in (403 `safeguarding_required`). There is no
   * sweep of expiries yet, so this is where an expiry that landed after the sign-up is caught. The refusal
   * is audited in a transaction of its own (the check-in's own rolls back with the error).
   */
  private async requireSafeguarding(tx: Tx, signup: SignupEntity, seat: ShiftSeatEntity): Promise<void> {
    if (!seat.childContact) return;
    await this.signups.lockVolunteer(tx, signup.userId);
    const status = await this.volunteers.safeguardingIn(tx, signup.userId, seat.endsAt);
    if (status === 'valid') return;
    await this.transactions.run((own) =>
      this.audit.record(own, {
        action: 'attendance.check_in_refused',
        entityType: 'signup',
        entityId: signup.id,
        orgId: signup.orgId,
        diff: { reason: status === 'blocked' ? 'safeguarding_blocked' : status === 'expired' ? 'safeguarding_expired' : 'safeguarding_missing' },
      }),
    );
    throw EngagementErrors.refused({
      code: 'safeguarding_required',
      detail: 'Work with children needs a safeguarding check (entry inquiry) valid until the shift ends',
    });
  }

  private async recordCheckIn(tx: Tx, signup: SignupEntity, method: 'code' | 'coordinator'): Promise<void> {
    const at = new Date();
    if (!(await this.signups.checkIn(tx, signup.id, method, at))) return;
    await this.audit.record(tx, {
      action: 'attendance.checked_in',
      entityType: 'signup',
      entityId: signup.id,
      orgId: signup.orgId,
      diff: { method },
    });
    await this.outbox.emit(
      tx,
      'attendance.checked_in',
      { signupId: signup.id, shiftId: signup.shiftId, needId: signup.needId, userId: signup.userId, at: at.toISOString() },
      { orgIds: [signup.orgId], needId: signup.needId, userIds: [signup.userId] },
    );
  }

  /** The volunteer or a coordinator checks out: the attendance becomes a pending hour record. */
  async checkOut(principal: Principal, signupId: string): Promise<AttendanceView> {
    return this.transactions.run(async (tx) => {
      const signup = await this.signups.lockById(tx, signupId);
      if (!signup) throw DomainError.notFound('Sign-up');
      if (signup.userId !== principal.userId) requireOrgScope(principal, 'coordinate', 'NgoWork', signup.orgId);
      if (!signup.checkedInAt) throw EngagementErrors.notCheckedIn();
      if (!signup.checkedOutAt) await this.close(tx, signup, new Date(), false);
      return this.view(tx, signupId);
    });
  }

  private async close(tx: Tx, signup: SignupEntity, at: Date, automatic: boolean): Promise<void> {
    const seat = (await this.seats.find(signup.shiftId, tx))!;
    const until = automatic ? autoCloseAt(seat) : at;
    if (!(await this.signups.checkOut(tx, signup.id, until, automatic))) return;
    const { minutes, capped } = workedMinutes(seat, signup.checkedInAt!, until);
    const record = await this.hours.insert(tx, {
      signupId: signup.id,
      shiftId: signup.shiftId,
      needId: signup.needId,
      orgId: signup.orgId,
      userId: signup.userId,
      minutes,
      servedOn: seat.startsAt,
      status: 'pending',
      flag: automatic ? 'auto_closed' : capped ? 'capped' : null,
      reversesId: null,
      note: null,
      decidedBy: null,
    });
    await this.changes.record(tx, {
      audit: {
        action: 'attendance.checked_out',
        entityType: 'signup',
        entityId: signup.id,
        orgId: signup.orgId,
        diff: { minutes, automatic, hourRecordId: record.id },
        ...(automatic ? { actorUserId: null } : {}),
      },
      events: [
        changeEvent(
          'attendance.checked_out',
          { signupId: signup.id, shiftId: signup.shiftId, needId: signup.needId, userId: signup.userId, at: until.toISOString(), minutes },
          { orgIds: [signup.orgId], needId: signup.needId, userIds: [signup.userId] },
        ),
      ],
    });
  }

  /** Closes attendances nobody checked out, at the cap, flagged for the coordinator. Safe on several replicas: each row is locked. */
  async sweep(): Promise<number> {
    const open = await this.signups.openPastCap(100, CHECK_OUT_GRACE_MINUTES);
    let closed = 0;
    for (const { id } of open) {
      await this.transactions.run(async (tx) => {
        const signup = await this.signups.lockById(tx, id);
        if (signup?.checkedInAt && !signup.checkedOutAt) {
          await this.close(tx, signup, new Date(), true);
          closed += 1;
        }
      });
    }
    return closed;
  }

  private async view(tx: Tx, signupId: string): Promise<AttendanceView> {
    const signup = (await this.signups.findById(signupId, tx))!;
    const record = await this.hours.forSignup(tx, signupId);
    return {
      signupId,
      shiftId: signup.shiftId,
      status: signup.status,
      checkedInAt: signup.checkedInAt?.toISOString() ?? null,
      checkedOutAt: signup.checkedOutAt?.toISOString() ?? null,
      hourRecord: record ? { id: record.id, minutes: record.minutes, status: record.status, flag: record.flag } : null,
    };
  }

  async markNoShow(principal: Principal, signupId: string): Promise<SignupView> {
    return this.transactions.run(async (tx) => {
      const signup = await this.signups.lockById(tx, signupId);
      if (!signup) throw DomainError.notFound('Sign-up');
      requireOrgScope(principal, 'coordinate', 'NgoWork', signup.orgId);
      if (signup.status !== 'confirmed' || signup.checkedInAt)
        throw EngagementErrors.noShowNotAllowed();
      const seat = (await this.seats.find(signup.shiftId, tx))!;
      if (seat.startsAt.getTime() > Date.now()) throw EngagementErrors.shiftNotStarted();
      await this.signups.setStatus(tx, signupId, 'no_show');
      await this.changes.record(tx, {
        audit: { action: 'signup.no_show', entityType: 'signup', entityId: signupId, orgId: signup.orgId },
        events: [
          changeEvent(
            'signup.cancelled',
            { signupId, shiftId: signup.shiftId, needId: signup.needId, userId: signup.userId, status: 'no_show' },
            { orgIds: [signup.orgId], needId: signup.needId, userIds: [signup.userId] },
          ),
        ],
      });
      return { id: signupId, shiftId: signup.shiftId, needId: signup.needId, status: 'no_show', position: null };
    });
  }
}
