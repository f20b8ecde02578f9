import { defineAuditActions } from '@mentorship/audit';

/** What the analytics context writes to the audit log. */
export const AnalyticsAudit = defineAuditActions({
  /** The zone the organization's analytics days follow (details: from, to). */
  timeZoneSet: 'analytics.time_zone_set',
  /** An admin asked for a range of days to be rolled up again (details: from, to). */
  rerunRequested: 'analytics.rerun_requested',
});
