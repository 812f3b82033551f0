import { parseChildDataKey, parseChildDataKeys } from './child-data-key';
import { EnvironmentVariables, LogLevel, NodeEnv } from './env.schema';

function requireKey(key: Buffer | null, name: string): Buffer {
  if (!key) throw new Error(`${name}: must be 32 bytes written as 64 hex digits or base64`);
  return key;
}

/** Values decided at boot rather than read from the environment (embedded database, generated secrets). */
export interface RuntimeValues {
  /** The API's own connection: a role that is neither superuser nor owner. */
  databaseUrl: string;
  /** The schema owner's connection, for migrations and grants only. */
  migrationDatabaseUrl: string;
  embedded: boolean;
  jwtSecret: string;
  jwtRefreshSecret: string;
  /** CHILD_DATA_KEY, or the one generated under the data folder. */
  childDataKey: string;
}

/**
 * Typed configuration, grouped by concern. Built once at boot from validated
 * environment variables; the rest of the API injects this and never reads
 * process.env.
 */
export class AppConfig {
  constructor(
    readonly env: NodeEnv,
    readonly http: { port: number; host: string; bodyLimitBytes: number; adminDistDir: string | null },
    readonly database: {
      url: string;
      migrationUrl: string;
      poolSize: number;
      acquireTimeoutMs: number;
      embedded: boolean;
    },
    readonly redis: { url: string | null },
    readonly auth: {
      jwtSecret: string;
      jwtRefreshSecret: string;
      accessTtlSeconds: number;
      refreshTtlSeconds: number;
      loginThrottleLimit: number;
      loginThrottleTtlSeconds: number;
      lockoutThreshold: number;
      lockoutSeconds: number;
    },
    readonly admin: { login: string; password: string } | null,
    readonly logging: { level: LogLevel; file: string | null },
    readonly dataDir: string,
    readonly demoData: boolean,
    readonly live: { eventRetentionDays: number },
    readonly engagement: { lateCancellationHours: number },
    /** Keys of the children's identity fields: values are written under `dataKey`, read under it or a previous one. */
    readonly children: {
      dataKey: Buffer;
      previousDataKeys: Buffer[];
      visitCadenceDays: { high: number; medium: number; low: number };
      reassessmentDays: number;
      parentContactAlertDays: number;
    },
  ) {}

  get isProduction(): boolean {
    return this.env === NodeEnv.Production;
  }

  static from(env: EnvironmentVariables, runtime: RuntimeValues): AppConfig {
    return new AppConfig(
      env.NODE_ENV,
      {
        port: env.PORT,
        host: env.HOST,
        bodyLimitBytes: env.BODY_LIMIT_BYTES,
        adminDistDir: env.ADMIN_DIST_DIR ?? null,
      },
      {
        url: runtime.databaseUrl,
        migrationUrl: runtime.migrationDatabaseUrl,
        poolSize: env.DATABASE_POOL_SIZE,
        acquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
        embedded: runtime.embedded,
      },
      { url: env.REDIS_URL ?? null },
      {
        jwtSecret: runtime.jwtSecret,
        jwtRefreshSecret: runtime.jwtRefreshSecret,
        accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
        refreshTtlSeconds: env.REFRESH_TTL_SECONDS,
        loginThrottleLimit: env.LOGIN_THROTTLE_LIMIT,
        loginThrottleTtlSeconds: env.LOGIN_THROTTLE_TTL_SECONDS,
        lockoutThreshold: env.LOCKOUT_THRESHOLD,
        lockoutSeconds: env.LOCKOUT_SECONDS,
      },
      env.ADMIN_LOGIN && env.ADMIN_PASSWORD ? { login: env.ADMIN_LOGIN, password: env.ADMIN_PASSWORD } : null,
      { level: env.LOG_LEVEL, file: env.LOG_FILE ?? null },
      env.DATA_DIR,
      env.DEMO_DATA && env.NODE_ENV !== NodeEnv.Production,
      { eventRetentionDays: env.EVENT_RETENTION_DAYS },
      { lateCancellationHours: env.LATE_CANCELLATION_HOURS },
      {
        dataKey: requireKey(parseChildDataKey(runtime.childDataKey), 'CHILD_DATA_KEY'),
        previousDataKeys: env.CHILD_DATA_PREVIOUS_KEYS
          ? parseChildDataKeys(env.CHILD_DATA_PREVIOUS_KEYS).map((k) => requireKey(k, 'CHILD_DATA_PREVIOUS_KEYS'))
          : [],
        visitCadenceDays: { high: env.CHILD_VISIT_DAYS_HIGH, medium: env.CHILD_VISIT_DAYS_MEDIUM, low: env.CHILD_VISIT_DAYS_LOW },
        reassessmentDays: env.CHILD_REASSESSMENT_DAYS,
        parentContactAlertDays: env.PARENT_CONTACT_ALERT_DAYS,
      },
    );
  }
}
