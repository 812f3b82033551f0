import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const MANAGER = Symbol('manager');
const AFTER_COMMIT = Symbol('afterCommit');

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
}
