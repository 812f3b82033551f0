import type { ConcernCategory } from './concerns';
import type { NeedStatus, OrganizationStatus, PledgeStatus, ShiftStatus, SignupStatus } from './enums';

/**
 * The live event catalogue. Payloads carry ids and fields that everyone in the
 * receiving rooms may see; never a child's identity, a phone number or an e-mail.
 */
export interface EventPayloads {
  'organization.created': { organizationId: string; kind: string; name: string };
  'organization.updated': { organizationId: string; status: OrganizationStatus };
  'membership.changed': { organizationId: string; userId: string; role: string | null };
  'need.published': { needId: string; organizationId: string; title: string; type: string; status: NeedStatus };
  'need.updated': {
    needId: string;
    organizationId: string;
    status: NeedStatus;
    /** Names of the fields that changed (no values). */
    changed?: string[];
    /** Why it was cancelled, as the coordinator wrote it. */
    reason?: string;
  };
  'shift.updated': {
    shiftId: string;
    needId: string;
    capacity: number;
    confirmedCount: number;
    waitlistCount: number;
    startsAt?: string;
    endsAt?: string;
    status?: ShiftStatus;
    /** Names of the fields that changed (no values); `created` for a new shift. */
    changed?: string[];
  };
  'signup.confirmed': { signupId: string; shiftId: string; needId: string; userId: string };
  'signup.waitlisted': { signupId: string; shiftId: string; needId: string; userId: string; position: number };
  'signup.promoted': { signupId: string; shiftId: string; needId: string; userId: string };
  /** A seat came free but this waitlisted volunteer was passed over (they keep their place). */
  'signup.skipped': { signupId: string; shiftId: string; needId: string; userId: string; reason: string };
  'signup.cancelled': {
    signupId: string;
    shiftId: string;
    needId: string;
    userId: string;
    status: SignupStatus;
    reason?: string;
  };
  'attendance.checked_in': { signupId: string; shiftId: string; needId: string; userId: string; at: string };
  'attendance.checked_out': {
    signupId: string;
    shiftId: string;
    needId: string;
    userId: string;
    at: string;
    minutes: number;
  };
  'hours.verified': { hourRecordId: string; userId: string; organizationId: string; minutes: number };
  'pledge.created': { pledgeId: string; needId: string | null; organizationId: string; kind: string };
  'pledge.received': { pledgeId: string; needId: string | null; status: PledgeStatus };
  'pledge.used': { pledgeId: string; needId: string | null; status: PledgeStatus };
  'pledge.cancelled': { pledgeId: string; needId: string | null; status: PledgeStatus };
  /** Pledged, received or used totals of a need changed; clients re-read its coverage. */
  'need.coverage_updated': { needId: string; organizationId: string };
  /** A safeguarding concern was raised; to the NGO's owners and coordinators only. No text, no child identity. */
  'concern.raised': {
    concernId: string;
    organizationId: string;
    category: ConcernCategory;
    immediateDanger: boolean;
    ackDueAt: string;
  };
  /** A concern passed its acknowledgement deadline unacknowledged; to the NGO's owners only, once. */
  'concern.overdue': {
    concernId: string;
    organizationId: string;
    category: ConcernCategory;
    immediateDanger: boolean;
    ackDueAt: string;
  };
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  'organization.created',
  'organization.updated',
  'membership.changed',
  'need.published',
  'need.updated',
  'shift.updated',
  'signup.confirmed',
  'signup.waitlisted',
  'signup.promoted',
  'signup.skipped',
  'signup.cancelled',
  'attendance.checked_in',
  'attendance.checked_out',
  'hours.verified',
  'pledge.created',
  'pledge.received',
  'pledge.used',
  'pledge.cancelled',
  'need.coverage_updated',
  'concern.raised',
  'concern.overdue',
] as const satisfies readonly EventType[];

/** What every socket.io `event` message carries. */
export interface EventEnvelope<T extends EventType = EventType> {
  eventId: number;
  type: T;
  occurredAt: string;
  data: EventPayloads[T];
}

/** socket.io event names used between the API and its clients. */
export const SOCKET_EVENT = 'event';
export const SOCKET_SUBSCRIBE = 'subscribe';
export const SOCKET_UNSUBSCRIBE = 'unsubscribe';
export const SOCKET_REPLAY_DONE = 'replay.done';
export const SOCKET_SESSION_EXPIRING = 'session.expired';

/** What a client sends in the socket.io handshake: `io(url, { auth })`. */
export interface LiveHandshakeAuth {
  /** The same access JWT as for REST. */
  token: string;
  /** The last `eventId` this client processed; the server first replays what came after it. */
  lastEventId?: number;
}

/**
 * `connect_error` messages. `unauthorized` carries `data.code` `token_expired`
 * when refreshing the access token and reconnecting will help.
 */
export const LIVE_CONNECT_ERRORS = ['unauthorized', 'invalid_last_event_id', 'unavailable'] as const;
export type LiveConnectError = (typeof LIVE_CONNECT_ERRORS)[number];

/**
 * Sent once per connection, after the replay (if any) and before live events.
 * `lastEventId`: every event up to here that this socket may see has been sent;
 * store it and send it back on the next connect. `truncated`: events after the
 * client's `lastEventId` were already pruned, so the client must reload its data.
 */
export interface ReplayDone {
  lastEventId: number;
  replayed: number;
  truncated: boolean;
}

/** Sent right before the server disconnects a socket whose access token ran out. */
export interface SessionExpiring {
  reason: 'token_expired';
}

/**
 * Joins `need:{id}` (refused when the caller may not see the need). Need rooms
 * are not replayed: after a reconnect, subscribe again and reload the need.
 */
export interface SubscribeRequest {
  needId: string;
}

/** The acknowledgement of `subscribe` / `unsubscribe`. */
export type SubscribeAck = { ok: true } | { ok: false; code: 'forbidden' | 'not_found' | 'validation_failed' };
