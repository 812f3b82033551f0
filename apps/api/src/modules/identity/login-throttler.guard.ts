import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerException } from '@nestjs/throttler';
import { DomainError } from '../../common/errors/domain-error';

/** Applies the `ip` and `login` throttlers (see identity.module) and answers 429 as problem+json. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(): Promise<void> {
    return Promise.reject(new DomainError('too_many_requests', 'Too many attempts; wait a minute and try again'));
  }
}
export { ThrottlerException };
