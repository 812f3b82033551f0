import type { FastifyRequest } from 'fastify';
import { RequestContext } from '../context/request-context';
import type { Tx } from '../database/transaction-runner';
import { operationOf } from './idempotent.decorator';
import type { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

const request = (method: string, url: string, template: string | undefined, params: Record<string, string> = {}): FastifyRequest =>
  ({ method, url, params, routeOptions: { url: template } }) as unknown as FastifyRequest;

describe('operationOf', () => {
  it('should fill the path template with the parameters when a route has some', () => {
    const id = '0b7c6a1e-5f0e-4d7e-9a51-2f4d0c9e8b11';
    expect(operationOf(request('POST', `/api/v1/pledges/${id}/receipts?x=1`, '/api/v1/pledges/:id/receipts', { id }))).toBe(
      `POST /api/v1/pledges/${id}/receipts`,
    );
  });

  it('should leave the query string out when the route has no template', () => {
    expect(operationOf(request('POST', '/api/v1/pledges?debug=1', undefined))).toBe('POST /api/v1/pledges');
  });
});

describe('IdempotencyService.once', () => {
  const tx = {} as Tx;
  const claims: Array<{ key: string; operation: string; userId: string }> = [];
  const repository = {
    claim: async (_tx: Tx, userId: string, key: string, operation: string) => {
      claims.push({ key, operation, userId });
      return true;
    },
    complete: async () => undefined,
  } as unknown as IdempotencyRepository;
  const service = new IdempotencyService(repository);
  const context = { requestId: 'r1', ip: null, userId: 'u1' };

  beforeEach(() => claims.splice(0));

  it('should run the work without a claim when no HTTP request is being served', async () => {
    await expect(service.once(tx, {}, async () => 'done')).resolves.toBe('done');
    expect(claims).toEqual([]);
  });

  it('should refuse to run when the route is not marked @Idempotent()', async () => {
    await expect(RequestContext.run({ ...context }, () => service.once(tx, {}, async () => 'done'))).rejects.toThrow(/@Idempotent/);
  });

  it('should claim the route key under the route operation when the client sent a key', async () => {
    const scope = { userId: 'u1', operation: 'POST /api/v1/pledges', key: 'k1' };
    await RequestContext.run({ ...context, idempotency: scope }, () => service.once(tx, { a: 1 }, async () => 'done'));
    expect(claims).toEqual([{ key: 'k1', operation: 'POST /api/v1/pledges', userId: 'u1' }]);
  });

  it('should claim the fallback key when the client sent none and the caller gives one', async () => {
    const scope = { userId: 'u1', operation: 'POST /api/v1/offers/o1/accept', key: null };
    await RequestContext.run({ ...context, idempotency: scope }, async () => {
      await service.once(tx, {}, async () => 'plain');
      await service.once(tx, {}, async () => 'keyed', { fallbackKey: 'offer-accept:o1' });
    });
    expect(claims).toEqual([{ key: 'offer-accept:o1', operation: 'POST /api/v1/offers/o1/accept', userId: 'u1' }]);
  });
});
