import { enableTenantRls, grantExecuteToRuntime, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The end-of-cohort survey's invitation: once a cohort is closed, its enrolled mentors and mentees
 * are told the survey is open, once per cohort (`cohort_survey_invitations` records that it was
 * done). The cohort-end schedule's read across organizations becomes `cohorts_to_end_by(day)`:
 * cohorts past their last day or closed that still have open matches (as before), and closed
 * cohorts whose participants were not invited yet (a closed cohort may have no open match left).
 * Cohorts already closed when it runs are recorded as invited, so none is told years late.
 */
export class CohortSurveyInvitations1765100000000 implements MigrationInterface {
  name = 'CohortSurveyInvitations1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE cohort_survey_invitations (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         invited_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, cohort_id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE
       )`,
      // Cohorts closed before this migration count as invited: their survey is long past, and the
      // schedule's first scan would otherwise tell every one of them it is open. Written before
      // the table's row-level security; the owner reads every cohort through \`cohort_end_scan\`.
      `INSERT INTO cohort_survey_invitations (organization_id, cohort_id, invited_at)
         SELECT organization_id, id, now() FROM cohorts WHERE status = 'closed'`,
      ...enableTenantRls('cohort_survey_invitations'),
      grantToRuntime('cohort_survey_invitations', ['SELECT', 'INSERT']),
      // The schedule's function runs as the owner, which reads across tenants by these policies only.
      `DO $$ BEGIN
         EXECUTE format('CREATE POLICY cohort_end_scan ON cohort_survey_invitations FOR SELECT TO %I USING (true)', current_user);
       END $$`,
      `DROP FUNCTION cohorts_with_open_matches_ended_by(date)`,
      `CREATE FUNCTION cohorts_to_end_by(day date)
         RETURNS TABLE (organization_id uuid, cohort_id uuid) LANGUAGE sql
         STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT c.organization_id, c.id FROM cohorts c
          WHERE ((c.ends_on < day OR c.status = 'closed')
                 AND EXISTS (SELECT 1 FROM matches m
                              WHERE m.organization_id = c.organization_id AND m.cohort_id = c.id
                                AND m.status IN ('proposed', 'pending', 'trial', 'active')))
             OR (c.status = 'closed'
                 AND NOT EXISTS (SELECT 1 FROM cohort_survey_invitations i
                                  WHERE i.organization_id = c.organization_id AND i.cohort_id = c.id))
          ORDER BY c.ends_on, c.organization_id, c.id
       $$`,
      `REVOKE EXECUTE ON FUNCTION cohorts_to_end_by(date) FROM PUBLIC`,
      grantExecuteToRuntime('cohorts_to_end_by(date)'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS cohorts_to_end_by(date)`);
    await queryRunner.query(`DROP TABLE IF EXISTS cohort_survey_invitations`);
    await queryRunner.query(
      `CREATE FUNCTION cohorts_with_open_matches_ended_by(day date)
         RETURNS TABLE (organization_id uuid, cohort_id uuid) LANGUAGE sql
         STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT c.organization_id, c.id FROM cohorts c
          WHERE (c.ends_on < day OR c.status = 'closed')
            AND EXISTS (SELECT 1 FROM matches m
                         WHERE m.organization_id = c.organization_id AND m.cohort_id = c.id
                           AND m.status IN ('proposed', 'pending', 'trial', 'active'))
          ORDER BY c.ends_on, c.organization_id, c.id
       $$`,
    );
    await queryRunner.query(
      `REVOKE EXECUTE ON FUNCTION cohorts_with_open_matches_ended_by(date) FROM PUBLIC`,
    );
    await queryRunner.query(grantExecuteToRuntime('cohorts_with_open_matches_ended_by(date)'));
  }
}
