import type { OrganizationRole } from '@mentorship/contracts';

const LABELS: Record<OrganizationRole, string> = {
  admin: 'Admin',
  coordinator: 'Coordinator',
  mentor: 'Mentor',
  mentee: 'Mentee',
};

export function roleLabel(role: OrganizationRole): string {
  return LABELS[role];
}
