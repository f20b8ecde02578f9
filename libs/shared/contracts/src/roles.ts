/** Roles a member can hold in an organization; a member may hold several. */
export const ORGANIZATION_ROLES = ['admin', 'coordinator', 'mentor', 'mentee'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
