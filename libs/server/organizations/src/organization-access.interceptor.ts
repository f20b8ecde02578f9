import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  accessPolicyOf,
  AuthenticatedUser,
  isOrgPolicy,
  setTenantOfRequest,
  TenancyService,
  TenantContext,
} from '@mentorship/platform';
import { from, lastValueFrom, Observable } from 'rxjs';
import { OrganizationsException } from './organizations.exception';
import { MembershipRepository } from './repositories/membership.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Installed globally, after the authentication guard. On a tenant route it opens the one
 * transaction of the request, in the route's organization, and inside it:
 * - accepts the organization only with a membership of the caller (404 otherwise, so another
 *   organization's existence is never disclosed), then checks the roles (403: a member may
 *   know their own organization exists);
 * - runs the handler for the caller (user and roles, `TenantContext.caller()`), whose tenant
 *   queries all go through that transaction.
 * The membership read and the handler share the transaction, so a request costs one
 * BEGIN/COMMIT, not two. Body validation runs later (pipes run inside the handler call), so a
 * non-member learns nothing from validation errors either.
 */
@Injectable()
export class OrganizationAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenancy: TenancyService,
    private readonly memberships: MembershipRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const policy = context.getType() === 'http' ? accessPolicyOf(this.reflector, context) : undefined;
    if (!policy || !isOrgPolicy(policy)) return next.handle();

    const request = context
      .switchToHttp()
      .getRequest<{ params: Record<string, string>; user?: AuthenticatedUser }>();
    const organizationId = request.params['orgId'];
    const user = request.user;
    if (!user || !organizationId || !UUID.test(organizationId))
      throw OrganizationsException.organizationNotFound();
    const tenantId = organizationId.toLowerCase();

    return from(
      this.tenancy.runInTenant(tenantId, async () => {
        const roles = policy.kind === 'org-invitee' ? [] : await this.memberships.rolesOf(user.id);
        if (!roles) throw OrganizationsException.organizationNotFound();
        if (
          policy.kind === 'org-member' &&
          policy.roles.length > 0 &&
          !policy.roles.some((role) => roles.includes(role))
        ) {
          throw OrganizationsException.forbiddenRole(policy.roles);
        }
        setTenantOfRequest(request, { organizationId: tenantId, roles });
        const caller = { userId: user.id, email: user.email, roles };
        return TenantContext.withCaller(caller, () =>
          lastValueFrom(next.handle(), { defaultValue: undefined }),
        );
      }),
    );
  }
}
