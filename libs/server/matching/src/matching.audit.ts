import { defineAuditActions } from '@mentorship/audit';

/** What the matching context writes to the audit log. */
export const MatchingAudit = defineAuditActions({
  roundStarted: 'matching_round.started',
  roundRerun: 'matching_round.rerun',
  roundPublished: 'matching_round.published',
});
