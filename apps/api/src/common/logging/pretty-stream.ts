import { Writable } from 'node:stream';
import pino from 'pino';
import type { AppConfig } from '../../config/app-config';
import { LogLevel, NodeEnv } from '../../config/env.schema';

/** Nest's start-up chatter (one line per module and per route): useful when debugging, noise otherwise. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'WebSocketsController']);

type PrettyFactory = (options: Record<string, unknown>) => NodeJS.WritableStream;

function loadPinoPretty(): PrettyFactory | null {
  try {
    // A development dependency: present after `npm install`, absent from production images, where logs stay JSON.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('pino-pretty') as PrettyFactory | { default: PrettyFactory };
    return typeof loaded === 'function' ? loaded : loaded.default;
  } catch {
    return null;
  }
}

/**
 * Where the API's logs go: a file when LOG_FILE is set; in development, human-readable lines on stdout
 * (without Nest's per-route start-up lines unless LOG_LEVEL is debug or trace); otherwise JSON lines.
 */
export function logDestination(config: AppConfig): pino.DestinationStream {
  if (config.logging.file) return pino.destination({ dest: config.logging.file, sync: true, mkdir: true });
  const pretty = config.env === NodeEnv.Development ? loadPinoPretty() : null;
  if (!pretty) return pino.destination(1);
  const out = pretty({ colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req.id', sync: true });
  const verbose = config.logging.level === LogLevel.Debug || config.logging.level === LogLevel.Trace;
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const line = chunk.toString();
      if (!verbose && line.includes('"context"')) {
        const context = (JSON.parse(line) as { context?: unknown }).context;
        if (typeof context === 'string' && STARTUP_CONTEXTS.has(context)) return done();
      }
      out.write(line, done as (error?: Error | null) => void);
    },
  });
}
