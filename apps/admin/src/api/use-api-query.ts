import { useEffect, useRef } from 'react';
import { useCustom, type BaseRecord, type HttpError, type LiveEvent } from '@refinedev/core';
import { apiClient, type QueryValue } from '../providers/api-client';
import { liveProvider, type LiveResource } from '../providers/live-provider';
import { onServiceRecovered, serviceStatus } from '../providers/service-status';

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

export interface ApiQueryOptions {
  enabled?: boolean;
  /** Channels whose events re-read the answer. */
  live?: readonly LiveResource[];
  /** Re-read every so often as well (e.g. a rotating code). */
  refetchInterval?: number | false;
  staleTime?: number;
}

export interface ApiQueryResult<T> {
  data: T | undefined;
  isLoading: boolean;
  isFetching: boolean;
  isError: boolean;
  error: HttpError | null;
  refetch(): Promise<unknown>;
}

/**
 * One read through Refine's query cache (so it shares retries, auth error handling and devtools) for
 * answers that are not Refine lists: an object (a roster), an aggregate of several calls (the
 * dashboard), or a bare array. Live events on `live` channels re-read it without a reload.
 */
export function useAsyncQuery<T>(
  key: readonly unknown[],
  load: (signal?: AbortSignal) => Promise<T>,
  options: ApiQueryOptions = {},
): ApiQueryResult<T> {
  const enabled = options.enabled ?? true;
  const { query } = useCustom<BaseRecord, HttpError>({
    url: `kindred:${JSON.stringify(key)}`,
    method: 'get',
    queryOptions: {
      queryKey: ['kindred', ...key],
      queryFn: async ({ signal }) => ({ data: (await load(signal)) as unknown as BaseRecord }),
      enabled,
      refetchInterval: options.refetchInterval ?? false,
      staleTime: options.staleTime,
    },
    successNotification: false,
    errorNotification: false,
  });
  const refetchRef = useRef(query.refetch);
  useEffect(() => {
    refetchRef.current = query.refetch;
  }, [query.refetch]);
  useLiveEvents(options.live ?? [], () => void refetchRef.current(), enabled);
  // Not a Refine data key, so the outage gate's invalidation misses it: re-read a failed answer itself.
  const failedRef = useRef(query.isError);
  useEffect(() => {
    failedRef.current = query.isError;
  }, [query.isError]);
  useEffect(
    () =>
      onServiceRecovered(serviceStatus, () => {
        if (enabled && failedRef.current) void refetchRef.current();
      }),
    [enabled],
  );

  return {
    data: query.data?.data as T | undefined,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isError: query.isError,
    error: query.error,
    refetch: () => query.refetch(),
  };
}

/** `GET <path>` through {@link useAsyncQuery}. `path: null` waits (e.g. for an id). */
export function useApiQuery<T>(path: string | null, query?: Record<string, QueryValue>, options: ApiQueryOptions = {}): ApiQueryResult<T> {
  return useAsyncQuery<T>(['get', path, query ?? null], (signal) => apiClient.request<T>(path ?? '', { query, signal }), {
    ...options,
    enabled: path !== null && (options.enabled ?? true),
  });
}
