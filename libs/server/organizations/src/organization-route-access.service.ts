import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  accessPolicyOf,
  AuthenticatedUser,
  isOrgPolicy,
  isWithoutRouteTransaction,
  setTenantOfRequest,
  type EnteredTenantRoute,
  type OrganizationAccess,
} from '@mentorship/platform';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsException } from './organizations.exception';

const DURING_SCHEDULED_DELETION = 'mentorship:during-scheduled-deletion';

/**
 * A tenant route that stays open while its organization is scheduled for deletion (restoring
 * it). Every other tenant route of such an organization answers 404, as for one the caller
 * cannot see. Its access policy still applies: only the roles it names get in.
 */
export const OpenDuringScheduledDeletion = (): MethodDecorator & ClassDecorator =>
  SetMetadata(DURING_SCHEDULED_DELETION, true);

function isOpenDuringScheduledDeletion(reflector: Reflector, context: ExecutionContext): boolean {
  return (
    reflector.getAllAndOverride<boolean | undefined>(DURING_SCHEDULED_DELETION, [
      context.getHandler(),
      context.getClass(),
    ]) === true
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organization access of every tenant route (`ORGANIZATION_ACCESS`): the route's guard
 * (`TenantRouteGuard`, after the authentication guard) calls `enterRoute`, which enters the
 * route's organization for the caller (`OrganizationAccessService`: membership, roles, the
 * request's one transaction) or throws 404/403; the handler then runs in it and commits. The
 * membership read and the handler share the transaction, so a request costs one BEGIN/COMMIT,
 * not two. Body validation runs later (pipes run after guards), so a non-member learns nothing
 * from validation errors either.
 */
@Injectable()
export class OrganizationRouteAccess implements OrganizationAccess {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: OrganizationAccessService,
  ) {}

  async enterRoute(context: ExecutionContext): Promise<EnteredTenantRoute> {
    const policy = context.getType() === 'http' ? accessPolicyOf(this.reflector, context) : undefined;
    if (!policy || !isOrgPolicy(policy)) throw new Error('a tenant route without an organization policy');
    const request = context
      .switchToHttp()
      .getRequest<{ params: Record<string, string>; user?: AuthenticatedUser }>();
    const organizationId = request.params['orgId'];
    const user = request.user;
    if (!user || !organizationId || !UUID.test(organizationId))
      throw OrganizationsException.organizationNotFound();
    const options = { duringScheduledDeletion: isOpenDuringScheduledDeletion(this.reflector, context) };
    const opened = isWithoutRouteTransaction(this.reflector, context)
      ? await this.access.openWithoutTransaction(organizationId.toLowerCase(), user, policy, options)
      : await this.access.open(organizationId.toLowerCase(), user, policy, options);
    setTenantOfRequest(request, opened.tenant);
    return opened;
  }
}
