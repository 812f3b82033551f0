import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '../../common/auth/principal';
import { AppConfig } from '../../config/app-config';
import { PrincipalService } from './principal.service';
import type { AccessTokenClaims } from './tokens.service';

/** passport-jwt checks signature and expiry; the principal is then loaded fresh. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Principal> {
    if (claims.typ !== 'access') return Promise.reject(new Error('not an access token'));
    return this.principals.fromClaims(claims);
  }
}
