import { defineAuditActions } from '@mentorship/audit';

/** What the matching context writes to the audit log. */
export const MatchingAudit = defineAuditActions({
  matchRequestSent: 'match_request.sent',
  matchRequestAccepted: 'match_request.accepted',
  matchRequestDeclined: 'match_request.declined',
  matchRequestWithdrawn: 'match_request.withdrawn',
  matchRequestExpired: 'match_request.expired',
  roundStarted: 'matching_round.started',
  roundRerun: 'matching_round.rerun',
  roundPublished: 'matching_round.published',
});
