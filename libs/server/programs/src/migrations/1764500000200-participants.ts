import { PARTICIPANT_ROLES, PARTICIPANT_SOURCES, PARTICIPANT_STATUSES } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people of a cohort, as mentor or mentee. A participant is known by address: someone
 * invited before they join the organization has no membership yet (user_id null) and may carry
 * the profile an import gave them, applied when they accept.
 */
export class Participants1764500000200 implements MigrationInterface {
  name = 'Participants1764500000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE cohort_participants (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         email text NOT NULL,
         user_id uuid,
         name text,
         role text NOT NULL,
         status text NOT NULL,
         source text NOT NULL,
         motivation text,
         pending_profile jsonb,
         invited_by uuid,
         decided_by uuid,
         decided_at timestamptz,
         enrolled_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id),
         -- A person who leaves the organization leaves its cohorts.
         FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE,
         CONSTRAINT cohort_participants_role_valid CHECK (role = ANY (${sqlTextArray(PARTICIPANT_ROLES)})),
         CONSTRAINT cohort_participants_status_valid CHECK (status = ANY (${sqlTextArray(PARTICIPANT_STATUSES)})),
         CONSTRAINT cohort_participants_source_valid CHECK (source = ANY (${sqlTextArray(PARTICIPANT_SOURCES)})),
         CONSTRAINT cohort_participants_enrolled_at CHECK ((status = 'enrolled') = (enrolled_at IS NOT NULL) OR status = 'withdrawn')
       )`,
      // One place per person and cohort.
      `CREATE UNIQUE INDEX cohort_participants_email_key ON cohort_participants (organization_id, cohort_id, email)`,
      // The roster by role and status, and the waitlist in order of enrollment.
      `CREATE INDEX cohort_participants_roster_idx
         ON cohort_participants (organization_id, cohort_id, role, status, enrolled_at, id)`,
      // A person's own cohorts.
      `CREATE INDEX cohort_participants_person_idx ON cohort_participants (organization_id, email)`,
      ...enableTenantRls('cohort_participants'),
      grantToRuntime('cohort_participants', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS cohort_participants`);
  }
}
