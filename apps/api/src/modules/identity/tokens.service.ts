import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';

export interface AccessTokenClaims {
  sub: string;
  /** The session family the token belongs to; revoking the family ends it. */
  sid: string;
  typ: 'access';
  exp?: number;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  signAccess(userId: string, familyId: string): { token: string; expiresAt: Date } {
    const ttl = this.config.auth.accessTtlSeconds;
    const token = this.jwt.sign({ sub: userId, sid: familyId, typ: 'access' } satisfies AccessTokenClaims, {
      secret: this.config.auth.jwtSecret,
      expiresIn: ttl,
      algorithm: 'HS256',
    });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** Verifies signature and expiry; throws jsonwebtoken's errors (TokenExpiredError, JsonWebTokenError). */
  verifyAccess(token: string): AccessTokenClaims {
    const claims = this.jwt.verify<AccessTokenClaims>(token, { secret: this.config.auth.jwtSecret, algorithms: ['HS256'] });
    if (claims.typ !== 'access') throw new Error('not an access token');
    return claims;
  }

  /** An opaque refresh token: random, only its hash is stored. */
  newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token), expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000) };
  }
}
