import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Observable } from 'rxjs';

/**
 * The token under which the organizations context provides the interceptor that enters a
 * tenant route's organization (membership, roles, the request's one transaction). The
 * platform names it; it imports no context.
 */
export const ORGANIZATION_ACCESS = Symbol('OrganizationAccess');

/**
 * Put on each tenant route by its policy decorator (`@OrgMember`, `@OrgInvitee`), so only
 * tenant routes pay Nest's interceptor chain (rxjs `defer`/`mergeAll` and an
 * `AsyncResource.bind` per interceptor, per request): a global interceptor would run on every
 * route, `/health` and `/me` included. It hands the request to the `ORGANIZATION_ACCESS`
 * interceptor, looked up once in the whole application (Nest instantiates a route's
 * interceptor in its controller's module, which need not import organizations).
 */
@Injectable()
export class TenantRouteInterceptor implements NestInterceptor {
  private access?: NestInterceptor;

  constructor(private readonly moduleRef: ModuleRef) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Observable<unknown> | Promise<Observable<unknown>> {
    this.access ??= this.moduleRef.get<NestInterceptor>(ORGANIZATION_ACCESS, { strict: false });
    return this.access.intercept(context, next);
  }
}
