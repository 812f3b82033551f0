import { Injectable } from '@nestjs/common';
import type { ChildCategory, LivingArrangement } from '@kindred/contracts';
import type { OrgScopedTx } from '../../common/database/transaction-runner';
import { ageOn, beijingToday } from './child-dates';
import type { ChildEntity } from './child.entity';

/**
 * What other contexts may know of a child's file as it is written: codes and
 * counts, never identity. `hasGuardian` says whether a carer is recorded.
 */
export interface ChildRecorded {
  kind: 'registered' | 'updated';
  childId: string;
  orgId: string;
  /** Who registered or changed the file. */
  recordedBy: string | null;
  /** Whole years on today's Beijing date. */
  age: number;
  categories: ChildCategory[];
  livingArrangement: LivingArrangement | null;
  hasGuardian: boolean;
}

/**
 * Other contexts' hook into the registry, run inside the transaction that
 * registers or changes a file (bound to its organisation): a listener writes
 * atomically with it (the concerns context opens a concern for a child under 16
 * living alone). Register in `onModuleInit`; the registry does not know who listens.
 */
export interface ChildrenLifecycleListener {
  childRecorded(tx: OrgScopedTx, child: ChildRecorded): Promise<void>;
}

@Injectable()
export class ChildrenLifecycle {
  private readonly listeners: ChildrenLifecycleListener[] = [];

  register(listener: ChildrenLifecycleListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Call after writing a file (registration or any change), in the same transaction. */
  async childRecorded(tx: OrgScopedTx, kind: ChildRecorded['kind'], child: ChildEntity, recordedBy: string | null): Promise<void> {
    const facts: ChildRecorded = {
      kind,
      childId: child.id,
      orgId: child.orgId,
      recordedBy,
      age: ageOn(child.birthDate, beijingToday()),
      categories: [...child.categories],
      livingArrangement: child.livingArrangement,
      hasGuardian: child.guardiansEnc !== null,
    };
    for (const listener of this.listeners) await listener.childRecorded(tx, facts);
  }
}
