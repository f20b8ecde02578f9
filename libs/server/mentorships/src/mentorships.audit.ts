import { defineAuditActions } from '@mentorship/audit';

/** What the mentorships context writes to the audit log. */
export const MentorshipsAudit = defineAuditActions({
  matchCreated: 'match.created',
});
