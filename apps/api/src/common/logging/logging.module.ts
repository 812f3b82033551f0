import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { serializeError } from './log-serializers';
import { logDestination } from './pretty-stream';
import { REDACT_PATHS, REDACTED, scrubText } from './redact';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Accepts a caller's x-request-id when it is a plain token, otherwise makes one. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [
          {
            level: config.logging.level,
            genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestIdFor(req),
            redact: { paths: REDACT_PATHS, censor: REDACTED },
            serializers: {
              // Only what helps to follow a request; query strings may hold personal data.
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: scrubText(String(req.url).split('?')[0]),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              // An allow-list: never a database error's detail, SQL, parameters or driver error.
              err: serializeError,
            },
            hooks: {
              logMethod(args: unknown[], method: (...a: unknown[]) => void) {
                method.apply(
                  this,
                  args.map((a) => (typeof a === 'string' ? scrubText(a) : a)),
                );
              },
            },
            customLogLevel: (_req: unknown, res: { statusCode: number }, err?: unknown) =>
              err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' },
          },
          logDestination(config),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
