import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  RequestTenant,
  TenancyService,
  TenantContext,
  type AccessPolicy,
} from '@mentorship/platform';
import { OrganizationsException } from './organizations.exception';
import { MembershipRepository, OrganizationEntry } from './repositories/membership.repository';

export type OrganizationPolicy = Extract<AccessPolicy, { kind: 'org-member' | 'org-invitee' }>;

/**
 * The one way into an organization, for requests (the interceptor) and for anything else
 * acting for a person (the demo seed). It opens the organization's one transaction and in it:
 * - accepts the organization only with a membership of the person (404 otherwise, so another
 *   organization's existence is never disclosed), then checks the roles (403: a member may
 *   know their own organization exists); an invitee needs no membership yet;
 * - runs `work` for the person (`TenantContext.caller()`: user, email, roles here).
 * An organization scheduled for deletion answers 404 like one the person cannot see, except on
 * the routes that say `duringScheduledDeletion` (restoring it).
 */
@Injectable()
export class OrganizationAccessService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly memberships: MembershipRepository,
  ) {}

  enter<T>(
    organizationId: string,
    user: AuthenticatedUser,
    policy: OrganizationPolicy,
    work: () => Promise<T>,
    onEntered?: (tenant: RequestTenant) => void,
    options: { duringScheduledDeletion?: boolean } = {},
  ): Promise<T> {
    // The membership is read in the statement that sets the tenant: one round trip for both.
    const entry = MembershipRepository.accessEntry(user.id);
    return this.tenancy.enterTenant<OrganizationEntry, T>(organizationId, entry, async (found) => {
      const roles = policy.kind === 'org-invitee' ? [] : found?.roles;
      if (!roles) throw OrganizationsException.organizationNotFound();
      const roleMissing =
        policy.kind === 'org-member' &&
        policy.roles.length > 0 &&
        !policy.roles.some((role) => roles.includes(role));
      // Scheduled for deletion: only those the route admits see it still, everyone else 404.
      if (found?.scheduledForDeletion && (!options.duringScheduledDeletion || roleMissing))
        throw OrganizationsException.organizationNotFound();
      if (roleMissing) throw OrganizationsException.forbiddenRole(policy.roles);
      onEntered?.({ organizationId, roles });
      return TenantContext.withCaller({ userId: user.id, email: user.email, roles }, work);
    });
  }
}
