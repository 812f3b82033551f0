import type { BaseRecord, CrudFilter, CrudSort, DataProvider, GetListResponse, MetaQuery } from '@refinedev/core';
import type { Page } from '@kindred/contracts';
import { mapLimit } from '../lib/map-limit';
import { ENDPOINTS, endpointPath, type EndpointName } from '../api/endpoints';
import { apiClient, type ApiClient, type HttpMethod, type QueryValue } from './api-client';

const DEFAULT_PAGE_SIZE = 10;
// Upper bound when Refine asks for a whole list (pagination mode "off"/"client").
const FETCH_ALL_PAGE_SIZE = 100;
const FETCH_ALL_MAX_PAGES = 50;
// Requests in flight at once when one operation is read for many ids.
const MANY_IN_FLIGHT = 6;

/**
 * `meta` keys understood by the provider:
 * - `path`: API path to use instead of the resource name, e.g. `shifts/<id>/signups`
 * - `query`: extra query parameters
 * - `idempotencyKey`: sent as `Idempotency-Key` on creating calls
 * - `operation`: a name of `api/endpoints.ts`; `getMany` then fills the operation's one path parameter
 *   with each id (e.g. the rosters of several shifts), and `custom` names it (the URL is already resolved)
 */
export interface KindredMeta {
  path?: string;
  query?: Record<string, QueryValue>;
  idempotencyKey?: string;
  operation?: EndpointName;
}

/** The one path parameter of an operation read for many ids. */
function onlyParam(name: EndpointName): string {
  const names = [...ENDPOINTS[name].path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  if (names.length !== 1) throw new Error(`${name}: getMany needs an operation with one path parameter`);
  return names[0] as string;
}

function metaOf(meta: MetaQuery | undefined): KindredMeta {
  return (meta ?? {}) as KindredMeta;
}

export function filtersToQuery(filters: readonly CrudFilter[] | undefined): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const filter of filters ?? []) {
    if (filter.operator === 'or' || filter.operator === 'and' || !('field' in filter)) {
      throw new Error(`Unsupported filter operator: ${filter.operator}`);
    }
    switch (filter.operator) {
      case 'eq':
      case 'contains':
      case 'in':
        query[filter.field] = filter.value as QueryValue;
        break;
      default:
        throw new Error(`Unsupported filter operator: ${filter.operator} on ${filter.field}`);
    }
  }
  return query;
}

// `sort=-createdAt,title`: a leading minus means descending.
export function sortersToQuery(sorters: readonly CrudSort[] | undefined): string | undefined {
  if (!sorters || sorters.length === 0) return undefined;
  return sorters.map((s) => (s.order === 'desc' ? `-${s.field}` : s.field)).join(',');
}

/**
 * Remembers, per list (resource + filters + sort + page size), the keyset cursor that opens each page,
 * so numbered pagination in an antd Table can sit on top of cursor pagination.
 */
export class CursorBook {
  private readonly lists = new Map<string, Map<number, string | null>>();

  static key(parts: unknown): string {
    return JSON.stringify(parts);
  }

  /** The cursor of `page`, or the closest known earlier page to walk forward from. */
  nearest(listKey: string, page: number): { page: number; cursor: string | null } {
    const pages = this.lists.get(listKey);
    for (let p = page; p > 1; p -= 1) {
      const cursor = pages?.get(p);
      if (cursor) return { page: p, cursor };
    }
    return { page: 1, cursor: null };
  }

  remember(listKey: string, page: number, cursor: string | null): void {
    let pages = this.lists.get(listKey);
    if (!pages) {
      pages = new Map();
      this.lists.set(listKey, pages);
    }
    if (cursor) pages.set(page, cursor);
    else pages.delete(page);
  }
}

function resourcePath(resource: string, meta: KindredMeta): string {
  return meta.path ?? resource;
}

export function createDataProvider(client: ApiClient = apiClient): DataProvider {
  const cursors = new CursorBook();

  async function fetchPage<T>(path: string, query: Record<string, QueryValue>, signal?: AbortSignal): Promise<Page<T>> {
    const body = await client.request<Page<T> | T[]>(path, { query, signal });
    // Short lists (an organisation's members) come back as a bare array: one page, nothing after it.
    return Array.isArray(body) ? { data: body, nextCursor: null } : body;
  }

  return {
    getApiUrl: () => client.baseUrl,

    getList: async <TData extends BaseRecord = BaseRecord>({
      resource,
      pagination,
      filters,
      sorters,
      meta,
    }: Parameters<DataProvider['getList']>[0]): Promise<GetListResponse<TData>> => {
      const m = metaOf(meta);
      const path = resourcePath(resource, m);
      const signal = meta?.queryContext?.signal;
      const base: Record<string, QueryValue> = { ...m.query, ...filtersToQuery(filters), sort: sortersToQuery(sorters) };
      const mode = pagination?.mode ?? 'server';

      if (mode !== 'server') {
        const data: TData[] = [];
        let cursor: string | null = null;
        for (let i = 0; i < FETCH_ALL_MAX_PAGES; i += 1) {
          const page: Page<TData> = await fetchPage<TData>(path, { ...base, limit: FETCH_ALL_PAGE_SIZE, cursor }, signal);
          data.push(...page.data);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        return { data, total: data.length };
      }

      const pageSize = pagination?.pageSize ?? DEFAULT_PAGE_SIZE;
      const requested: unknown = pagination?.currentPage ?? 1;

      // useInfiniteList hands back the `cursor.next` of the previous page as the page parameter.
      if (typeof requested === 'string') {
        const page = await fetchPage<TData>(path, { ...base, limit: pageSize, cursor: requested }, signal);
        return { data: page.data, total: page.total ?? page.data.length, cursor: { next: page.nextCursor ?? undefined } };
      }

      const currentPage = Math.max(1, Number(requested) || 1);
      const listKey = CursorBook.key({ path, base, pageSize });
      let { page: at, cursor } = cursors.nearest(listKey, currentPage);
      let page = await fetchPage<TData>(path, { ...base, limit: pageSize, cursor }, signal);
      while (at < currentPage && page.nextCursor) {
        at += 1;
        cursors.remember(listKey, at, page.nextCursor);
        cursor = page.nextCursor;
        page = await fetchPage<TData>(path, { ...base, limit: pageSize, cursor }, signal);
      }
      cursors.remember(listKey, at + 1, page.nextCursor);

      // Without a server total, announce one more row when a next page exists so the pager offers it.
      const total = page.total ?? (at - 1) * pageSize + page.data.length + (page.nextCursor ? 1 : 0);
      return { data: page.data, total, cursor: { next: page.nextCursor ?? undefined } };
    },

    getOne: async ({ resource, id, meta }) => {
      const m = metaOf(meta);
      const data = await client.request(`${resourcePath(resource, m)}/${encodeURIComponent(String(id))}`, {
        query: m.query,
        signal: meta?.queryContext?.signal,
      });
      return { data: data as never };
    },

    getMany: async ({ resource, ids, meta }) => {
      const m = metaOf(meta);
      const signal = meta?.queryContext?.signal;
      const operation = m.operation;
      if (operation) {
        const param = onlyParam(operation);
        const data = await mapLimit(ids, MANY_IN_FLIGHT, (id) =>
          client.request(endpointPath(operation, { [param]: String(id) } as never), { query: m.query, signal }),
        );
        return { data: data as never[] };
      }
      const path = resourcePath(resource, m);
      const data = await Promise.all(
        ids.map((id) => client.request(`${path}/${encodeURIComponent(String(id))}`, { query: m.query })),
      );
      return { data: data as never[] };
    },

    create: async ({ resource, variables, meta }) => {
      const m = metaOf(meta);
      const data = await client.request(resourcePath(resource, m), {
        method: 'POST',
        body: variables,
        query: m.query,
        headers: m.idempotencyKey ? { 'Idempotency-Key': m.idempotencyKey } : undefined,
      });
      return { data: data as never };
    },

    update: async ({ resource, id, variables, meta }) => {
      const m = metaOf(meta);
      const data = await client.request(`${resourcePath(resource, m)}/${encodeURIComponent(String(id))}`, {
        method: 'PATCH',
        body: variables,
        query: m.query,
      });
      return { data: data as never };
    },

    deleteOne: async ({ resource, id, variables, meta }) => {
      const m = metaOf(meta);
      const data = await client.request(`${resourcePath(resource, m)}/${encodeURIComponent(String(id))}`, {
        method: 'DELETE',
        body: variables,
        query: m.query,
      });
      // 204 answers carry no body; Refine still wants a record.
      return { data: (data ?? { id }) as never };
    },

    custom: async ({ url, method, filters, sorters, payload, query, headers, meta }) => {
      const m = metaOf(meta);
      const data = await client.request(url, {
        method: method.toUpperCase() as HttpMethod,
        query: {
          ...m.query,
          ...(query as Record<string, QueryValue> | undefined),
          ...filtersToQuery(filters),
          sort: sortersToQuery(sorters),
        },
        body: payload,
        headers: {
          ...(headers as Record<string, string> | undefined),
          ...(m.idempotencyKey ? { 'Idempotency-Key': m.idempotencyKey } : {}),
        },
        signal: meta?.queryContext?.signal,
      });
      return { data: data as never };
    },
  };
}

export const dataProvider = createDataProvider();
