import { DECLINE_REASONS, MATCH_REQUEST_STATUSES } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Structured match requests (a mentee asks a mentor of the cohort) and the suggestion ledger:
 * which mentors each mentee is being shown, so a popular mentor is not shown to more mentees at
 * once than the program allows, whichever API replica answers.
 */
export class MatchRequests1764700100100 implements MigrationInterface {
  name = 'MatchRequests1764700100100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const member = (column: string) =>
      `FOREIGN KEY (organization_id, ${column}) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE`;
    const statements = [
      `CREATE TABLE match_requests (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         mentee_user_id uuid NOT NULL,
         mentor_user_id uuid NOT NULL,
         status text NOT NULL DEFAULT 'open',
         subject text NOT NULL,
         how_found text NOT NULL,
         want_to_learn text NOT NULL,
         specific_ask text NOT NULL,
         offer_back text NOT NULL,
         decline_reason text,
         decline_note text,
         suggested_mentor_user_id uuid,
         -- The match an accepted request made (mentorships owns it).
         match_id uuid,
         expires_at timestamptz NOT NULL,
         decided_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE,
         ${member('mentee_user_id')},
         ${member('mentor_user_id')},
         FOREIGN KEY (organization_id, suggested_mentor_user_id) REFERENCES memberships (organization_id, user_id) ON DELETE SET NULL (suggested_mentor_user_id),
         CONSTRAINT match_requests_status_valid CHECK (status = ANY (${sqlTextArray(MATCH_REQUEST_STATUSES)})),
         CONSTRAINT match_requests_reason_valid CHECK (decline_reason IS NULL OR decline_reason = ANY (${sqlTextArray(DECLINE_REASONS)})),
         CONSTRAINT match_requests_declined_with_reason CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
         CONSTRAINT match_requests_two_people CHECK (mentor_user_id <> mentee_user_id)
       )`,
      // One open request per mentee and mentor in a cohort: a double submit cannot make two.
      `CREATE UNIQUE INDEX match_requests_open_pair_key ON match_requests (organization_id, cohort_id, mentee_user_id, mentor_user_id)
         WHERE status = 'open'`,
      `CREATE INDEX match_requests_mentor_idx ON match_requests (organization_id, mentor_user_id, status, created_at)`,
      `CREATE INDEX match_requests_mentee_idx ON match_requests (organization_id, mentee_user_id, status, created_at)`,
      `CREATE INDEX match_requests_cohort_idx ON match_requests (organization_id, cohort_id, status)`,
      ...enableTenantRls('match_requests'),
      grantToRuntime('match_requests', ['SELECT', 'INSERT', 'UPDATE']),

      `CREATE TABLE suggestion_exposures (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         mentee_user_id uuid NOT NULL,
         mentor_user_id uuid NOT NULL,
         -- The mentor counts as shown to the mentee until then (or until the mentee's next list).
         shown_until timestamptz NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, mentee_user_id, mentor_user_id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE,
         ${member('mentee_user_id')},
         ${member('mentor_user_id')}
       )`,
      `CREATE INDEX suggestion_exposures_mentor_idx ON suggestion_exposures (organization_id, cohort_id, mentor_user_id, shown_until)`,
      ...enableTenantRls('suggestion_exposures'),
      grantToRuntime('suggestion_exposures', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['suggestion_exposures', 'match_requests'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
