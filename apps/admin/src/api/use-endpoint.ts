import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useCustom, useCustomMutation, useDataProvider, useMany, type BaseRecord, type HttpError } from '@refinedev/core';
import type { LiveResource } from '../providers/live-provider';
import type { KindredMeta } from '../providers/data-provider';
import { ENDPOINTS, endpointPath, type EndpointArgs, type EndpointName, type ResponseOf } from './endpoints';
import { useLiveEvents } from './use-live-events';

export interface EndpointQueryOptions {
  enabled?: boolean;
  /** Channels whose events re-read the answer. */
  live?: readonly LiveResource[];
  /** Re-read every so often as well (e.g. a rotating code). */
  refetchInterval?: number | false;
  staleTime?: number;
}

export interface EndpointQueryResult<T> {
  data: T | undefined;
  isLoading: boolean;
  isFetching: boolean;
  isError: boolean;
  error: HttpError | null;
  refetch(): Promise<unknown>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const methodOf = (name: EndpointName) => ENDPOINTS[name].method.toLowerCase() as Method;

/** Re-reads on events of the `live` channels, through the latest `refetch`. */
function useLiveRefetch(live: readonly LiveResource[] | undefined, refetch: () => unknown, enabled: boolean): void {
  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  }, [refetch]);
  useLiveEvents(live ?? [], () => void refetchRef.current(), enabled);
}

/**
 * `GET` of one operation of the endpoint table through Refine's `useCustom` (its cache, retries, auth
 * error handling, and the outage gate's re-read). `args: null` waits (e.g. for an id).
 */
export function useEndpoint<N extends EndpointName>(
  name: N,
  args: EndpointArgs<N> | null,
  options: EndpointQueryOptions = {},
): EndpointQueryResult<ResponseOf<N>> {
  const enabled = args !== null && (options.enabled ?? true);
  const url = args ? endpointPath(name, args.params) : ENDPOINTS[name].path;
  const meta: KindredMeta = { operation: name };
  const { query } = useCustom<BaseRecord, HttpError>({
    url,
    method: methodOf(name),
    config: { query: args?.query },
    meta: meta as Record<string, unknown>,
    queryOptions: { enabled, refetchInterval: options.refetchInterval ?? false, staleTime: options.staleTime },
    successNotification: false,
    errorNotification: false,
  });
  useLiveRefetch(options.live, query.refetch, enabled);
  return {
    data: query.data?.data as ResponseOf<N> | undefined,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isError: query.isError,
    error: query.error,
    refetch: () => query.refetch(),
  };
}

/**
 * One operation with one path parameter read for each of `ids` (e.g. the rosters of a page of shifts),
 * through Refine's `useMany`: the answers by id.
 */
export function useEndpointMany<N extends EndpointName>(
  name: N,
  ids: readonly string[],
  options: EndpointQueryOptions & { query?: KindredMeta['query'] } = {},
): EndpointQueryResult<ReadonlyMap<string, ResponseOf<N>>> {
  const enabled = ids.length > 0 && (options.enabled ?? true);
  const meta: KindredMeta = { operation: name, query: options.query };
  const { query } = useMany<BaseRecord, HttpError>({
    resource: name,
    ids: [...ids],
    meta: meta as Record<string, unknown>,
    liveMode: 'off',
    queryOptions: { enabled, staleTime: options.staleTime },
    successNotification: false,
    errorNotification: false,
  });
  useLiveRefetch(options.live, query.refetch, enabled);
  const rows = query.data?.data;
  // `ids` is a new array on every render; its content is what matters.
  const key = ids.join(',');
  const data = useMemo(
    () => (rows ? new Map(key.split(',').map((id, index) => [id, rows[index] as ResponseOf<N>])) : undefined),
    [rows, key],
  );
  return {
    data,
    isLoading: enabled && query.isLoading,
    isFetching: query.isFetching,
    isError: query.isError,
    error: query.error,
    refetch: () => query.refetch(),
  };
}

/**
 * Writes: `call(name, args)` runs one operation of the endpoint table through Refine's `useCustomMutation`
 * and resolves to its typed answer (failures reject with the problem, for `useApiAction`).
 */
export function useEndpointMutation() {
  const { mutateAsync } = useCustomMutation<BaseRecord, HttpError>();
  return useCallback(
    async <N extends EndpointName>(name: N, args: EndpointArgs<N>): Promise<ResponseOf<N>> => {
      const meta: KindredMeta = { operation: name, query: args.query, idempotencyKey: args.idempotencyKey };
      const result = await mutateAsync({
        url: endpointPath(name, args.params),
        method: methodOf(name) as Exclude<Method, 'get'>,
        values: args.body as never,
        meta: meta as Record<string, unknown>,
        successNotification: false,
        errorNotification: false,
      });
      return result.data as ResponseOf<N>;
    },
    [mutateAsync],
  );
}

/**
 * A read outside the cache (e.g. a document opened once), through the data provider: the answer as the
 * API sent it, with extra request headers such as `Accept`.
 */
export function useEndpointRead() {
  const dataProvider = useDataProvider();
  return useCallback(
    async <N extends EndpointName>(name: N, args: EndpointArgs<N>, headers?: Record<string, string>): Promise<ResponseOf<N>> => {
      const { custom } = dataProvider();
      if (!custom) throw new Error('The data provider has no custom method');
      const meta: KindredMeta = { operation: name, query: args.query };
      const result = await custom({ url: endpointPath(name, args.params), method: methodOf(name), headers, meta: meta as Record<string, unknown> });
      return result.data as ResponseOf<N>;
    },
    [dataProvider],
  );
}
