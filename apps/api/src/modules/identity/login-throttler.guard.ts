import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerException, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { IdentityErrors } from './identity.errors';

/** Applies the `ip` and `login` throttlers (see identity.module) and answers 429 as problem+json. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // RFC 9110 Retry-After in whole seconds: how long until the caller's block (or window) ends.
    const seconds = Math.max(1, Math.ceil(detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire));
    return Promise.reject(
      IdentityErrors.tooManyAttempts(seconds),
    );
  }
}
export { ThrottlerException };
