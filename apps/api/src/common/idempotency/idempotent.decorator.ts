import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { RequestContext } from '../context/request-context';
import { idempotencyKeyOf } from './idempotency-key.decorator';

/**
 * The operation a key is bound to: the route's method and path template with its parameters filled in
 * (`POST /api/v1/pledges/:id/receipts` for pledge 7 is `POST /api/v1/pledges/7/receipts`), so one key
 * serves one route and one record.
 */
export function operationOf(request: FastifyRequest): string {
  const template = request.routeOptions.url ?? request.url.split('?')[0];
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const path = template.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) =>
    params[name] !== undefined ? encodeURIComponent(params[name]) : whole,
  );
  return `${request.method} ${path}`;
}

/**
 * Reads the Idempotency-Key header and the operation and puts them into the request context. It writes
 * nothing: the service claims the key with IdempotencyService.once inside its own transaction, so the
 * key, the change and the stored answer commit together.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = idempotencyKeyOf(request);
    const userId = request.user?.userId;
    if (!userId) throw new Error(`@Idempotent() on ${operationOf(request)} needs an authenticated route`);
    RequestContext.setIdempotency({ userId, operation: operationOf(request), key });
    return next.handle();
  }
}

/**
 * A creating route that accepts an Idempotency-Key: the same key and body answer the first answer and
 * create nothing; the same key with another body (or on another route) is 422 `idempotency_key_reused`.
 * The route's service wraps its work in IdempotencyService.once(tx, body, work).
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'repeat with the same key and body to get the first answer' }),
  );
}
