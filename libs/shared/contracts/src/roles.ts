/** Roles a member can hold in an organization; a member may hold several. */
export const ORGANIZATION_ROLES = ['admin', 'coordinator', 'mentor', 'mentee'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/**
 * The roles someone holding `roles` may offer in an invitation: admins any role; coordinators,
 * who run cohorts and bring people in, mentors and mentees only (never admin or coordinator);
 * others none. Role changes and removal stay with admins.
 */
export function invitableRoles(roles: readonly OrganizationRole[]): OrganizationRole[] {
  if (roles.includes('admin')) return [...ORGANIZATION_ROLES];
  if (roles.includes('coordinator')) return ['mentor', 'mentee'];
  return [];
}
