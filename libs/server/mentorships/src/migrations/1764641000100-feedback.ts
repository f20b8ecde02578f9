import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback (issue 9.6): each side's pulse per period of the program's interval, each side's
 * success measures of the match, and the end-of-cohort survey (a 0-10 recommendation).
 */
export class Feedback1764641000100 implements MigrationInterface {
  name = 'Feedback1764641000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const match = `FOREIGN KEY (organization_id, match_id) REFERENCES matches (organization_id, id) ON DELETE CASCADE`;
    const statements = [
      `CREATE TABLE pulse_answers (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         side text NOT NULL,
         -- The period since the match began, of the program's pulseIntervalDays (0 first).
         period integer NOT NULL,
         rating smallint NOT NULL,
         comment text,
         answered_by uuid NOT NULL,
         answered_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id, side, period),
         ${match},
         CONSTRAINT pulse_answers_side_valid CHECK (side IN ('mentee', 'mentor')),
         CONSTRAINT pulse_answers_rating_valid CHECK (rating BETWEEN 1 AND 5)
       )`,
      `CREATE TABLE match_outcomes (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         side text NOT NULL,
         skills_gained jsonb NOT NULL,
         project_completed boolean NOT NULL,
         career_step boolean NOT NULL,
         network_grown boolean NOT NULL,
         reported_by uuid NOT NULL,
         reported_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id, side),
         ${match},
         CONSTRAINT match_outcomes_side_valid CHECK (side IN ('mentee', 'mentor'))
       )`,
      `CREATE TABLE cohort_survey_answers (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         user_id uuid NOT NULL,
         recommend smallint NOT NULL,
         comment text,
         answered_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, user_id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE,
         CONSTRAINT cohort_survey_answers_recommend_valid CHECK (recommend BETWEEN 0 AND 10)
       )`,
      ...enableTenantRls('pulse_answers'),
      ...enableTenantRls('match_outcomes'),
      ...enableTenantRls('cohort_survey_answers'),
      grantToRuntime('pulse_answers', ['SELECT', 'INSERT']),
      grantToRuntime('match_outcomes', ['SELECT', 'INSERT', 'UPDATE']),
      grantToRuntime('cohort_survey_answers', ['SELECT', 'INSERT']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['cohort_survey_answers', 'match_outcomes', 'pulse_answers'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
