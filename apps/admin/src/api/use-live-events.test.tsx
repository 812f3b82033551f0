import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, renderHook } from '@testing-library/react';
import type { EventEnvelope } from '@kindred/contracts';
import { liveConnection, liveProvider, replayTracker } from '../providers/live-provider';
import { useLiveEvents } from './use-live-events';

let eventId = 1000;
const signupConfirmed = (shiftId: string): EventEnvelope => ({
  eventId: (eventId += 1),
  type: 'signup.confirmed',
  occurredAt: new Date().toISOString(),
  data: { signupId: `s-${eventId}`, shiftId, needId: 'n1', userId: 'u1' },
});

beforeEach(() => {
  vi.useFakeTimers();
  replayTracker.reset();
  // The socket is not opened in tests; envelopes are fed to the provider directly.
  vi.spyOn(liveConnection, 'start').mockImplementation(() => undefined);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useLiveEvents', () => {
  it('should call back once per burst on the channels it listens to, as a roster does on a sign-up', () => {
    const onEvent = vi.fn();
    renderHook(() => useLiveEvents(['signups', 'shifts'], onEvent));

    liveProvider.handleEnvelope(signupConfirmed('shift-1'));
    liveProvider.handleEnvelope(signupConfirmed('shift-1'));
    expect(onEvent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);

    // One coalesced event per channel: resources/signups (created) and resources/shifts (updated).
    expect(onEvent.mock.calls.map(([event]) => `${event.channel}:${event.type}`).sort()).toEqual([
      'resources/shifts:updated',
      'resources/signups:created',
    ]);
    expect(onEvent.mock.calls.find(([event]) => event.channel === 'resources/shifts')?.[0].payload.ids).toEqual(['shift-1']);
  });

  it('should ignore other channels and stop listening when unmounted or disabled', () => {
    const onEvent = vi.fn();
    const { unmount, rerender } = renderHook(({ enabled }) => useLiveEvents(['pledges'], onEvent, enabled), {
      initialProps: { enabled: true },
    });

    liveProvider.handleEnvelope(signupConfirmed('shift-2'));
    vi.advanceTimersByTime(200);
    expect(onEvent).not.toHaveBeenCalled();

    rerender({ enabled: false });
    liveProvider.handleEnvelope({
      eventId: (eventId += 1),
      type: 'pledge.used',
      occurredAt: '',
      data: { pledgeId: 'p1', needId: null, status: 'used' },
    });
    vi.advanceTimersByTime(200);
    expect(onEvent).not.toHaveBeenCalled();

    rerender({ enabled: true });
    unmount();
    liveProvider.handleEnvelope({
      eventId: (eventId += 1),
      type: 'pledge.used',
      occurredAt: '',
      data: { pledgeId: 'p1', needId: null, status: 'used' },
    });
    vi.advanceTimersByTime(200);
    expect(onEvent).not.toHaveBeenCalled();
  });
});
