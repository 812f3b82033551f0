import { Injectable } from '@nestjs/common';
import type { Tx } from '../../common/database/transaction-runner';
import { ChangeRecorder, changeEvent } from '../live';
import { refusalFor } from './eligibility';
import { VolunteerDirectory, type VolunteerStanding } from './ports';
import { SeatsRepository } from './seats.repository';
import type { ShiftSeatEntity } from './shift-seat.entity';
import type { SignupEntity } from './signup.entity';
import { SignupsRepository } from './signups.repository';

/**
 * The ordered waitlist: who is next when a seat comes free (a cancellation,
 * a raised capacity), passing over and telling those no longer eligible,
 * who keep their place.
 */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly seats: SeatsRepository,
    private readonly signups: SignupsRepository,
    private readonly volunteers: VolunteerDirectory,
    private readonly changes: ChangeRecorder,
  ) {}

  /** How many people at the head of the waitlist are looked at before a cancellation. */
  private static readonly HEAD = 20;

  /** The standings of the first waiting people of a sign-up's shift, when its rules need them. */
  async headStandings(signupId: string): Promise<Map<string, VolunteerStanding>> {
    const standings = new Map<string, VolunteerStanding>();
    const signup = await this.signups.findById(signupId);
    const seat = signup ? await this.seats.find(signup.shiftId) : null;
    if (!signup || !seat || (!seat.childContact && seat.minAge === null)) return standings;
    for (const userId of await this.signups.waitlistHead(signup.shiftId, WaitlistService.HEAD)) {
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
          await this.changes.record(tx, {
            audit: {
              action: 'signup.skipped',
              entityType: 'signup',
              entityId: candidate.id,
              orgId: seat.orgId,
              diff: { shiftId: seat.shiftId, reason },
            },
            events: [
              changeEvent(
                'signup.skipped',
                { signupId: candidate.id, shiftId: seat.shiftId, needId: seat.needId, userId: candidate.userId, reason },
                { orgIds: [seat.orgId], userIds: [candidate.userId] },
              ),
            ],
          });
        }
        continue;
      }
      if (!(await this.seats.promoteIntoFreeSeat(tx, seat.shiftId))) break;
      await this.signups.promote(tx, candidate.id);
      await this.changes.record(tx, {
        audit: {
          action: 'signup.promoted',
          entityType: 'signup',
          entityId: candidate.id,
          orgId: seat.orgId,
          diff: { shiftId: seat.shiftId },
        },
        events: [
          changeEvent(
            'signup.promoted',
            { signupId: candidate.id, shiftId: seat.shiftId, needId: seat.needId, userId: candidate.userId },
            { orgIds: [seat.orgId], needId: seat.needId, userIds: [candidate.userId] },
          ),
        ],
      });
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
    await this.signups.lockVolunteer(tx, candidate.userId);
    if (seat.childContact || seat.minAge !== null) {
      const standing = known ?? (await this.volunteers.standing(candidate.userId, seat.endsAt));
      // Safeguarding is read again under the volunteer's lock: a check that lapsed before the shift ends, or a
      // block recorded meanwhile, passes the volunteer over (they keep their place and are told).
      const safeguarding = seat.childContact
        ? await this.volunteers.safeguardingIn(tx, candidate.userId, seat.endsAt)
        : standing.safeguarding;
      const refusal = refusalFor({ ...standing, safeguarding }, seat);
      if (refusal) return refusal.reason;
    }
    if (await this.signups.overlappingConfirmed(tx, candidate.userId, seat.startsAt, seat.endsAt, seat.shiftId)) return 'schedule_conflict';
    return null;
  }
}
