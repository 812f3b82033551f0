import { Injectable } from '@nestjs/common';
import type { NeedStatus, ShiftStatus } from '@kindred/contracts';
import type { Tx } from '../../common/database/transaction-runner';

/** A shift was created, edited or cancelled (inside the transaction that does it). */
export interface ShiftChange {
  kind: 'created' | 'updated' | 'cancelled';
  /** Names of the fields that changed (no values); `created` for a new shift, `status` for a cancelled one. */
  changed: string[];
  shiftId: string;
  needId: string;
  orgId: string;
  before: { startsAt: Date; endsAt: Date; capacity: number; status: ShiftStatus } | null;
  after: { startsAt: Date; endsAt: Date; capacity: number; status: ShiftStatus };
  need: NeedRules;
}

/** A need's status or its rules for volunteers changed (inside the transaction that does it). */
export interface NeedChange {
  needId: string;
  orgId: string;
  previousStatus: NeedStatus;
  rules: NeedRules;
  /** Set when the need was cancelled. */
  reason: string | null;
  /** Future shifts cancelled with the need: their sign-ups should end and each volunteer be told why. */
  cancelledShiftIds: string[];
}

export interface NeedRules {
  status: NeedStatus;
  childContact: boolean;
  minAge: number | null;
  title: string;
  type: string;
}

export const rulesOf = (n: NeedRules): NeedRules => ({
  status: n.status,
  childContact: n.childContact,
  minAge: n.minAge,
  title: n.title,
  type: n.type,
});

/** What a listener can ask for: people to tell in the needs context's own `need.updated` (those signed up to the need). */
export interface ListenerOutcome {
  notifyUserIds?: string[];
}

/**
 * Other contexts' hook into needs and shifts, run inside the changing
 * transaction: a listener may refuse the change by throwing a DomainError
 * (engagement refuses a capacity below its confirmed sign-ups), make its own
 * writes atomically with it (engagement keeps the shift's seats and capacity
 * and sends `shift.updated`; it cancels the sign-ups of a cancelled need and
 * tells each volunteer), and name users to notify of a need's change.
 * Register in `onModuleInit`.
 */
export interface NeedsLifecycleListener {
  shiftChanged?(tx: Tx, change: ShiftChange): Promise<void>;
  needChanged?(tx: Tx, change: NeedChange): Promise<ListenerOutcome | void>;
}

@Injectable()
export class NeedsLifecycle {
  private readonly listeners: NeedsLifecycleListener[] = [];

  register(listener: NeedsLifecycleListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Runs every listener in order. */
  async shiftChanged(tx: Tx, change: ShiftChange): Promise<void> {
    for (const listener of this.listeners) await listener.shiftChanged?.(tx, change);
  }

  async needChanged(tx: Tx, change: NeedChange): Promise<string[]> {
    const users = new Set<string>();
    for (const listener of this.listeners) {
      const outcome = await listener.needChanged?.(tx, change);
      outcome?.notifyUserIds?.forEach((id) => users.add(id));
    }
    return [...users];
  }
}
