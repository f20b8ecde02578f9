import { defineAuditActions } from '@mentorship/audit';

/** What the organizations context writes to the audit log. */
export const OrganizationsAudit = defineAuditActions({
  organizationCreated: 'organization.created',
  organizationRenamed: 'organization.renamed',
  organizationDeletionScheduled: 'organization.deletion_scheduled',
  organizationRestored: 'organization.restored',
  /** In the system audit log: the organization's own log is erased with it. */
  organizationPurged: 'organization.purged',
  memberLeft: 'member.left',
  memberRolesChanged: 'member.roles_changed',
  memberRemoved: 'member.removed',
  invitationCreated: 'invitation.created',
  /** Many at once, for another context (a participant import): one row with every address. */
  invitationsCreated: 'invitation.created_in_bulk',
  invitationRevoked: 'invitation.revoked',
  invitationAccepted: 'invitation.accepted',
});
