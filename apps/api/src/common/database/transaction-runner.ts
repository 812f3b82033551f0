import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrgScope } from '../auth/org-scope';

const MANAGER = Symbol('manager');
const AFTER_COMMIT = Symbol('afterCommit');
const ORG_IDS = Symbol('orgIds');

/**
 * An open transaction, opaque to services: they pass it to repositories and
 * never see the ORM behind it.
 */
export interface Tx {
  readonly [MANAGER]: EntityManager;
  readonly [AFTER_COMMIT]: Array<() => void>;
}

/** Unwraps a transaction for repositories (the only callers allowed). */
export function managerOf(tx: Tx): EntityManager {
  return tx[MANAGER];
}

/** Runs `hook` once the transaction has committed (never after a rollback). */
export function afterCommit(tx: Tx, hook: () => void): void {
  tx[AFTER_COMMIT].push(hook);
}

/**
 * A transaction bound to a set of organisations: PostgreSQL row-level security
 * on organisation-owned tables (the children's registry) shows and accepts only
 * their rows. Repositories of such tables take this type, so a query outside a
 * bound transaction does not compile.
 */
export interface OrgScopedTx extends Tx {
  readonly [ORG_IDS]: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Binds the organisations of `scopes` to the open transaction
 * (`set_config('kindred.org_ids', …, true)`: SET LOCAL, so the setting ends
 * with the transaction and never leaks to the next user of the pooled
 * connection). Binding again widens the set for the rest of the transaction.
 */
export async function bindOrgScope(tx: Tx, scopes: OrgScope | readonly OrgScope[]): Promise<OrgScopedTx> {
  const list = Array.isArray(scopes) ? (scopes as readonly OrgScope[]) : [scopes as OrgScope];
  const already = (tx as Partial<OrgScopedTx>)[ORG_IDS] ?? [];
  const orgIds = [...new Set([...already, ...list.map((s) => s.orgId)])];
  for (const id of orgIds) if (!UUID.test(id)) throw new Error('bindOrgScope: organisation ids must be UUIDs');
  await tx[MANAGER].query(`SELECT set_config('kindred.org_ids', $1, true)`, [orgIds.join(',')]);
  return Object.assign(tx, { [ORG_IDS]: orgIds }) as OrgScopedTx;
}

/** The organisations a scoped transaction is bound to. */
export function orgIdsOf(tx: OrgScopedTx): readonly string[] {
  return tx[ORG_IDS];
}

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** The one seam through which services open transactions. */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    const hooks: Array<() => void> = [];
    const result = await this.dataSource.transaction(isolation, (manager) =>
      work({ [MANAGER]: manager, [AFTER_COMMIT]: hooks }),
    );
    for (const hook of hooks) hook();
    return result;
  }

  /** A transaction bound to `scopes` (see bindOrgScope) before `work` runs. */
  runScoped<T>(
    scopes: OrgScope | readonly OrgScope[],
    work: (tx: OrgScopedTx) => Promise<T>,
    isolation: IsolationLevel = 'READ COMMITTED',
  ): Promise<T> {
    return this.run(async (tx) => work(await bindOrgScope(tx, scopes)), isolation);
  }
}
