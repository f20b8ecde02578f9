import { defineAuditActions } from '@mentorship/audit';

/** What the matching context writes to the audit log. */
export const MatchingAudit = defineAuditActions({});
