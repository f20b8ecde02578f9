import { defineAuditActions } from '@mentorship/audit';

/** What the mentorships context writes to the audit log. */
export const MentorshipsAudit = defineAuditActions({
  matchCreated: 'match.created',
  /** A step of the state machine (details: action, from, to, actor; never the reason). */
  matchTransitioned: 'match.transitioned',
});
