import { Injectable } from '@nestjs/common';
import type { Locale, MeResponse } from '@kindred/contracts';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { AuditService } from '../audit';
import { MembershipsRepository } from './memberships.repository';
import { toUserView } from './user.view';
import { UsersRepository } from './users.repository';
import { IdentityErrors } from './identity.errors';

export interface UserSummary {
  id: string;
  displayName: string;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly audit: AuditService,
  ) {}

  async me(principal: Principal): Promise<MeResponse> {
    const [user, memberships] = await Promise.all([this.users.findById(principal.userId), this.memberships.ofUser(principal.userId)]);
    if (!user) throw IdentityErrors.accountGone();
    return {
      ...toUserView(user),
      memberships: memberships.map(({ organizationId, organizationName, organizationKind, role }) => ({
        organizationId,
        organizationName,
        organizationKind,
        role,
      })),
      isPlatformAdmin: user.isPlatformAdmin,
    };
  }

  async update(principal: Principal, changes: { displayName?: string; locale?: Locale }): Promise<MeResponse> {
    await this.transactions.run(async (tx) => {
      await this.users.update(tx, principal.userId, changes);
      await this.audit.record(tx, {
        action: 'user.updated',
        entityType: 'user',
        entityId: principal.userId,
        diff: { fields: Object.keys(changes) },
      });
    });
    return this.me(principal);
  }

  /** Display names for other contexts (rosters, certificates); no contact data. */
  async summaries(ids: string[]): Promise<UserSummary[]> {
    return (await this.users.findByIds(ids)).map((u) => ({ id: u.id, displayName: u.displayName }));
  }
}
