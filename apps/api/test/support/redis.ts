/**
 * Redis for the live fan-out tests. They use REDIS_URL; without it they are
 * skipped and say so, except under CI (CI=true), where a missing REDIS_URL
 * fails the run (`.ci/run` provides Redis).
 */
export function redisUrlForTests(): string | null {
  return process.env.REDIS_URL && process.env.REDIS_URL.length > 0 ? process.env.REDIS_URL : null;
}

/** `describe` for tests that need Redis; the skip (or the CI failure) is decided here, once, for the whole block. */
export function describeWithRedis(name: string, body: (redisUrl: string) => void): void {
  const url = redisUrlForTests();
  if (url) {
    describe(name, () => body(url));
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('should have REDIS_URL when CI=true', () => {
        throw new Error('REDIS_URL is not set, but CI=true requires the Redis-backed live tests to run');
      });
    });
    return;
  }
  process.stderr.write(`[skipped] ${name}: REDIS_URL is not set (these tests need Redis)\n`);
  describe.skip(`${name} (skipped: REDIS_URL is not set)`, () => body(''));
}
