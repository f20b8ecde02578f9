import { defineAuditActions } from '@mentorship/audit';

/** What the organizations context writes to the audit log. */
export const OrganizationsAudit = defineAuditActions({
  organizationCreated: 'organization.created',
  organizationRenamed: 'organization.renamed',
  memberLeft: 'member.left',
  memberRolesChanged: 'member.roles_changed',
  memberRemoved: 'member.removed',
  invitationCreated: 'invitation.created',
  /** Many at once, for another context (a participant import): one row with every address. */
  invitationsCreated: 'invitation.created_in_bulk',
  invitationRevoked: 'invitation.revoked',
  invitationAccepted: 'invitation.accepted',
});
