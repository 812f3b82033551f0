import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { TransactionRunner, type OrgScopedTx } from '../../common/database/transaction-runner';
import { DomainError } from '../../common/errors/domain-error';
import { ChildrenErrors } from './children.errors';
import type { ChildEntity } from './child.entity';
import { readableRegistries, requireChildAccess, type ChildAction } from './children.policy';
import { CareRepository } from './care.repository';

/**
 * Opens a transaction bound to the registries the caller may read, finds the
 * child (locked when `lock`), and checks `action` on its NGO: 404 for anyone
 * outside the NGO, 403 for a member without the right.
 */
@Injectable()
export class CareAccess {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly care: CareRepository,
  ) {}

  withChild<T>(
    principal: Principal,
    childId: string,
    action: ChildAction,
    work: (tx: OrgScopedTx, child: ChildEntity) => Promise<T>,
    options: { lock?: boolean } = {},
  ): Promise<T> {
    const scopes = readableRegistries(principal);
    if (scopes.length === 0) throw DomainError.notFound('Child');
    return this.tx.runScoped(scopes, async (tx) => {
      const child = options.lock ? await this.care.lockChild(tx, childId) : await this.care.findChild(tx, childId);
      if (!child) throw DomainError.notFound('Child');
      requireChildAccess(principal, child.orgId, action);
      return work(tx, child);
    });
  }
}

/** 409 `child_exited`: an exited child's file takes no new care records. */
export function requireActive(child: ChildEntity): void {
  if (child.status === 'exited') throw ChildrenErrors.childExited();
}
