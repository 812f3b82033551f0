import type { BaseKey, LiveEvent, LiveProvider } from '@refinedev/core';
import type { EventEnvelope, EventPayloads, EventType } from '@kindred/contracts';
import { apiClient } from './api-client';
import { LiveConnection } from './socket';
import { tokenStore } from './token-store';

export const LIVE_RESOURCES = [
  'organizations',
  'members',
  'needs',
  'shifts',
  'signups',
  'hour-records',
  'pledges',
  'concerns',
] as const;
export type LiveResource = (typeof LIVE_RESOURCES)[number];
export type ResourceChannel = `resources/${LiveResource}`;
export type ResourceEventType = 'created' | 'updated' | 'deleted';

export interface ResourceEventRule<K extends EventType> {
  channel: ResourceChannel;
  type: ResourceEventType;
  /** The id of the record the resource event is about, when the payload carries it. */
  id(data: EventPayloads[K]): string | null | undefined;
}

/** Keyed by every `EventType`: adding a domain event without a mapping fails to compile. */
export type EventResourceMap = { readonly [K in EventType]: readonly ResourceEventRule<K>[] };

export const EVENT_RESOURCE_MAP: EventResourceMap = {
  'organization.created': [{ channel: 'resources/organizations', type: 'created', id: (d) => d.organizationId }],
  'organization.updated': [{ channel: 'resources/organizations', type: 'updated', id: (d) => d.organizationId }],
  'membership.changed': [
    { channel: 'resources/members', type: 'updated', id: (d) => d.userId },
    { channel: 'resources/organizations', type: 'updated', id: (d) => d.organizationId },
  ],
  'need.published': [{ channel: 'resources/needs', type: 'created', id: (d) => d.needId }],
  'need.updated': [{ channel: 'resources/needs', type: 'updated', id: (d) => d.needId }],
  'shift.updated': [
    { channel: 'resources/shifts', type: 'updated', id: (d) => d.shiftId },
    { channel: 'resources/needs', type: 'updated', id: (d) => d.needId },
  ],
  'signup.confirmed': [
    { channel: 'resources/signups', type: 'created', id: (d) => d.signupId },
    { channel: 'resources/shifts', type: 'updated', id: (d) => d.shiftId },
  ],
  'signup.waitlisted': [
    { channel: 'resources/signups', type: 'created', id: (d) => d.signupId },
    { channel: 'resources/shifts', type: 'updated', id: (d) => d.shiftId },
  ],
  'signup.promoted': [
    { channel: 'resources/signups', type: 'updated', id: (d) => d.signupId },
    { channel: 'resources/shifts', type: 'updated', id: (d) => d.shiftId },
  ],
  'signup.skipped': [{ channel: 'resources/signups', type: 'updated', id: (d) => d.signupId }],
  'signup.cancelled': [
    { channel: 'resources/signups', type: 'updated', id: (d) => d.signupId },
    { channel: 'resources/shifts', type: 'updated', id: (d) => d.shiftId },
  ],
  'attendance.checked_in': [{ channel: 'resources/signups', type: 'updated', id: (d) => d.signupId }],
  'attendance.checked_out': [
    { channel: 'resources/signups', type: 'updated', id: (d) => d.signupId },
    // Check-out opens a pending hour record whose id the event does not carry.
    { channel: 'resources/hour-records', type: 'created', id: () => null },
  ],
  'hours.verified': [{ channel: 'resources/hour-records', type: 'updated', id: (d) => d.hourRecordId }],
  'pledge.created': [
    { channel: 'resources/pledges', type: 'created', id: (d) => d.pledgeId },
    { channel: 'resources/needs', type: 'updated', id: (d) => d.needId },
  ],
  'pledge.received': [
    { channel: 'resources/pledges', type: 'updated', id: (d) => d.pledgeId },
    { channel: 'resources/needs', type: 'updated', id: (d) => d.needId },
  ],
  'pledge.used': [{ channel: 'resources/pledges', type: 'updated', id: (d) => d.pledgeId }],
  'pledge.cancelled': [{ channel: 'resources/pledges', type: 'updated', id: (d) => d.pledgeId }],
  'need.coverage_updated': [{ channel: 'resources/needs', type: 'updated', id: (d) => d.needId }],
  'concern.raised': [{ channel: 'resources/concerns', type: 'created', id: (d) => d.concernId }],
  'concern.overdue': [{ channel: 'resources/concerns', type: 'updated', id: (d) => d.concernId }],
};

export interface ResourceEvent {
  channel: ResourceChannel;
  type: ResourceEventType;
  ids: string[];
  eventId: number;
  domainType: EventType;
}

/** Domain event → the Refine resource events it invalidates. Unknown types map to nothing. */
export function mapEventToResourceEvents(envelope: EventEnvelope): ResourceEvent[] {
  if (!Object.hasOwn(EVENT_RESOURCE_MAP, envelope.type)) return [];
  const rules = EVENT_RESOURCE_MAP[envelope.type] as readonly ResourceEventRule<EventType>[];
  return rules.map((rule) => {
    const id = rule.id(envelope.data);
    return {
      channel: rule.channel,
      type: rule.type,
      ids: id ? [id] : [],
      eventId: envelope.eventId,
      domainType: envelope.type,
    };
  });
}

export const LAST_EVENT_ID_KEY = 'kindred.live.lastEventId';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ReplayTracker {
  readonly lastEventId: number | null;
  /** True for an event not seen before; false for a duplicate or an older id (a replay overlap). */
  accept(envelope: Pick<EventEnvelope, 'eventId'>): boolean;
  reset(): void;
}

export function createReplayTracker(storage: KeyValueStorage | null, key = LAST_EVENT_ID_KEY): ReplayTracker {
  const stored = Number(storage?.getItem(key) ?? Number.NaN);
  let lastEventId: number | null = Number.isSafeInteger(stored) ? stored : null;

  return {
    get lastEventId() {
      return lastEventId;
    },
    accept({ eventId }) {
      if (!Number.isSafeInteger(eventId)) return false;
      if (lastEventId !== null && eventId <= lastEventId) return false;
      lastEventId = eventId;
      storage?.setItem(key, String(eventId));
      return true;
    },
    reset() {
      lastEventId = null;
      storage?.removeItem(key);
    },
  };
}

export const COALESCE_WINDOW_MS = 150;

export interface Coalescer {
  push(event: ResourceEvent): void;
  flushAll(): void;
  dispose(): void;
}

interface PendingType {
  ids: Set<string>;
  eventIds: number[];
  domainTypes: Set<EventType>;
}

/**
 * Collects resource events per channel for `windowMs` from the first one, then emits one
 * Refine event per event type with the union of ids, so a burst costs one refetch per list.
 */
export function createCoalescer(
  onFlush: (channel: ResourceChannel, events: LiveEvent[]) => void,
  windowMs = COALESCE_WINDOW_MS,
): Coalescer {
  const pending = new Map<ResourceChannel, { timer: ReturnType<typeof setTimeout>; byType: Map<string, PendingType> }>();

  function flush(channel: ResourceChannel): void {
    const entry = pending.get(channel);
    if (!entry) return;
    pending.delete(channel);
    clearTimeout(entry.timer);
    const date = new Date();
    const events: LiveEvent[] = [...entry.byType].map(([type, group]) => ({
      channel,
      type,
      date,
      payload: { ids: [...group.ids], eventIds: group.eventIds, domainTypes: [...group.domainTypes] },
    }));
    onFlush(channel, events);
  }

  return {
    push(event) {
      let entry = pending.get(event.channel);
      if (!entry) {
        entry = { timer: setTimeout(() => flush(event.channel), windowMs), byType: new Map() };
        pending.set(event.channel, entry);
      }
      let group = entry.byType.get(event.type);
      if (!group) {
        group = { ids: new Set(), eventIds: [], domainTypes: new Set() };
        entry.byType.set(event.type, group);
      }
      for (const id of event.ids) group.ids.add(id);
      group.eventIds.push(event.eventId);
      group.domainTypes.add(event.domainType);
    },
    flushAll() {
      for (const channel of [...pending.keys()]) flush(channel);
    },
    dispose() {
      for (const entry of pending.values()) clearTimeout(entry.timer);
      pending.clear();
    },
  };
}

export interface LiveSubscription {
  channel: string;
  types: ReadonlyArray<LiveEvent['type']>;
  callback: (event: LiveEvent) => void;
  params?: { subscriptionType?: string; id?: BaseKey; ids?: BaseKey[] };
}

export function matchesSubscription(subscription: LiveSubscription, event: LiveEvent): boolean {
  if (subscription.channel !== event.channel) return false;
  if (!subscription.types.includes('*') && !subscription.types.includes(event.type)) return false;

  const kind = subscription.params?.subscriptionType;
  if (kind !== 'useOne' && kind !== 'useMany') return true;
  // A new record is never one a detail view is already showing.
  if (event.type === 'created') return false;
  const wanted = kind === 'useOne' ? [subscription.params?.id] : (subscription.params?.ids ?? []);
  const eventIds: BaseKey[] = event.payload.ids ?? [];
  // Events without ids may concern anything on the channel.
  if (eventIds.length === 0) return true;
  const wantedSet = new Set(wanted.filter((id) => id !== undefined).map(String));
  return eventIds.some((id) => wantedSet.has(String(id)));
}

export interface LiveProviderDeps {
  connection: Pick<LiveConnection, 'onEnvelope' | 'start'>;
  tracker: ReplayTracker;
  windowMs?: number;
}

export type KindredLiveProvider = Required<Pick<LiveProvider, 'subscribe' | 'unsubscribe' | 'publish'>> & {
  /** Feeds one envelope through dedupe → mapping → coalescing; exposed for tests. */
  handleEnvelope(envelope: EventEnvelope): void;
  dispose(): void;
};

export function createLiveProvider({ connection, tracker, windowMs }: LiveProviderDeps): KindredLiveProvider {
  const subscriptions = new Set<LiveSubscription>();
  const coalescer = createCoalescer((channel, events) => {
    for (const subscription of [...subscriptions]) {
      if (subscription.channel !== channel) continue;
      for (const event of events) {
        if (matchesSubscription(subscription, event)) subscription.callback(event);
      }
    }
  }, windowMs);

  function handleEnvelope(envelope: EventEnvelope): void {
    if (!tracker.accept(envelope)) return;
    for (const event of mapEventToResourceEvents(envelope)) coalescer.push(event);
  }

  const detach = connection.onEnvelope(handleEnvelope);

  return {
    subscribe({ channel, types, callback, params }) {
      const subscription: LiveSubscription = { channel, types, callback, params };
      subscriptions.add(subscription);
      connection.start();
      return subscription;
    },
    unsubscribe(subscription: LiveSubscription) {
      subscriptions.delete(subscription);
    },
    // Clients learn of changes only from server events; local mutations publish nothing.
    publish: () => undefined,
    handleEnvelope,
    dispose() {
      detach();
      coalescer.dispose();
      subscriptions.clear();
    },
  };
}

function sessionStorageOrNull(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export const replayTracker = createReplayTracker(sessionStorageOrNull());

export const liveConnection = new LiveConnection({
  getToken: () => tokenStore.getAccessToken(),
  getLastEventId: () => replayTracker.lastEventId,
  refreshToken: () => apiClient.refresh(),
});

export const liveProvider = createLiveProvider({ connection: liveConnection, tracker: replayTracker });

apiClient.onSessionEnded(() => {
  liveConnection.stop();
  replayTracker.reset();
});
