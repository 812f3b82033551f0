import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { POLICY_KEY, type RoutePolicy } from '../../src/common/auth/policy.decorator';
import { API_PREFIX } from '../../src/bootstrap';

export interface RegisteredRoute {
  /** e.g. `POST /api/v1/organizations/:id/members` */
  key: string;
  method: string;
  path: string;
  policy: RoutePolicy | undefined;
  handler: string;
}

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every HTTP route the application registered, read from the controllers' own metadata. */
export function listRoutes(app: INestApplication): RegisteredRoute[] {
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: RegisteredRoute[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as object;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const policy = reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [handler as () => void, metatype]);
      for (const controllerPath of controllerPaths) {
        for (const mp of ([] as string[]).concat(methodPath)) {
          const path = join(API_PREFIX, controllerPath, mp);
          routes.push({ key: `${method} ${path}`, method, path, policy, handler: `${metatype.name}.${name}` });
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
