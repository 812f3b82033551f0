import { ConfigValidationError, NodeEnv, validateEnvironment } from './env.schema';

const SECRET = 'a-very-long-secret-value-that-must-never-be-printed-0123456789';

function problemsOf(env: Record<string, string>): string[] {
  try {
    validateEnvironment(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}

describe('validateEnvironment', () => {
  it('should apply defaults when nothing is set in development', () => {
    const env = validateEnvironment({});
    expect(env.NODE_ENV).toBe(NodeEnv.Development);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BODY_LIMIT_BYTES).toBe(1024 * 1024);
  });

  it('should name each missing production variable when NODE_ENV is production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'JWT_SECRET: required when NODE_ENV=production',
        'JWT_REFRESH_SECRET: required when NODE_ENV=production',
        'DATABASE_URL: required when NODE_ENV=production',
        'MIGRATION_DATABASE_URL: required when NODE_ENV=production',
        'CHILD_DATA_KEY: required when NODE_ENV=production',
      ]),
    );
  });

  it('should name CHILD_DATA_KEY without echoing it when it is not 32 bytes', () => {
    const problems = problemsOf({ CHILD_DATA_KEY: 'too-short-key', CHILD_DATA_PREVIOUS_KEYS: `${'ab'.repeat(32)},nope` });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^CHILD_DATA_KEY: must be 32 bytes/), expect.stringMatching(/^CHILD_DATA_PREVIOUS_KEYS: /)]),
    );
    expect(problems.join('\n')).not.toContain('too-short-key');
  });

  it('should accept CHILD_DATA_KEY when it is 64 hex digits or base64 of 32 bytes', () => {
    expect(validateEnvironment({ CHILD_DATA_KEY: 'ab'.repeat(32) }).CHILD_DATA_KEY).toBe('ab'.repeat(32));
    expect(validateEnvironment({ CHILD_DATA_KEY: Buffer.alloc(32, 7).toString('base64') }).CHILD_DATA_KEY).toBeDefined();
  });

  it('should accept a complete production configuration', () => {
    const env = validateEnvironment({
      NODE_ENV: 'production',
      JWT_SECRET: SECRET,
      JWT_REFRESH_SECRET: `${SECRET}-refresh`,
      DATABASE_URL: 'postgres://kindred_app:pw@db.internal:5432/kindred',
      MIGRATION_DATABASE_URL: 'postgres://kindred:pw@db.internal:5432/kindred',
      CHILD_DATA_KEY: 'ab'.repeat(32),
      PORT: '8080',
    });
    expect(env.PORT).toBe(8080);
  });

  it('should default the pool to 10 connections waiting up to 30 s when nothing is set', () => {
    const env = validateEnvironment({});
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS).toBe(30_000);
    expect(env.DATABASE_APP_ROLE).toBe('kindred_app');
  });

  it('should name the pool variables when they are out of range', () => {
    expect(problemsOf({ DATABASE_POOL_SIZE: '0', DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '5' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^DATABASE_POOL_SIZE: /), expect.stringMatching(/^DATABASE_POOL_ACQUIRE_TIMEOUT_MS: /)]),
    );
  });

  it('should refuse a role name that is not a plain identifier when DATABASE_APP_ROLE is set', () => {
    expect(problemsOf({ DATABASE_APP_ROLE: 'x"; DROP ROLE postgres; --' })).toEqual([expect.stringMatching(/^DATABASE_APP_ROLE: /)]);
  });

  it('should refuse MIGRATION_DATABASE_URL without DATABASE_URL', () => {
    expect(problemsOf({ MIGRATION_DATABASE_URL: 'postgres://kindred:pw@127.0.0.1:5432/kindred' })).toEqual([
      'MIGRATION_DATABASE_URL: set DATABASE_URL (the API role) too, or neither for the embedded database',
    ]);
  });

  it('should name the variable but never echo its value when a value is wrong', () => {
    const error = (() => {
      try {
        validateEnvironment({ PORT: 'eighty', DATABASE_URL: `mysql://user:${SECRET}@host/db`, JWT_SECRET: 'short-but-secret' });
      } catch (e) {
        return e as ConfigValidationError;
      }
      throw new Error('expected a validation error');
    })();
    expect(error.message).toMatch(/PORT:/);
    expect(error.message).toMatch(/DATABASE_URL:/);
    expect(error.message).toMatch(/JWT_SECRET:/);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('short-but-secret');
    expect(error.message).not.toContain('eighty');
  });

  it('should refuse ADMIN_LOGIN without ADMIN_PASSWORD', () => {
    expect(problemsOf({ ADMIN_LOGIN: 'admin@example.cn' })).toContain('ADMIN_LOGIN/ADMIN_PASSWORD: set both or neither');
  });

  it('should treat an empty string as unset when a shell exports FOO=', () => {
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: '' })).toContain('JWT_SECRET: required when NODE_ENV=production');
  });
});
