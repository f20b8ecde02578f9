import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { TenantRouteInterceptor } from './tenant-route.interceptor';

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
 * A tenant route's policy also installs the organization access interceptor on that route
 * alone (`TenantRouteInterceptor`). Routes only: on a class as well as a method, the
 * interceptor would run twice.
 */
export const OrgMember = (...roles: OrganizationRole[]): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'org-member', roles } satisfies AccessPolicy),
    UseInterceptors(TenantRouteInterceptor),
  );
export const OrgInvitee = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'org-invitee' } satisfies AccessPolicy),
    UseInterceptors(TenantRouteInterceptor),
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
