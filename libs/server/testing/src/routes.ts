import type { INestApplication } from '@nestjs/common';
import {
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
} from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  ACCESS_POLICY,
  AccessPolicy,
  API_PREFIX,
  takesCsvBody,
  UNPREFIXED_ROUTES,
} from '@mentorship/platform';

export interface RouteInfo {
  method: string;
  /** Full path with Express-style params, e.g. /api/v1/orgs/:orgId/members. */
  path: string;
  handler: string;
  policy: AccessPolicy | undefined;
  /** The route takes a CSV file (`text/csv`) as its body instead of JSON. */
  takesCsv: boolean;
  /** The interceptors the route runs (its class's, then its own), by name; global ones aside. */
  interceptors: string[];
  /** The guards the route runs (its class's, then its own), by name; global ones aside. */
  guards: string[];
}

const enhancersOf = (key: string, target: object): string[] =>
  ((Reflect.getMetadata(key, target) ?? []) as (object | { name: string })[]).map((i) =>
    'name' in i ? i.name : i.constructor.name,
  );
const interceptorsOf = (target: object) => enhancersOf(INTERCEPTORS_METADATA, target);
const guardsOf = (target: object) => enhancersOf(GUARDS_METADATA, target);

/** Every HTTP route the application serves, with the access policy it declares. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
    if (!controller || !wrapper.instance) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = Object.getPrototypeOf(wrapper.instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const own = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const joined = [base, own]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/');
      const path = UNPREFIXED_ROUTES.includes(joined) ? `/${joined}` : `/${API_PREFIX}/${joined}`;
      routes.push({
        method: RequestMethod[method],
        path,
        handler: `${controller.name}.${name}`,
        policy: reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler, controller]),
        takesCsv: takesCsvBody(handler),
        interceptors: [...interceptorsOf(controller), ...interceptorsOf(handler)],
        guards: [...guardsOf(controller), ...guardsOf(handler)],
      });
    }
  }
  return routes;
}
