import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { PRINCIPAL_RESOLVER } from '../../common/auth/principal';
import { AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit';
import { LiveOutboxModule } from '../live';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LocalLoginGuard } from './local-login.guard';
import { LocalStrategy } from './local.strategy';
import { normalizeLogin } from './login.util';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { MeController } from './me.controller';
import { MembershipsRepository } from './memberships.repository';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { PasswordService } from './password.service';
import { PrincipalService } from './principal.service';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SessionsRepository } from './sessions.repository';
import { TokensService } from './tokens.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Throttles sign-in attempts per client address and per login, shared through Redis when configured. */
function throttlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const ttl = config.auth.loginThrottleTtlSeconds * 1000;
  const limit = config.auth.loginThrottleLimit;
  return {
    throttlers: [
      // Many people can share one address (a school, a township office), so the address limit is wider.
      { name: 'ip', ttl, limit: limit * 5, getTracker: (req: Record<string, unknown>) => String((req as unknown as FastifyRequest).ip) },
      {
        name: 'login',
        ttl,
        limit,
        getTracker: (req: Record<string, unknown>) => {
          const login = ((req as unknown as FastifyRequest).body as { login?: unknown } | undefined)?.login;
          const normalized = typeof login === 'string' ? normalizeLogin(login) : null;
          return normalized ? `${normalized.kind}:${normalized.value}` : 'none';
        },
      },
    ],
    ...(config.redis.url ? { storage: new RedisThrottlerStorage(config.redis.url) } : {}),
  };
}

@Module({
  imports: [
    AuditModule,
    LiveOutboxModule,
    PassportModule.register({ session: false }),
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: throttlerOptions }),
  ],
  controllers: [AuthController, MeController, OrganizationsController],
  providers: [
    UsersRepository,
    SessionsRepository,
    OrganizationsRepository,
    MembershipsRepository,
    PasswordService,
    TokensService,
    PrincipalService,
    { provide: PRINCIPAL_RESOLVER, useExisting: PrincipalService },
    AuthService,
    UsersService,
    OrganizationsService,
    AdminBootstrapService,
    JwtStrategy,
    LocalStrategy,
    LocalLoginGuard,
    LoginThrottlerGuard,
  ],
  exports: [PRINCIPAL_RESOLVER, PrincipalService, UsersService, OrganizationsService, AdminBootstrapService, AuthService],
})
export class IdentityModule {}
