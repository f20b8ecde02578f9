import type { OrganizationRole } from '@mentorship/contracts';

/** What the organization access check learned about the caller's place in the route's organization. */
export interface RequestTenant {
  organizationId: string;
  /** Empty for an invitee who is not a member yet. */
  roles: OrganizationRole[];
}

interface WithTenant {
  tenant?: RequestTenant;
}

export function tenantOfRequest(request: unknown): RequestTenant | undefined {
  return (request as WithTenant).tenant;
}

export function setTenantOfRequest(request: unknown, tenant: RequestTenant): void {
  (request as WithTenant).tenant = tenant;
}
