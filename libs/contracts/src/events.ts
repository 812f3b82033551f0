import type { NeedStatus, OrganizationStatus, PledgeStatus, SignupStatus } from './enums';

/**
 * The live event catalogue. Payloads carry ids and fields that everyone in the
 * receiving rooms may see; never a child's identity, a phone number or an e-mail.
 */
export interface EventPayloads {
  'organization.created': { organizationId: string; kind: string; name: string };
  'organization.updated': { organizationId: string; status: OrganizationStatus };
  'membership.changed': { organizationId: string; userId: string; role: string | null };
  'need.published': { needId: string; organizationId: string; title: string; type: string; status: NeedStatus };
  'need.updated': { needId: string; organizationId: string; status: NeedStatus };
  'shift.updated': {
    shiftId: string;
    needId: string;
    capacity: number;
    confirmedCount: number;
    waitlistCount: number;
  };
  'signup.confirmed': { signupId: string; shiftId: string; needId: string; userId: string };
  'signup.waitlisted': { signupId: string; shiftId: string; needId: string; userId: string; position: number };
  'signup.promoted': { signupId: string; shiftId: string; needId: string; userId: string };
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
  'signup.cancelled',
  'attendance.checked_in',
  'attendance.checked_out',
  'hours.verified',
  'pledge.created',
  'pledge.received',
  'pledge.used',
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
