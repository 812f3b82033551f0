import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

/**
 * Who may call a route. Every route declares one; the global guard denies
 * routes that declare none. Per-record rules (which organisation, whose
 * record) are decided in the services through abilities.
 */
export type RoutePolicy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'platform_admin' };

export const POLICY_KEY = 'kindred:policy';

/** Anyone, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies RoutePolicy);
/** Any signed-in user; the service checks the record. Documented as needing a bearer token. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(POLICY_KEY, { kind: 'authenticated' } satisfies RoutePolicy), ApiBearerAuth());
/** Platform administrators only. */
export const PlatformAdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(POLICY_KEY, { kind: 'platform_admin' } satisfies RoutePolicy), ApiBearerAuth());
