import { Transform, plainToInstance } from 'class-transformer';
import { parseChildDataKey, parseChildDataKeys } from './child-data-key';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export enum NodeEnv {
  Development = 'development',
  Production = 'production',
  Test = 'test',
}

export enum LogLevel {
  Fatal = 'fatal',
  Error = 'error',
  Warn = 'warn',
  Info = 'info',
  Debug = 'debug',
  Trace = 'trace',
  Silent = 'silent',
}

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * Every environment variable the API reads. Validated once at boot; an error
 * names the variable and the rule it broke, never the value it had.
 */
export class EnvironmentVariables {
  @IsEnum(NodeEnv)
  NODE_ENV: NodeEnv = NodeEnv.Development;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  /**
   * The schema owner's connection, used only for migrations and grants. When set,
   * DATABASE_URL must be a role that is neither superuser nor owner (required in production).
   */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  MIGRATION_DATABASE_URL?: string;

  /** Development and tests: the unprivileged login role created for the API when only a privileged connection is given. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_APP_ROLE = 'kindred_app';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /**
   * How long a request waits for a pooled connection before failing. Long on purpose:
   * a burst queues and finishes rather than failing (DESIGN §7: 1,000 sign-ups at once, 0 errors).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS = 30_000;

  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_REFRESH_SECRET?: string;

  /**
   * Encrypts children's identity fields (AES-256-GCM): 32 bytes as 64 hex digits or base64.
   * Required in production; generated once under DATA_DIR otherwise.
   */
  @IsOptional()
  @IsString()
  CHILD_DATA_KEY?: string;

  /** Keys that values may still be encrypted under during a rotation, comma-separated, same format. */
  @IsOptional()
  @IsString()
  CHILD_DATA_PREVIOUS_KEYS?: string;

  /** Days between home visits by a child's risk level (dynamic management, 动态管理). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  CHILD_VISIT_DAYS_HIGH = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  CHILD_VISIT_DAYS_MEDIUM = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  CHILD_VISIT_DAYS_LOW = 90;

  /** Days between reassessments of a child's file. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(730)
  CHILD_REASSESSMENT_DAYS = 180;

  /** A left-behind child with no contact with a parent for longer than this is flagged. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  PARENT_CONTACT_ALERT_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(900)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(3600)
  REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  @IsOptional()
  @IsString()
  @MinLength(3)
  ADMIN_LOGIN?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  ADMIN_PASSWORD?: string;

  @IsEnum(LogLevel)
  LOG_LEVEL: LogLevel = LogLevel.Info;

  @IsString()
  DATA_DIR = '.data';

  /** Write logs to this file instead of standard output. */
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toBool)
  @IsBoolean()
  DEMO_DATA = true;

  /** Cancelling a confirmed shift this close to its start is recorded as late (it lowers reliability). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(720)
  LATE_CANCELLATION_HOURS = 24;

  /** Live events older than this are pruned from the outbox; a client offline longer must reload. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  EVENT_RETENTION_DAYS = 7;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsOptional()
  @IsString()
  ADMIN_DIST_DIR?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_TTL_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOCKOUT_THRESHOLD = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOCKOUT_SECONDS = 900;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

const PRODUCTION_REQUIRED = ['JWT_SECRET', 'JWT_REFRESH_SECRET', 'CHILD_DATA_KEY', 'DATABASE_URL', 'MIGRATION_DATABASE_URL'] as const;

/** Validates raw environment values; throws naming each bad variable, never echoing a value. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  // Empty strings count as unset, so `FOO=` in a shell does not silently pass a rule.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const env = plainToInstance(EnvironmentVariables, cleaned, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: true }).map(
    (e) => `${e.property}: ${Object.keys(e.constraints ?? {}).join(', ') || 'invalid'}`,
  );
  if (env.NODE_ENV === NodeEnv.Production) {
    for (const name of PRODUCTION_REQUIRED) {
      if (!env[name]) problems.push(`${name}: required when NODE_ENV=production`);
    }
  }
  if (env.CHILD_DATA_KEY !== undefined && parseChildDataKey(env.CHILD_DATA_KEY) === null) {
    problems.push('CHILD_DATA_KEY: must be 32 bytes written as 64 hex digits or base64');
  }
  if (env.CHILD_DATA_PREVIOUS_KEYS !== undefined && parseChildDataKeys(env.CHILD_DATA_PREVIOUS_KEYS).some((k) => k === null)) {
    problems.push('CHILD_DATA_PREVIOUS_KEYS: each key must be 32 bytes written as 64 hex digits or base64');
  }
  if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
    problems.push('MIGRATION_DATABASE_URL: set DATABASE_URL (the API role) too, or neither for the embedded database');
  }
  if ((env.ADMIN_LOGIN === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_LOGIN/ADMIN_PASSWORD: set both or neither');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return env;
}
