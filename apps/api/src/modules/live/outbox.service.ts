import { Injectable } from '@nestjs/common';
import type { EventPayloads, EventType } from '@kindred/contracts';
import { afterCommit, type Tx } from '../../common/database/transaction-runner';
import { OutboxRepository } from './outbox.repository';
import { assertRoomSafe } from './room-safe';

/** Who an event is for: organisations, one need, and the people it is about. */
export interface EventAudience {
  orgIds?: string[];
  needId?: string | null;
  userIds?: string[];
}

type CommitListener = () => void;

/**
 * Writes events in the caller's transaction. Nothing reaches a socket until
 * the transaction commits; a rollback leaves no event.
 */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<CommitListener>();

  constructor(private readonly repository: OutboxRepository) {}

  async emit<T extends EventType>(tx: Tx, type: T, data: EventPayloads[T], audience: EventAudience): Promise<void> {
    assertRoomSafe(data);
    await this.repository.append(tx, {
      type,
      payload: data as Record<string, unknown>,
      orgIds: [...new Set(audience.orgIds ?? [])],
      needId: audience.needId ?? null,
      userIds: [...new Set(audience.userIds ?? [])],
    });
    // Wake the publisher as soon as this commit lands instead of waiting for its next poll.
    afterCommit(tx, () => this.listeners.forEach((listener) => listener()));
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
