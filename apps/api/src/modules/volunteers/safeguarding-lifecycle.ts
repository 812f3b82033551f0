import { Injectable } from '@nestjs/common';
import type { Tx } from '../../common/database/transaction-runner';

/** A volunteer was just blocked from child contact (a `flagged` check recorded), inside the recording transaction. */
export interface SafeguardingBlock {
  volunteerUserId: string;
  checkId: string;
  /** The NGO whose owner or coordinator recorded the check; null for a platform administrator. */
  recordedByOrgId: string | null;
}

/**
 * Other contexts' hook into safeguarding outcomes, run inside the recording
 * transaction (the same pattern as the needs lifecycle): engagement cancels
 * the volunteer's future child-contact sign-ups and fills the freed seats from
 * the waitlist. A listener's failure rolls the check back with everything
 * else. Register in `onModuleInit`.
 */
export interface SafeguardingLifecycleListener {
  blocked?(tx: Tx, block: SafeguardingBlock): Promise<void>;
  /** The organisations where the volunteer has served or applied (any sign-up there); engagement answers. */
  organizationsOf?(userId: string): Promise<string[]>;
}

@Injectable()
export class SafeguardingLifecycle {
  private readonly listeners: SafeguardingLifecycleListener[] = [];

  register(listener: SafeguardingLifecycleListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Every organisation some listener relates the volunteer to. */
  async organizationsOf(userId: string): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const listener of this.listeners) for (const id of (await listener.organizationsOf?.(userId)) ?? []) ids.add(id);
    return ids;
  }

  async blocked(tx: Tx, block: SafeguardingBlock): Promise<void> {
    for (const listener of this.listeners) await listener.blocked?.(tx, block);
  }
}
