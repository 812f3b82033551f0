import type { EventEnvelope, EventType } from '@kindred/contracts';

/** An outbox row as the live side reads it (ids as numbers: bigserial stays far below 2^53). */
export interface OutboxRow {
  id: number;
  type: string;
  occurredAt: Date;
  orgIds: string[];
  needId: string | null;
  userIds: string[];
  payload: Record<string, unknown>;
}

/** One event on its way to sockets: what the client sees, and the rooms it goes to. */
export interface LiveEvent {
  envelope: EventEnvelope;
  rooms: string[];
}

export const orgRoom = (organizationId: string): string => `org:${organizationId}`;
export const needRoom = (needId: string): string => `need:${needId}`;
export const userRoom = (userId: string): string => `user:${userId}`;

/** Every room an event goes to; an event without an audience goes nowhere (never to everyone). */
export function roomsOf(row: Pick<OutboxRow, 'orgIds' | 'needId' | 'userIds'>): string[] {
  return [...row.orgIds.map(orgRoom), ...(row.needId ? [needRoom(row.needId)] : []), ...row.userIds.map(userRoom)];
}

export function toEnvelope(row: OutboxRow): EventEnvelope {
  return {
    eventId: row.id,
    type: row.type as EventType,
    occurredAt: row.occurredAt.toISOString(),
    data: row.payload as EventEnvelope['data'],
  };
}

export function toLiveEvent(row: OutboxRow): LiveEvent {
  return { envelope: toEnvelope(row), rooms: roomsOf(row) };
}
