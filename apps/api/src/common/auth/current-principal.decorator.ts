import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import type { AuthenticatedRequest } from './auth.guard';
import type { Principal } from './principal';

/** The authenticated caller of a route that is not public. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!principal) throw new DomainError('unauthorized', 'Sign in first');
  return principal;
});
