import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Tx } from '../../common/database/transaction-runner';
import { EngagementErrors } from './engagement.errors';
import { ChangeRecorder, changeEvent } from '../live';
import { type ListenerOutcome, type NeedChange, NeedsLifecycle, type ShiftChange } from '../needs';
import { SeatsRepository } from './seats.repository';
import { SignupsRepository } from './signups.repository';
import { ShiftUpdates } from './shift-updates';
import { WaitlistService } from './waitlist.service';

const OPEN_STATUSES = new Set(['open', 'filled', 'in_progress']);

/**
 * Keeps a shift's seats in step with the needs context, inside the needs
 * context's own transactions: takes a new shift's capacity, refuses a
 * capacity below the confirmed sign-ups, promotes into new seats, ends the
 * sign-ups of a cancelled shift or need (telling each volunteer why), and
 * sends the shift's `shift.updated` with the seats as they now are.
 */
@Injectable()
export class NeedsSyncListener implements OnModuleInit {
  constructor(
    private readonly lifecycle: NeedsLifecycle,
    private readonly seats: SeatsRepository,
    private readonly signups: SignupsRepository,
    private readonly waitlist: WaitlistService,
    private readonly changes: ChangeRecorder,
    private readonly shiftUpdates: ShiftUpdates,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register({
      shiftChanged: (tx, change) => this.shiftChanged(tx, change),
      needChanged: (tx, change) => this.needChanged(tx, change),
    });
  }

  private async shiftChanged(tx: Tx, change: ShiftChange): Promise<void> {
    const existing = await this.seats.lock(tx, change.shiftId);
    if (existing && change.after.capacity < existing.confirmedCount) {
      throw EngagementErrors.capacityBelowConfirmed(existing.confirmedCount);
    }
    await this.seats.upsert(tx, {
      shiftId: change.shiftId,
      needId: change.needId,
      orgId: change.orgId,
      startsAt: change.after.startsAt,
      endsAt: change.after.endsAt,
      capacity: change.after.capacity,
      needOpen: change.after.status !== 'cancelled' && OPEN_STATUSES.has(change.need.status),
      childContact: change.need.childContact,
      minAge: change.need.minAge,
    });
    let notify: string[] = [];
    if (existing && change.kind === 'cancelled') {
      notify = await this.endSignups(tx, [change.shiftId], change.needId, 'shift cancelled');
    } else if (existing) {
      const seat = (await this.seats.find(change.shiftId, tx))!;
      if (change.after.capacity > existing.capacity) await this.waitlist.promoteNext(tx, seat);
      notify = await this.signups.activeUserIds(tx, change.shiftId);
    }
    await this.shiftUpdates.emit(tx, change, {
      schedule: change.after,
      changed: change.changed,
      draft: change.need.status === 'draft',
      userIds: notify,
    });
  }

  private async needChanged(tx: Tx, change: NeedChange): Promise<ListenerOutcome> {
    await this.seats.setNeedRules(
      tx,
      change.needId,
      OPEN_STATUSES.has(change.rules.status),
      change.rules.childContact,
      change.rules.minAge,
    );
    if (change.rules.status !== 'cancelled') return {};
    const notified = await this.endSignups(tx, change.cancelledShiftIds, change.needId, change.reason ?? 'need cancelled');
    for (const shiftId of change.cancelledShiftIds) {
      const seat = await this.seats.find(shiftId, tx);
      if (!seat) continue;
      await this.shiftUpdates.emit(tx, seat, {
        schedule: { startsAt: seat.startsAt, endsAt: seat.endsAt, status: 'cancelled' },
        changed: ['status'],
      });
    }
    return { notifyUserIds: notified };
  }

  /** Cancels every live sign-up of the given shifts and tells each volunteer. */
  private async endSignups(tx: Tx, shiftIds: string[], needId: string, reason: string): Promise<string[]> {
    const ended = await this.signups.cancelAllOfShifts(tx, shiftIds, reason);
    for (const s of ended) {
      await this.seats.leave(tx, s.shiftId, s.previousStatus);
      await this.changes.record(tx, {
        audit: { action: 'signup.cancelled', entityType: 'signup', entityId: s.id, orgId: s.orgId, diff: { by: 'need', reason } },
        events: [
          changeEvent(
            'signup.cancelled',
            { signupId: s.id, shiftId: s.shiftId, needId, userId: s.userId, status: 'cancelled', reason },
            { orgIds: [s.orgId], needId, userIds: [s.userId] },
          ),
        ],
      });
    }
    return ended.map((s) => s.userId);
  }
}
