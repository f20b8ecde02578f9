import { AsyncLocalStorage } from 'node:async_hooks';
import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { NextFunction } from 'express';
import { TenantVersions } from '../redis/tenant-versions';
import { tenantOfRequest } from '../tenancy/tenant-request';

/**
 * The token under which the organizations context provides the organization access of tenant
 * routes (membership, roles, the request's one transaction). The platform names it; it
 * imports no context.
 */
export const ORGANIZATION_ACCESS = Symbol('OrganizationAccess');

/** A tenant route's organization, entered for the caller; its transaction is open until `run` or `abandon`. */
export interface EnteredTenantRoute {
  /** Runs the handler in the organization (tenant scope, caller), then commits; rolls back if it throws. Once. */
  run<T>(handler: () => Promise<T>): Promise<T>;
  /** Rolls back (the request failed between the guard and the handler, e.g. in a pipe). */
  abandon(): Promise<void>;
}

/** What `ORGANIZATION_ACCESS` provides: enters the route's organization, or throws 404/403. */
export interface OrganizationAccess {
  enterRoute(context: ExecutionContext): Promise<EnteredTenantRoute>;
}

const WITHOUT_ROUTE_TRANSACTION = 'mentorship:without-route-transaction';

/**
 * A tenant route whose guard opens no transaction: the organization access admits the caller
 * from a membership kept in memory while the organization's change version (`TenantVersions`)
 * is the one it was read under (else reads it from Postgres), and the handler runs in the
 * tenant's scope without a transaction, opening its own (`TenancyService.runInTenant`) when it
 * needs Postgres. For a read answered from a cache trusted under the same version: such a
 * request then makes no Postgres round trip at all. A statement on the scope is refused.
 */
export const WithoutRouteTransaction = (): MethodDecorator => SetMetadata(WITHOUT_ROUTE_TRANSACTION, true);

export function isWithoutRouteTransaction(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.get<boolean | undefined>(WITHOUT_ROUTE_TRANSACTION, context.getHandler()) === true;
}

/** Methods that write nothing by HTTP's contract: their requests leave the change version alone. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One per request (`tenantRouteScope` middleware): the guard leaves the entered organization here for the handler. */
interface RequestSlot {
  route?: EnteredTenantRoute;
}
const requests = new AsyncLocalStorage<RequestSlot>();

/**
 * Installed by `createHttpApp` after the body parsers (whose callbacks run outside any
 * request's async context), so the guard and the handler of a request share its slot.
 */
export function tenantRouteScope() {
  return (_request: unknown, _response: unknown, next: NextFunction): void => requests.run({}, next);
}

/**
 * Put on each tenant route by its policy decorator (`@OrgMember`, `@OrgInvitee`), after the
 * global guards (input checks, authentication) and before pipes: enters the route's
 * organization (`ORGANIZATION_ACCESS`: one BEGIN and one statement that sets the tenant and
 * reads the membership) and leaves it for the handler, which `runsInTenantRoute` wraps. A guard
 * and a wrapper instead of an interceptor: any interceptor costs a route Nest's rxjs chain
 * (`defer`/`mergeAll`, an `AsyncResource.bind` per level, per request). Validation errors
 * still come after the membership check, so a non-member learns nothing from them.
 *
 * A request of any other method than GET, HEAD or OPTIONS bumps the organization's change
 * version once its handler has committed, before it answers: caches trusted under the version
 * (`WithoutRouteTransaction`) see the write at their next request, on every replica.
 */
@Injectable()
export class TenantRouteGuard implements CanActivate {
  private access?: OrganizationAccess;
  private versions?: TenantVersions;

  constructor(private readonly moduleRef: ModuleRef) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const slot = requests.getStore();
    if (!slot) throw new Error('tenant route outside tenantRouteScope(): createHttpApp installs it');
    this.access ??= this.moduleRef.get<OrganizationAccess>(ORGANIZATION_ACCESS, { strict: false });
    const entered = await this.access.enterRoute(context);
    const request = context.switchToHttp().getRequest<{ method?: string }>();
    const organizationId = tenantOfRequest(request)?.organizationId;
    if (READS.has(request.method ?? 'GET') || !organizationId) {
      slot.route = entered;
      return true;
    }
    this.versions ??= this.moduleRef.get(TenantVersions, { strict: false });
    const versions = this.versions;
    slot.route = {
      run: async (handler) => {
        // Also after a failure: a handler may have committed before it threw; a bump too many costs a cache miss.
        try {
          return await entered.run(handler);
        } finally {
          await versions.bump(organizationId);
        }
      },
      abandon: () => entered.abandon(),
    };
    return true;
  }
}

/**
 * The request failed before its handler ran (a pipe refused its input): the organization the
 * guard entered is rolled back. The error filter calls it; nothing when none is open.
 */
export function abandonTenantRoute(): Promise<void> {
  const slot = requests.getStore();
  const route = slot?.route;
  if (!route) return Promise.resolve();
  slot.route = undefined;
  return route.abandon();
}

/**
 * Wraps a tenant route's handler so it runs inside the organization its guard entered (and
 * commits when it returns). The metadata other decorators already put on the handler moves to
 * the wrapper, which Nest, Swagger and the route walk read from then on.
 */
export function runsInTenantRoute(): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const handler = descriptor.value as (...args: unknown[]) => Promise<unknown>;
    const wrapper = function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const slot = requests.getStore();
      const route = slot?.route;
      if (!route)
        return Promise.reject(new Error(`${handler.name}: tenant route entered by no TenantRouteGuard`));
      slot.route = undefined;
      return route.run(() => handler.apply(this, args));
    };
    for (const key of Reflect.getMetadataKeys(handler))
      Reflect.defineMetadata(key, Reflect.getMetadata(key, handler), wrapper);
    Object.defineProperty(wrapper, 'name', { value: handler.name });
    descriptor.value = wrapper;
  };
}
