import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { accessPolicyOf, AuthenticatedUser, isOrgPolicy, setTenantOfRequest } from '@mentorship/platform';
import { from, lastValueFrom, Observable } from 'rxjs';
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
 * On every tenant route (its policy decorator installs `TenantRouteInterceptor`, which hands
 * the request here), after the authentication guard. It enters the route's
 * organization for the caller (`OrganizationAccessService`: membership, roles, the request's
 * one transaction) and runs the handler there. The membership read and the handler share the
 * transaction, so a request costs one BEGIN/COMMIT, not two. Body validation runs later (pipes
 * run inside the handler call), so a non-member learns nothing from validation errors either.
 */
@Injectable()
export class OrganizationAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: OrganizationAccessService,
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

    return from(
      this.access.enter(
        organizationId.toLowerCase(),
        user,
        policy,
        () => lastValueFrom(next.handle(), { defaultValue: undefined }),
        (tenant) => setTenantOfRequest(request, tenant),
        { duringScheduledDeletion: isOpenDuringScheduledDeletion(this.reflector, context) },
      ),
    );
  }
}
