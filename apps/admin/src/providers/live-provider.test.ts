import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '@refinedev/core';
import { EVENT_TYPES, type EventEnvelope, type EventPayloads, type EventType } from '@kindred/contracts';
import {
  EVENT_RESOURCE_MAP,
  LIVE_RESOURCES,
  createCoalescer,
  createLiveProvider,
  createReplayTracker,
  mapEventToResourceEvents,
  matchesSubscription,
  type ResourceChannel,
} from './live-provider';

function envelope<T extends EventType>(eventId: number, type: T, data: EventPayloads[T]): EventEnvelope {
  return { eventId, type, occurredAt: '2025-06-01T08:00:00+08:00', data } as EventEnvelope;
}

const signup = (eventId: number, signupId: string, shiftId = 'shift-1') =>
  envelope(eventId, 'signup.confirmed', { signupId, shiftId, needId: 'need-1', userId: `user-${signupId}` });

class FakeConnection {
  listener: ((e: EventEnvelope) => void) | null = null;
  start = vi.fn();
  onEnvelope(listener: (e: EventEnvelope) => void) {
    this.listener = listener;
    return () => {
      this.listener = null;
    };
  }
  emit(e: EventEnvelope) {
    this.listener?.(e);
  }
}

describe('event → resource mapping', () => {
  it('should map signup.confirmed to a created sign-up and an updated shift', () => {
    expect(mapEventToResourceEvents(signup(7, 'su-1', 'sh-9'))).toEqual([
      { channel: 'resources/signups', type: 'created', ids: ['su-1'], eventId: 7, domainType: 'signup.confirmed' },
      { channel: 'resources/shifts', type: 'updated', ids: ['sh-9'], eventId: 7, domainType: 'signup.confirmed' },
    ]);
  });

  it('should map need.published to a created need and pledge events to updated pledges', () => {
    expect(
      mapEventToResourceEvents(
        envelope(1, 'need.published', {
          needId: 'n1',
          organizationId: 'o1',
          title: '暑期支教',
          type: 'tutoring',
          status: 'open',
        }),
      ),
    ).toEqual([{ channel: 'resources/needs', type: 'created', ids: ['n1'], eventId: 1, domainType: 'need.published' }]);

    const received = mapEventToResourceEvents(
      envelope(2, 'pledge.received', { pledgeId: 'p1', needId: null, status: 'received' }),
    );
    expect(received).toContainEqual(
      expect.objectContaining({ channel: 'resources/pledges', type: 'updated', ids: ['p1'] }),
    );
    // A pledge with no need yields an event without ids rather than an `ids: [null]`.
    expect(received.find((e) => e.channel === 'resources/needs')?.ids).toEqual([]);
  });

  it('should map every known event type to at least one resource channel', () => {
    const channels = new Set(LIVE_RESOURCES.map((r) => `resources/${r}`));
    for (const type of EVENT_TYPES) {
      const rules = EVENT_RESOURCE_MAP[type];
      expect(rules.length, type).toBeGreaterThan(0);
      for (const rule of rules) expect(channels.has(rule.channel), `${type} → ${rule.channel}`).toBe(true);
    }
    expect(Object.keys(EVENT_RESOURCE_MAP).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('should ignore an event type the client does not know', () => {
    const unknown = { eventId: 3, type: 'future.thing', occurredAt: '', data: {} } as unknown as EventEnvelope;
    expect(mapEventToResourceEvents(unknown)).toEqual([]);
  });
});

describe('replay tracker', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
  });

  it('should accept new ids in order and ignore duplicates and older ids', () => {
    const tracker = createReplayTracker(window.sessionStorage);
    const seen = [5, 6, 6, 4, 7, 7, 8].filter((eventId) => tracker.accept({ eventId }));

    expect(seen).toEqual([5, 6, 7, 8]);
    expect(tracker.lastEventId).toBe(8);
  });

  it('should persist the highest id in sessionStorage and resume from it', () => {
    const first = createReplayTracker(window.sessionStorage);
    first.accept({ eventId: 41 });
    first.accept({ eventId: 42 });

    const afterReload = createReplayTracker(window.sessionStorage);
    expect(afterReload.lastEventId).toBe(42);
    expect(afterReload.accept({ eventId: 42 })).toBe(false);
    expect(afterReload.accept({ eventId: 43 })).toBe(true);

    afterReload.reset();
    expect(createReplayTracker(window.sessionStorage).lastEventId).toBeNull();
  });

  it('should reject ids that are not integers', () => {
    const tracker = createReplayTracker(null);
    expect(tracker.accept({ eventId: Number.NaN })).toBe(false);
    expect(tracker.accept({ eventId: 1.5 })).toBe(false);
    expect(tracker.lastEventId).toBeNull();
  });
});

describe('coalescing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should emit one event per channel and type with merged ids after the window', () => {
    const flushed: Array<[ResourceChannel, LiveEvent[]]> = [];
    const coalescer = createCoalescer((channel, events) => flushed.push([channel, events]), 150);

    for (const e of [signup(1, 'a'), signup(2, 'b'), signup(3, 'a', 'shift-2')]) {
      for (const re of mapEventToResourceEvents(e)) coalescer.push(re);
    }
    vi.advanceTimersByTime(149);
    expect(flushed).toHaveLength(0);
    vi.advanceTimersByTime(1);

    expect(flushed.map(([channel]) => channel)).toEqual(['resources/signups', 'resources/shifts']);
    const [, signupEvents] = flushed[0]!;
    expect(signupEvents).toHaveLength(1);
    expect(signupEvents[0]).toMatchObject({
      channel: 'resources/signups',
      type: 'created',
      payload: { ids: ['a', 'b'], eventIds: [1, 2, 3] },
    });
    expect(flushed[1]![1][0]!.payload.ids).toEqual(['shift-1', 'shift-2']);
  });

  it('should start a new window for events after a flush', () => {
    const flushed: LiveEvent[][] = [];
    const coalescer = createCoalescer((_channel, events) => flushed.push(events), 150);
    const [first] = mapEventToResourceEvents(signup(1, 'a'));
    const [second] = mapEventToResourceEvents(signup(2, 'b'));

    coalescer.push(first!);
    vi.advanceTimersByTime(150);
    coalescer.push(second!);
    vi.advanceTimersByTime(150);

    expect(flushed.map((events) => events[0]!.payload.ids)).toEqual([['a'], ['b']]);
  });
});

describe('live provider', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const connection = new FakeConnection();
    const tracker = createReplayTracker(null);
    const provider = createLiveProvider({ connection, tracker, windowMs: 150 });
    return { connection, tracker, provider };
  }

  it('should deliver one coalesced event to list subscribers for a burst and drop replayed duplicates', () => {
    const { connection, tracker, provider } = setup();
    const shifts = vi.fn();
    const needs = vi.fn();
    provider.subscribe({ channel: 'resources/shifts', types: ['*'], callback: shifts });
    provider.subscribe({ channel: 'resources/needs', types: ['*'], callback: needs });
    expect(connection.start).toHaveBeenCalled();

    // A replay after reconnect overlaps with events already seen.
    for (const id of [10, 11, 12, 11, 12, 13]) connection.emit(signup(id, `su-${id}`));
    vi.advanceTimersByTime(150);

    expect(shifts).toHaveBeenCalledTimes(1);
    expect(shifts.mock.calls[0]![0]).toMatchObject({ type: 'updated', payload: { eventIds: [10, 11, 12, 13] } });
    expect(needs).not.toHaveBeenCalled();
    expect(tracker.lastEventId).toBe(13);
  });

  it('should respect subscribed types and record ids for detail views', () => {
    const { connection, provider } = setup();
    const createdOnly = vi.fn();
    const detailOfS1 = vi.fn();
    const detailOfS2 = vi.fn();
    provider.subscribe({ channel: 'resources/signups', types: ['created'], callback: createdOnly });
    provider.subscribe({
      channel: 'resources/signups',
      types: ['*'],
      callback: detailOfS1,
      params: { subscriptionType: 'useOne', id: 's1' },
    });
    const sub2 = provider.subscribe({
      channel: 'resources/signups',
      types: ['*'],
      callback: detailOfS2,
      params: { subscriptionType: 'useOne', id: 's2' },
    });
    provider.unsubscribe(sub2);

    connection.emit(
      envelope(1, 'signup.cancelled', {
        signupId: 's1',
        shiftId: 'sh',
        needId: 'n',
        userId: 'u',
        status: 'cancelled',
      }),
    );
    vi.advanceTimersByTime(150);

    expect(createdOnly).not.toHaveBeenCalled();
    expect(detailOfS1).toHaveBeenCalledTimes(1);
    expect(detailOfS2).not.toHaveBeenCalled();
  });

  it('should never publish', () => {
    const { provider } = setup();
    const callback = vi.fn();
    provider.subscribe({ channel: 'resources/needs', types: ['*'], callback });

    provider.publish({ channel: 'resources/needs', type: 'created', payload: { ids: ['n1'] }, date: new Date() });
    vi.advanceTimersByTime(1000);

    expect(callback).not.toHaveBeenCalled();
  });

  it('should match useMany subscriptions on any shared id', () => {
    const event: LiveEvent = { channel: 'resources/needs', type: 'updated', payload: { ids: ['n2'] }, date: new Date() };
    const base = { channel: 'resources/needs', types: ['*'], callback: () => undefined };
    expect(matchesSubscription({ ...base, params: { subscriptionType: 'useMany', ids: ['n1', 'n2'] } }, event)).toBe(true);
    expect(matchesSubscription({ ...base, params: { subscriptionType: 'useMany', ids: ['n3'] } }, event)).toBe(false);
    expect(matchesSubscription({ ...base, channel: 'resources/shifts' }, event)).toBe(false);
    // A new record without ids must not refetch every open detail view.
    const created: LiveEvent = { ...event, type: 'created', payload: { ids: [] } };
    expect(matchesSubscription({ ...base, params: { subscriptionType: 'useOne', id: 'n1' } }, created)).toBe(false);
    expect(matchesSubscription(base, created)).toBe(true);
  });
});
