import { Injectable } from '@nestjs/common';
import type { ShiftStatus } from '@kindred/contracts';
import type { Tx } from '../../common/database/transaction-runner';
import { OutboxService } from '../live';
import { type SeatCounts, SeatsRepository } from './seats.repository';

export interface ShiftUpdate {
  /** The shift's counts when the caller has them from its seat decision; otherwise read in the transaction. */
  counts?: SeatCounts;
  /** The shift's time and status, when they (or its existence) changed. */
  schedule?: { startsAt: Date; endsAt: Date; status: ShiftStatus };
  /** Names of the fields that changed (no values); `created` for a new shift. */
  changed?: string[];
  /** A draft need's shifts concern only its organisation. */
  draft?: boolean;
  /** Volunteers to tell beside the rooms (those signed up to the shift). */
  userIds?: string[];
}

/**
 * The one emitter of `shift.updated`. Engagement owns a shift's capacity and
 * seat counters, so every change to them or to the shift itself (a sign-up,
 * a cancellation, a promotion, a coordinator's edit through the needs
 * lifecycle) is told from here, in the transaction that made it.
 */
@Injectable()
export class ShiftUpdates {
  constructor(
    private readonly seats: SeatsRepository,
    private readonly outbox: OutboxService,
  ) {}

  async emit(tx: Tx, shift: { shiftId: string; needId: string; orgId: string }, update: ShiftUpdate = {}): Promise<void> {
    const counts = update.counts ?? (await this.seats.counts(tx, shift.shiftId));
    const schedule = update.schedule;
    await this.outbox.emit(
      tx,
      'shift.updated',
      {
        shiftId: shift.shiftId,
        needId: shift.needId,
        capacity: counts.capacity,
        confirmedCount: counts.confirmedCount,
        waitlistCount: counts.waitlistCount,
        ...(schedule ? { startsAt: schedule.startsAt.toISOString(), endsAt: schedule.endsAt.toISOString(), status: schedule.status } : {}),
        ...(update.changed ? { changed: update.changed } : {}),
      },
      { orgIds: [shift.orgId], needId: update.draft ? null : shift.needId, userIds: update.userIds ?? [] },
    );
  }
}
