import { scrubText } from './redact';

/**
 * What an error may say in a log line: an allow-list, not a deny-list. Database
 * errors carry the failing row (`detail`), the SQL (`query`), its `parameters`
 * and the whole driver error — e-mail addresses, phone numbers, password
 * hashes. None of that is copied; only the names that help find the fault.
 */
export interface SerializedError {
  name?: string;
  message?: string;
  code?: string | number;
  stack?: string;
  /** For PostgreSQL errors: which object refused the write, never the value. */
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  dataType?: string;
  routine?: string;
  cause?: SerializedError;
}

/** SQLSTATE: five characters, class first (digits, or HV / P0 / XX / F0). Excludes errno names such as EPIPE. */
const SQLSTATE = /^(?:[0-9][0-9A-Z]|HV|P0|XX|F0)[0-9A-Z]{3}$/;
const NAME_FIELDS = ['constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;
const IDENTIFIER = /^[A-Za-z0-9_.$-]{1,128}$/;
const MAX_DEPTH = 3;
const MAX_STACK_FRAMES = 20;

type Loose = Record<string, unknown>;

/** The SQLSTATE of a PostgreSQL error, whether raw (pg) or wrapped by TypeORM (`driverError`). */
export function sqlStateOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as Loose;
  for (const candidate of [e.code, (e.driverError as Loose | undefined)?.code]) {
    if (typeof candidate === 'string' && SQLSTATE.test(candidate)) return candidate;
  }
  return undefined;
}

/** Only the frames (`at …`) of a stack: its first lines repeat the message, which may echo input. */
export function cleanStack(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_STACK_FRAMES);
  return frames.length > 0 ? scrubText(frames.join('\n')) : undefined;
}

function pickNames(source: Loose | undefined, into: SerializedError): void {
  if (!source) return;
  for (const field of NAME_FIELDS) {
    const value = source[field];
    if (into[field] === undefined && typeof value === 'string' && IDENTIFIER.test(value)) into[field] = value;
  }
}

/** pino serializer for `err`: safe to apply twice (the filter serialises before it logs, pino again). */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!error || typeof error !== 'object') {
    return { message: typeof error === 'string' ? scrubText(error) : `non-error thrown (${typeof error})` };
  }
  const e = error as Loose;
  const out: SerializedError = {};
  if (typeof e.name === 'string' && IDENTIFIER.test(e.name)) out.name = e.name;
  const sqlState = sqlStateOf(e);
  if (sqlState) {
    // Messages of data errors echo the input (22P02: `invalid input syntax for type uuid: "…"`): only names.
    out.code = sqlState;
    pickNames(e, out);
    pickNames(e.driverError as Loose | undefined, out);
  } else {
    if (typeof e.message === 'string') out.message = scrubText(e.message).slice(0, 500);
    if ((typeof e.code === 'string' && IDENTIFIER.test(e.code)) || typeof e.code === 'number') out.code = e.code;
  }
  const stack = cleanStack(e.stack);
  if (stack) out.stack = stack;
  if (e.cause !== undefined && depth < MAX_DEPTH) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
