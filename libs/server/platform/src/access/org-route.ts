import { applyDecorators } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { ApiErrorCodes } from '../http/api-error-responses';
import { OrgMember } from './access-policy';

type ErrorCodes = Partial<Record<number, readonly string[]>>;

/**
 * A route under `/orgs/:orgId` for members holding one of `roles` (`[]`: any member), with the
 * errors every such route answers documented once: 401 `unauthenticated`, 404
 * `organization_not_found` (another organization's id gives nothing away), and, for a route
 * limited to roles, 403 `forbidden_role`. `errors` adds the route's own codes to those.
 */
export function OrgRoute(roles: readonly OrganizationRole[], errors: ErrorCodes = {}): MethodDecorator {
  const forbidden = roles.length > 0 ? ['forbidden_role'] : [];
  const denied = [...forbidden, ...(errors[403] ?? [])];
  return applyDecorators(
    OrgMember(...roles),
    ApiErrorCodes({
      ...errors,
      401: ['unauthenticated', ...(errors[401] ?? [])],
      ...(denied.length > 0 ? { 403: denied } : {}),
      404: ['organization_not_found', ...(errors[404] ?? [])],
    }),
  );
}
