import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem, ProblemCode } from '@kindred/contracts';
import { SpaFallback } from '../http/spa-fallback';
import { serializeError } from '../logging/log-serializers';
import { DomainError } from './domain-error';
import { classifyInfrastructureError } from './infrastructure-errors';
import { PROBLEM_STATUS } from './problem-status';

const HTTP_STATUS_CODES: Partial<Record<number, ProblemCode>> = {
  [HttpStatus.BAD_REQUEST]: 'validation_failed',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'route_not_found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.TOO_MANY_REQUESTS]: 'too_many_requests',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'service_unavailable',
};

/** Fastify's own body errors carry a code; they are the client's fault, so 4xx with a plain message. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
};

export function toProblem(code: ProblemCode, detail: string, extra: Partial<Problem> = {}): Problem {
  const { status, title } = PROBLEM_STATUS[code];
  return { type: `https://kindred.example/problems/${code.replace(/_/g, '-')}`, title, status, detail, code, ...extra };
}

/**
 * Renders every failure as application/problem+json. Unexpected errors are
 * logged with an errorId and the client sees only that id.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly spa: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (exception instanceof NotFoundException && this.spa.tryServe(request, reply)) return;
    const { problem, headers } = this.toProblem(exception, request);
    for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): { problem: Problem; headers: Record<string, string> } {
    const instance = request.url;
    if (exception instanceof DomainError) {
      return {
        problem: toProblem(exception.code, exception.detail, { instance, ...(exception.errors ? { errors: exception.errors } : {}) }),
        headers: exception.headers ?? {},
      };
    }
    // Nest wraps Fastify's own 4xx errors in an HttpException with the original as `cause`.
    const fastifyError = (exception as { cause?: unknown })?.cause ?? exception;
    const fastifyCode = (fastifyError as { code?: unknown })?.code;
    if (typeof fastifyCode === 'string' && FASTIFY_CODES[fastifyCode]) {
      const code = FASTIFY_CODES[fastifyCode];
      const detail = code === 'payload_too_large' ? 'The request body is larger than allowed' : 'The request body could not be parsed';
      return { problem: toProblem(code, detail, { instance }), headers: {} };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = HTTP_STATUS_CODES[status];
      if (code) {
        const body = exception.getResponse();
        const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
        const detail =
          code === 'route_not_found'
            ? `No route ${request.method} ${request.url.split('?')[0]}`
            : typeof message === 'string'
              ? message
              : PROBLEM_STATUS[code].title;
        return { problem: toProblem(code, detail, { instance }), headers: {} };
      }
    }
    const infrastructure = classifyInfrastructureError(exception);
    if (infrastructure) {
      // Expected under load or during an outage, and not the caller's fault alone: worth a warning, never the row.
      this.logger.warn({ err: serializeError(exception), code: infrastructure.code }, `Mapped database failure to ${infrastructure.code}`);
      return { problem: toProblem(infrastructure.code, infrastructure.detail, { instance }), headers: infrastructure.headers ?? {} };
    }
    const errorId = randomUUID();
    this.logger.error({ err: serializeError(exception), errorId }, `Unexpected error ${errorId}`);
    return {
      problem: toProblem('internal_error', `Something went wrong. Quote error id ${errorId} when reporting it.`, { instance, errorId }),
      headers: {},
    };
  }
}
