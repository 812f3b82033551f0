import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { classifyInfrastructureError } from '../errors/infrastructure-errors';
import { RequestContext } from '../context/request-context';
import { POLICY_KEY, type RoutePolicy } from './policy.decorator';
import type { Principal } from './principal';

export type AuthenticatedRequest = FastifyRequest & { user?: Principal };

/**
 * Global guard: a route without a declared policy is refused; public routes
 * pass; every other route needs a valid access token (passport-jwt), and
 * platform-admin routes a platform administrator.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (!policy) throw DomainError.forbidden('This route declares no access policy');
    if (policy.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!/^Bearer\s+\S+$/i.test(request.headers.authorization ?? '')) {
      throw new DomainError('unauthorized', 'Sign in first: send an access token as a Bearer authorization header');
    }
    await super.canActivate(context);
    const principal = request.user as Principal;
    RequestContext.setUser(principal.userId);
    if (policy.kind === 'platform_admin' && !principal.isPlatformAdmin) {
      throw DomainError.forbidden('Only a platform administrator may do this');
    }
    return true;
  }

  override handleRequest<TUser = Principal>(err: unknown, user: TUser | false, info: unknown): TUser {
    if (err instanceof DomainError) throw err;
    // Loading the principal needs the database: an outage is a 503 to retry, not a 401 that signs the user out.
    const unavailable = err ? classifyInfrastructureError(err) : undefined;
    if (unavailable) throw unavailable;
    if (user) return user;
    if ((info as Error | undefined)?.name === 'TokenExpiredError') {
      throw new DomainError('token_expired', 'The access token has expired; refresh it');
    }
    throw new DomainError('unauthorized', 'The access token is not valid');
  }
}
