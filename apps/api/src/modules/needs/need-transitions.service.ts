import { Injectable } from '@nestjs/common';
import type { NeedStatus, NeedView } from '@kindred/contracts';
import { grantOrgScope, type OrgScope } from '../../common/auth/org-scope';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type Tx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { NeedsErrors } from './needs.errors';
import { ChangeRecorder, changeEvent } from '../live';
import { assertTransition } from './need-status';
import { toNeedView } from './need.view';
import type { NeedEntity } from './need.entity';
import { NeedsLifecycle, rulesOf } from './needs-lifecycle';
import { NeedsRepository } from './needs.repository';
import { NeedsService } from './needs.service';
import { ShiftsRepository } from './shifts.repository';

/**
 * A need's status machine (need-status.ts holds the table): publishing,
 * changes by its coordinators and by the system (engagement marking a need
 * filled). Each runs in one transaction with its audit entry, its outbox
 * event and the lifecycle listeners of other contexts.
 */
@Injectable()
export class NeedTransitionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly needs: NeedsRepository,
    private readonly shifts: ShiftsRepository,
    private readonly reading: NeedsService,
    private readonly lifecycle: NeedsLifecycle,
    private readonly changes: ChangeRecorder,
  ) {}

  /** draft → open; the organisation must be verified. */
  async publish(principal: Principal, needId: string): Promise<NeedView> {
    return this.changeStatus(principal, needId, 'open', null, true);
  }

  async changeStatus(principal: Principal, needId: string, to: NeedStatus, reason: string | null, publishOnly = false): Promise<NeedView> {
    return this.transactions.run(async (tx) => {
      const { need, scope } = await this.reading.lockForChange(tx, principal, needId);
      if (publishOnly && need.status !== 'draft')
        throw NeedsErrors.alreadyPublished(need.status);
      await this.transition(tx, scope, need, to, reason);
      const updated = (await this.needs.findById(needId, tx))!;
      return toNeedView(updated, await this.needs.items(needId, tx), (await this.reading.orgFacts(scope.orgId))?.name ?? null);
    });
  }

  /** For other contexts acting as the system (engagement marking a need filled), in their transaction. */
  async transitionAsSystem(tx: Tx, needId: string, to: NeedStatus, reason: string | null): Promise<void> {
    const found = await this.needs.findById(needId, tx);
    if (!found) throw DomainError.notFound('Need');
    const scope = grantOrgScope(found.orgId);
    const need = (await this.needs.lock(tx, scope, needId))!;
    if (need.status !== to) await this.transition(tx, scope, need, to, reason);
  }

  /**
   * One status change by the transition table, with its side effects:
   * publishing needs a verified organisation; cancelling cancels the shifts
   * that have not started and lets other contexts end their sign-ups and tell
   * each volunteer, in this same transaction (engagement, which owns the
   * seats, also sends each cancelled shift's `shift.updated`).
   */
  private async transition(tx: Tx, scope: OrgScope, need: NeedEntity, to: NeedStatus, reason: string | null): Promise<void> {
    const from = need.status;
    assertTransition(from, to);
    const publishing = from === 'draft' && to === 'open';
    if (publishing) {
      const org = await this.reading.orgFacts(scope.orgId);
      if (org?.status === 'suspended') throw NeedsErrors.organizationSuspended();
      if (org?.status !== 'verified')
        throw NeedsErrors.organizationUnverified();
    }
    const now = new Date();
    await this.needs.setStatus(tx, scope, need.id, to, {
      ...(publishing && !need.publishedAt ? { publishedAt: now } : {}),
      ...(to === 'cancelled' ? { cancelledAt: now, cancelReason: reason } : {}),
    });
    const cancelledShifts = to === 'cancelled' ? await this.shifts.cancelFuture(tx, scope, need.id, now) : [];
    const notify = await this.lifecycle.needChanged(tx, {
      needId: need.id,
      orgId: scope.orgId,
      previousStatus: from,
      rules: rulesOf({ ...need, status: to } as NeedEntity),
      reason: to === 'cancelled' ? reason : null,
      cancelledShiftIds: cancelledShifts.map((s) => s.id),
    });
    const audience = { orgIds: [scope.orgId], needId: need.id, userIds: notify };
    await this.changes.record(tx, {
      audit: {
        action: publishing ? 'need.published' : to === 'cancelled' ? 'need.cancelled' : 'need.status_changed',
        entityType: 'need',
        entityId: need.id,
        orgId: scope.orgId,
        diff: { from, to, ...(cancelledShifts.length ? { cancelledShifts: cancelledShifts.length } : {}) },
      },
      events: [
        publishing
          ? changeEvent(
              'need.published',
              { needId: need.id, organizationId: scope.orgId, title: need.title, type: need.type, status: to },
              audience,
            )
          : changeEvent(
              'need.updated',
              {
                needId: need.id,
                organizationId: scope.orgId,
                status: to,
                changed: ['status'],
                ...(reason && to === 'cancelled' ? { reason } : {}),
              },
              audience,
            ),
      ],
    });
  }
}
