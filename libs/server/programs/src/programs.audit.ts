import { defineAuditActions } from '@mentorship/audit';

/** What the programs context writes to the audit log. */
export const ProgramsAudit = defineAuditActions({
  programCreated: 'program.created',
  programUpdated: 'program.updated',
  cohortCreated: 'cohort.created',
  cohortUpdated: 'cohort.updated',
  cohortStatusChanged: 'cohort.status_changed',
  participantInvited: 'participant.invited',
  participantApplied: 'participant.applied',
  participantApproved: 'participant.approved',
  participantRejected: 'participant.rejected',
  participantAccepted: 'participant.accepted',
  participantDeclined: 'participant.declined',
  participantWithdrew: 'participant.withdrew',
  participantRemoved: 'participant.removed',
  importValidated: 'participant_import.validated',
  importCommitted: 'participant_import.committed',
  importDiscarded: 'participant_import.discarded',
  importCompleted: 'participant_import.completed',
  importFailed: 'participant_import.failed',
});
