import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { runsInTenantRoute, TenantRouteGuard } from './tenant-route';

/**
 * Every route declares who may call it, on purpose. A route without a policy is refused
 * at run time and fails the route-walk test at build time.
 */
export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  /** A member of the route's organization holding one of `roles` (any member when empty). */
  | { kind: 'org-member'; roles: OrganizationRole[] }
  /** A signed-in person acting on the route's organization without being a member yet. */
  | { kind: 'org-invitee' };

export const ACCESS_POLICY = 'mentorship:access-policy';

export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
export const SignedIn = () => SetMetadata(ACCESS_POLICY, { kind: 'signed-in' } satisfies AccessPolicy);
/**
 * A tenant route's policy also installs the organization access on that route alone: its
 * guard (`TenantRouteGuard`) enters the organization, and the handler is wrapped to run in it
 * (`runsInTenantRoute`, first, so the metadata set next lands on the wrapper). Routes only: a
 * class has no handler to wrap.
 */
export const OrgMember = (...roles: OrganizationRole[]): MethodDecorator =>
  applyDecorators(
    runsInTenantRoute(),
    SetMetadata(ACCESS_POLICY, { kind: 'org-member', roles } satisfies AccessPolicy),
    UseGuards(TenantRouteGuard),
  );
export const OrgInvitee = (): MethodDecorator =>
  applyDecorators(
    runsInTenantRoute(),
    SetMetadata(ACCESS_POLICY, { kind: 'org-invitee' } satisfies AccessPolicy),
    UseGuards(TenantRouteGuard),
  );

export function accessPolicyOf(reflector: Reflector, context: ExecutionContext): AccessPolicy | undefined {
  return reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
    context.getHandler(),
    context.getClass(),
  ]);
}

export function isOrgPolicy(
  policy: AccessPolicy,
): policy is Extract<AccessPolicy, { kind: 'org-member' | 'org-invitee' }> {
  return policy.kind === 'org-member' || policy.kind === 'org-invitee';
}
