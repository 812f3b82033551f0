import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Tx } from '../../common/database/transaction-runner';
import { AuditService } from '../audit';
import { OutboxService } from '../live';
import { type SafeguardingBlock, SafeguardingLifecycle } from '../volunteers';
import { SeatsRepository } from './seats.repository';
import { SignupsRepository } from './signups.repository';
import { ShiftUpdates } from './shift-updates';
import { WaitlistService } from './waitlist.service';

/**
 * Ends a blocked volunteer's child-contact work inside the transaction that
 * records the block: every confirmed or waitlisted sign-up on a child-contact
 * shift that has not started is cancelled, each freed seat goes to the next
 * eligible volunteer on the waitlist, and each shift sends one `shift.updated`.
 * It takes the volunteer's sign-up lock first, the lock every sign-up and
 * promotion holds while it reads the volunteer's safeguarding standing, so a
 * sign-up racing the block either commits before (and is cancelled here) or
 * reads the block after (and is refused).
 */
@Injectable()
export class SafeguardingSyncListener implements OnModuleInit {
  constructor(
    private readonly lifecycle: SafeguardingLifecycle,
    private readonly seats: SeatsRepository,
    private readonly signups: SignupsRepository,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly shiftUpdates: ShiftUpdates,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register({
      blocked: (tx, block) => this.blocked(tx, block),
      organizationsOf: (userId) => this.signups.organizationsOf(userId),
    });
  }

  private async blocked(tx: Tx, block: SafeguardingBlock): Promise<void> {
    const userId = block.volunteerUserId;
    await this.signups.lockVolunteer(tx, userId);
    for (const signup of await this.signups.futureChildContactLocked(tx, userId)) {
      const seat = (await this.seats.find(signup.shiftId, tx))!;
      await this.signups.cancel(tx, signup.id, null, false);
      await this.seats.leave(tx, signup.shiftId, signup.status as 'confirmed' | 'waitlisted');
      const promoted = signup.status === 'confirmed' ? await this.waitlist.promoteNext(tx, seat) : undefined;
      // Nobody but the audit learns why: the reason of a block is for the safeguarding lead only (R2).
      await this.audit.record(tx, {
        action: 'signup.cancelled',
        entityType: 'signup',
        entityId: signup.id,
        orgId: signup.orgId,
        diff: { by: 'safeguarding', checkId: block.checkId, previousStatus: signup.status, promoted: promoted ?? null },
      });
      await this.outbox.emit(
        tx,
        'signup.cancelled',
        { signupId: signup.id, shiftId: signup.shiftId, needId: signup.needId, userId, status: 'cancelled' },
        { orgIds: [signup.orgId], needId: signup.needId, userIds: [userId] },
      );
      await this.shiftUpdates.emit(tx, seat);
    }
  }
}
