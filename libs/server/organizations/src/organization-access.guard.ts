import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { OrganizationRole } from '@mentorship/contracts';
import {
  accessPolicyOf,
  AuthenticatedUser,
  isOrgPolicy,
  setTenantOfRequest,
  TenancyService,
  TenantContext,
} from '@mentorship/platform';
import { MembershipEntity } from './entities/membership.entity';
import { OrganizationsException } from './organizations.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Installed globally after authentication. On tenant routes it accepts the route's
 * organization only with a membership of the caller (404 otherwise, so another
 * organization's existence is never disclosed), then checks the roles (403: a member may
 * know their own organization exists) and hands the tenant to the transaction interceptor.
 */
@Injectable()
export class OrganizationAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenancy: TenancyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = accessPolicyOf(this.reflector, context);
    if (!policy || !isOrgPolicy(policy)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ params: Record<string, string>; user?: AuthenticatedUser }>();
    const organizationId = request.params['orgId'];
    const user = request.user;
    if (!user || !organizationId || !UUID.test(organizationId))
      throw OrganizationsException.organizationNotFound();
    const normalizedId = organizationId.toLowerCase();

    if (policy.kind === 'org-invitee') {
      setTenantOfRequest(request, { organizationId: normalizedId, roles: [] });
      return true;
    }
    const roles = await this.rolesOf(normalizedId, user.id);
    if (!roles) throw OrganizationsException.organizationNotFound();
    if (policy.roles.length > 0 && !policy.roles.some((role) => roles.includes(role))) {
      throw OrganizationsException.forbiddenRole(policy.roles);
    }
    setTenantOfRequest(request, { organizationId: normalizedId, roles });
    return true;
  }

  private rolesOf(organizationId: string, userId: string): Promise<OrganizationRole[] | null> {
    return this.tenancy.runInTenant(organizationId, async () => {
      const membership = await TenantContext.manager().findOneBy(MembershipEntity, { userId });
      return membership?.roles ?? null;
    });
  }
}
