import { Injectable } from '@nestjs/common';
import type { EventPayloads, EventType } from '@kindred/contracts';
import type { Tx } from '../../common/database/transaction-runner';
import { AuditService, type AuditRecord } from '../audit';
import { OutboxService, type EventAudience } from './outbox.service';

/** One live event of a change: its type, its payload (typed by the type) and who it is for. */
export type ChangeEvent = { [T in EventType]: { type: T; data: EventPayloads[T]; audience: EventAudience } }[EventType];

/**
 * One change as a context declares it: the audit row it leaves and the live
 * events it announces. Ids, statuses and counts only — never names, phone
 * numbers or children's data (the audit diff and the event payloads alike).
 */
export interface Change {
  audit: AuditRecord;
  events?: readonly ChangeEvent[];
}

/** Builds one typed event of a change (the payload is checked against the type). */
export function changeEvent<T extends EventType>(type: T, data: EventPayloads[T], audience: EventAudience): ChangeEvent {
  return { type, data, audience } as ChangeEvent;
}

/**
 * The one write seam of a change: the audit row and its outbox events go into
 * the caller's transaction together, so a rolled-back change leaves neither and
 * a committed one exactly what it declared. One statement at a time: a
 * transaction's connection never runs two queries at once.
 */
@Injectable()
export class ChangeRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(tx: Tx, change: Change): Promise<void> {
    await this.audit.record(tx, change.audit);
    for (const event of change.events ?? []) {
      await this.outbox.emit(tx, event.type, event.data as EventPayloads[typeof event.type], event.audience);
    }
  }
}
