import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { isCommonPassword } from './common-passwords';
import { IdentityErrors } from './identity.errors';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordService {
  /** Hash of a random string, verified against when the login is unknown so both paths take the same time. */
  private readonly dummyHash = hash('kindred-timing-equaliser-7f3a', OPTIONS);

  assertAcceptable(password: string, field = 'password'): void {
    if (password.length < PASSWORD_MIN_LENGTH) {
      throw IdentityErrors.passwordTooShort(field, PASSWORD_MIN_LENGTH);
    }
    if (isCommonPassword(password)) {
      throw IdentityErrors.passwordTooCommon(field);
    }
  }

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }
}
