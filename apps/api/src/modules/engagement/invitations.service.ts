import { Injectable } from '@nestjs/common';
import type { InvitationView, SignupView } from '@kindred/contracts';
import { requireOrgScope } from '../../common/auth/abilities';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { EngagementErrors } from './engagement.errors';
import { AuditService } from '../audit';
import type { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { SignupsService } from './signups.service';

const toView = (i: InvitationEntity): InvitationView => ({
  id: i.id,
  shiftId: i.shiftId,
  needId: i.needId,
  organizationId: i.orgId,
  status: i.status,
  message: i.message,
  createdAt: i.createdAt.toISOString(),
});

/** A coordinator invites a volunteer; accepting signs up through exactly the same rules as anyone else. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly invitations: InvitationsRepository,
    private readonly signups: SignupsService,
    private readonly audit: AuditService,
  ) {}

  async invite(principal: Principal, shiftId: string, userId: string, message: string | null): Promise<InvitationView> {
    const seat = await this.signups.seatFor(shiftId);
    requireOrgScope(principal, 'coordinate', 'NgoWork', seat.orgId);
    if (!seat.needOpen) throw EngagementErrors.needNotOpen();
    return this.transactions.run(async (tx) => {
      const invitation = await this.invitations.insertOrExisting(tx, {
        shiftId,
        needId: seat.needId,
        orgId: seat.orgId,
        userId,
        invitedBy: principal.userId,
        message,
      });
      await this.audit.record(tx, {
        action: 'invitation.sent',
        entityType: 'invitation',
        entityId: invitation.id,
        orgId: seat.orgId,
        diff: { shiftId, userId },
      });
      return toView(invitation);
    });
  }

  async mine(principal: Principal): Promise<InvitationView[]> {
    return (await this.invitations.pendingFor(principal.userId)).map(toView);
  }

  async accept(principal: Principal, id: string): Promise<SignupView> {
    const invitation = await this.transactions.run((tx) => this.invitations.lockById(tx, id));
    if (!invitation || invitation.userId !== principal.userId) throw DomainError.notFound('Invitation');
    if (invitation.status !== 'pending') throw EngagementErrors.invitationNotPending(invitation.status);
    const signup = await this.signups.signUp(principal, invitation.shiftId, invitation.id);
    await this.transactions.run((tx) => this.invitations.setStatus(tx, id, 'accepted'));
    return signup;
  }

  async decline(principal: Principal, id: string): Promise<InvitationView> {
    return this.transactions.run(async (tx) => {
      const invitation = await this.invitations.lockById(tx, id);
      if (!invitation || invitation.userId !== principal.userId) throw DomainError.notFound('Invitation');
      if (invitation.status !== 'pending') throw EngagementErrors.invitationNotPending(invitation.status);
      await this.invitations.setStatus(tx, id, 'declined');
      return toView({ ...invitation, status: 'declined' });
    });
  }
}
