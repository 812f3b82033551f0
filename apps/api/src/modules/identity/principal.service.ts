import { Injectable } from '@nestjs/common';
import type { Principal, PrincipalResolver } from '../../common/auth/principal';
import { MembershipsRepository } from './memberships.repository';
import { SessionsRepository } from './sessions.repository';
import { TokensService, type AccessTokenClaims } from './tokens.service';
import { UsersRepository } from './users.repository';
import { IdentityErrors } from './identity.errors';

/**
 * Turns a verified access token into the caller, reading memberships fresh so
 * a removed member loses that organisation's rights at once, and refusing
 * tokens whose session family was revoked (logout, refresh reuse).
 */
@Injectable()
export class PrincipalService implements PrincipalResolver {
  constructor(
    private readonly tokens: TokensService,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  async resolve(accessToken: string): Promise<Principal> {
    let claims: AccessTokenClaims;
    try {
      claims = this.tokens.verifyAccess(accessToken);
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') {
        throw IdentityErrors.tokenExpired();
      }
      throw IdentityErrors.tokenInvalid();
    }
    return this.fromClaims(claims);
  }

  async fromClaims(claims: AccessTokenClaims): Promise<Principal> {
    const [user, memberships, active] = await Promise.all([
      this.users.findById(claims.sub),
      this.memberships.ofUser(claims.sub),
      this.sessions.isFamilyActive(claims.sid),
    ]);
    if (!user || !active) throw IdentityErrors.sessionEnded();
    return {
      userId: user.id,
      sessionId: claims.sid,
      isPlatformAdmin: user.isPlatformAdmin,
      memberships: memberships.map(({ organizationId, organizationKind, organizationStatus, role }) => ({
        organizationId,
        organizationKind,
        organizationStatus,
        role,
      })),
      expiresAt: (claims.exp ?? 0) * 1000,
    };
  }
}
