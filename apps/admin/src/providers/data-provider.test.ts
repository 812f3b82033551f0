import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from './api-client';
import { endpointPath } from '../api/endpoints';
import { createDataProvider, filtersToQuery, sortersToQuery } from './data-provider';
import { json, memoryTokens, problem, stubFetch } from './test-support';

afterEach(() => {
  vi.unstubAllGlobals();
});

function provider() {
  return createDataProvider(new ApiClient({ tokens: memoryTokens({ accessToken: 'tok', refreshToken: 'ref' }) }));
}

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url, 'http://x').searchParams);
}

describe('data provider', () => {
  it('should expose problem field errors on a failed create so forms can show them', async () => {
    stubFetch(() =>
      problem(422, 'validation_failed', '提交的数据有误', [
        { field: 'regionCode', message: '地区编码无效' },
        { field: 'items[1].unit', message: '请填写单位' },
      ]),
    );

    const error = await provider()
      .create({ resource: 'needs', variables: { title: '' } })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      statusCode: 422,
      message: '提交的数据有误',
      errors: { regionCode: ['地区编码无效'], 'items.1.unit': ['请填写单位'] },
    });
  });

  it('should send the bearer token, the body and the idempotency key on create', async () => {
    const { calls } = stubFetch(() => json(201, { id: 'p1', status: 'pledged' }));

    const result = await provider().create({
      resource: 'pledges',
      variables: { needId: 'n1', kind: 'money', amountFen: 5000 },
      meta: { idempotencyKey: 'key-1' },
    });

    expect(result.data).toEqual({ id: 'p1', status: 'pledged' });
    expect(calls[0]).toMatchObject({
      url: '/api/v1/pledges',
      method: 'POST',
      body: { needId: 'n1', kind: 'money', amountFen: 5000 },
      headers: { Authorization: 'Bearer tok', 'Idempotency-Key': 'key-1' },
    });
  });

  it('should use PATCH for update and survive a 204 on delete', async () => {
    const { calls } = stubFetch((call) => (call.method === 'DELETE' ? json(204, null) : json(200, { id: 'n1' })));
    const dp = provider();

    await dp.update({ resource: 'needs', id: 'n1', variables: { title: 'x' } });
    const deleted = await dp.deleteOne({ resource: 'signups', id: 's1' });

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['PATCH /api/v1/needs/n1', 'DELETE /api/v1/signups/s1']);
    expect(deleted.data).toEqual({ id: 's1' });
  });

  it('should follow keyset cursors so numbered pages work over cursor pagination', async () => {
    const pages: Record<string, { data: Array<{ id: string }>; nextCursor: string | null }> = {
      '': { data: [{ id: '1' }, { id: '2' }], nextCursor: 'c2' },
      c2: { data: [{ id: '3' }, { id: '4' }], nextCursor: 'c3' },
      c3: { data: [{ id: '5' }], nextCursor: null },
    };
    const { calls } = stubFetch((call) => json(200, pages[query(call.url).cursor ?? '']));
    const dp = provider();
    const base = {
      resource: 'needs',
      filters: [{ field: 'status', operator: 'eq' as const, value: 'open' }],
      sorters: [{ field: 'startsAt', order: 'desc' as const }],
    };

    const first = await dp.getList({ ...base, pagination: { currentPage: 1, pageSize: 2 } });
    expect(first.data.map((r) => r.id)).toEqual(['1', '2']);
    // One more row than shown, so the pager offers page 2.
    expect(first.total).toBe(3);
    expect(query(calls[0]!.url)).toEqual({ limit: '2', status: 'open', sort: '-startsAt' });

    const second = await dp.getList({ ...base, pagination: { currentPage: 2, pageSize: 2 } });
    expect(second.data.map((r) => r.id)).toEqual(['3', '4']);
    expect(query(calls[1]!.url).cursor).toBe('c2');

    const third = await dp.getList({ ...base, pagination: { currentPage: 3, pageSize: 2 } });
    expect(third.data.map((r) => r.id)).toEqual(['5']);
    expect(third.total).toBe(5);
    expect(calls).toHaveLength(3);
  });

  it('should walk forward from the nearest known cursor when a page is opened directly', async () => {
    const { calls } = stubFetch((call) => {
      const cursor = query(call.url).cursor;
      const n = cursor ? Number(cursor) : 1;
      return json(200, { data: [{ id: `row-${n}` }], nextCursor: String(n + 1), total: 99 });
    });

    const result = await provider().getList({ resource: 'needs', pagination: { currentPage: 3, pageSize: 1 } });

    expect(result.data).toEqual([{ id: 'row-3' }]);
    expect(result.total).toBe(99);
    expect(calls.map((c) => query(c.url).cursor)).toEqual([undefined, '2', '3']);
  });

  it('should fetch every page when pagination is off', async () => {
    stubFetch((call) =>
      query(call.url).cursor === 'next'
        ? json(200, { data: [{ id: 'b' }], nextCursor: null })
        : json(200, { data: [{ id: 'a' }], nextCursor: 'next' }),
    );

    const result = await provider().getList({ resource: 'needs', pagination: { mode: 'off' } });

    expect(result).toEqual({ data: [{ id: 'a' }, { id: 'b' }], total: 2 });
  });

  it('should read a bare array answer as one complete page under meta.path', async () => {
    const members = [
      { userId: 'u1', displayName: '罗建国', role: 'owner', joinedAt: '2025-06-01T08:00:00+08:00' },
      { userId: 'u2', displayName: '王芳', role: 'coordinator', joinedAt: '2025-06-02T08:00:00+08:00' },
    ];
    const { calls } = stubFetch(() => json(200, members));

    const result = await provider().getList({
      resource: 'members',
      pagination: { mode: 'off' },
      meta: { path: 'organizations/o1/members' },
    });

    expect(result).toEqual({ data: members, total: 2 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.startsWith('/api/v1/organizations/o1/members')).toBe(true);
  });

  it('should reject filter operators the API does not understand', () => {
    expect(() => filtersToQuery([{ field: 'startsAt', operator: 'between', value: [1, 2] }])).toThrow(/between/);
    expect(filtersToQuery([{ field: 'skills', operator: 'in', value: ['math', 'art'] }])).toEqual({
      skills: ['math', 'art'],
    });
    expect(sortersToQuery([{ field: 'a', order: 'asc' }, { field: 'b', order: 'desc' }])).toBe('a,-b');
  });

  it('should read one operation of the endpoint table for each id when getMany names it', async () => {
    const { calls } = stubFetch((call) => json(200, { shiftId: call.url.split('/')[4], confirmedCount: 1 }));

    const result = await provider().getMany!({ resource: 'roster', ids: ['s1', 's 2'], meta: { operation: 'roster' } });

    expect(result.data).toEqual([
      { shiftId: 's1', confirmedCount: 1 },
      { shiftId: 's%202', confirmedCount: 1 },
    ]);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/shifts/s1/signups', '/api/v1/shifts/s%202/signups']);
  });

  it('should send the query and the idempotency key of a custom call from its meta', async () => {
    const { calls } = stubFetch(() => json(201, { id: 'e1' }));

    await provider().custom!({
      url: endpointPath('signUp', { shiftId: 'sh1' }),
      method: 'post',
      meta: { operation: 'signUp', query: { organizationId: 'o1' }, idempotencyKey: 'k-9' },
    });

    expect(calls[0]).toMatchObject({
      url: '/api/v1/shifts/sh1/signups?organizationId=o1',
      method: 'POST',
      headers: { 'Idempotency-Key': 'k-9' },
    });
  });
});
