import { useEffect, useRef } from 'react';
import type { LiveEvent } from '@refinedev/core';
import { liveProvider, type LiveResource } from '../providers/live-provider';

/**
 * Calls `onEvent` for every live resource event on the given channels (already coalesced by the
 * live provider), e.g. to re-read an answer that is not a Refine list. Listening only: nothing is published.
 */
export function useLiveEvents(resources: readonly LiveResource[], onEvent: (event: LiveEvent) => void, enabled = true): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  const key = resources.join(',');

  useEffect(() => {
    if (!enabled || key === '') return undefined;
    const subscriptions = key.split(',').map((resource) =>
      liveProvider.subscribe({
        channel: `resources/${resource}`,
        types: ['*'],
        callback: (event: LiveEvent) => handler.current(event),
      }),
    );
    return () => {
      for (const subscription of subscriptions) liveProvider.unsubscribe(subscription);
    };
  }, [key, enabled]);
}
