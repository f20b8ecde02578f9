/**
 * The notification kinds the program of a cohort's row (a match, a match request) turned off, as
 * SQL giving a jsonb array: its live settings, not the cohort's snapshot, so a change applies to
 * what is still to be delivered. `table` has `organization_id` and `cohort_id`; `row` is the SQL
 * that picks the row: `$1` and `$2` in a repository, a notification's `n.organization_id` and
 * `n.subject_id` in the delivery's one statement.
 */
export function disabledNotificationKindsSql(
  table: string,
  row: { organizationId: string; id: string },
): string {
  return `SELECT p.settings->'disabledNotificationKinds'
     FROM ${table} s
     JOIN cohorts c ON c.organization_id = s.organization_id AND c.id = s.cohort_id
     JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
    WHERE s.organization_id = ${row.organizationId} AND s.id = ${row.id}`;
}
