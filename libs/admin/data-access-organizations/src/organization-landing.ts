import type { OrganizationRole } from '@mentorship/contracts';

/** Roles that may open the members page (the API refuses the member list to everyone else). */
export const MEMBER_MANAGER_ROLES: readonly OrganizationRole[] = ['admin', 'coordinator'];

/** Roles that run programs, cohorts and the skills catalogue (as the API's own rule). */
export const PROGRAM_MANAGER_ROLES: readonly OrganizationRole[] = ['admin', 'coordinator'];

/** Roles that take part in cohorts and keep a mentoring profile. */
export const PARTICIPANT_ROLES_OF_ORG: readonly OrganizationRole[] = ['mentor', 'mentee'];

export function canManagePrograms(roles: readonly OrganizationRole[]): boolean {
  return roles.some((role) => PROGRAM_MANAGER_ROLES.includes(role));
}

export function takesPart(roles: readonly OrganizationRole[]): boolean {
  return roles.some((role) => PARTICIPANT_ROLES_OF_ORG.includes(role));
}

export function canSeeMembers(roles: readonly OrganizationRole[]): boolean {
  return roles.some((role) => MEMBER_MANAGER_ROLES.includes(role));
}

/**
 * The first page of an organization for someone holding `roles`: admins and coordinators
 * manage members; mentors and mentees get the organization's home page instead of a 403. One
 * scheduled for deletion opens on its home page, where its admins can restore it (the API
 * answers every other page of it with 404).
 */
export function organizationLanding(
  orgId: string,
  roles: readonly OrganizationRole[],
  scheduledForDeletion = false,
): string[] {
  return ['/orgs', orgId, canSeeMembers(roles) && !scheduledForDeletion ? 'members' : 'home'];
}
