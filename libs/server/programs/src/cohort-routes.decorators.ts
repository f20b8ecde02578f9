// Decorators the cohort controllers share: the OpenAPI tag, bearer token, role check and error codes.
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiErrorCodes, OrgMember } from '@mentorship/platform';

type ErrorCodes = Parameters<typeof ApiErrorCodes>[0];

/** What no route under a cohort finds: the organization (not the caller's), the cohort. */
export const COHORT_NOT_FOUND = ['organization_not_found', 'cohort_not_found'] as const;

/**
 * A controller of routes under `/orgs/:orgId/cohorts/:cohortId`: its OpenAPI tag, the bearer
 * token, and the errors every one of its routes can answer.
 */
export const CohortRoutes = (tag: string) =>
  applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(),
    ApiErrorCodes({ 401: ['unauthenticated'], 404: COHORT_NOT_FOUND }),
  );

/**
 * A route that coordinators and admins run on a cohort: the role check and its 403, with the
 * route's own error codes (a 404 given here replaces the controller's, so it names those too).
 */
export const CohortManagers = (codes: ErrorCodes = {}) =>
  applyDecorators(OrgMember('admin', 'coordinator'), ApiErrorCodes({ 403: ['forbidden_role'], ...codes }));
