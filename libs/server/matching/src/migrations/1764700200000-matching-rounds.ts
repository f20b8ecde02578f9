import {
  ROUND_MODES,
  ROUND_OBJECTIVES,
  ROUND_STATUSES,
  ROUND_STATUSES_IN_PROGRESS,
} from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk matching rounds and their draft proposals. A round's results (summary, unmatched mentees,
 * mentor load, diff, warm start) and its proposals are written in one transaction, so a round is
 * either without results or with all of them.
 */
export class MatchingRounds1764700200000 implements MigrationInterface {
  name = 'MatchingRounds1764700200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE matching_rounds (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         -- The round this one re-runs (its proposals are the diff's "before").
         previous_round_id uuid,
         status text NOT NULL,
         objective text NOT NULL,
         mode text NOT NULL,
         fixed_pairs jsonb NOT NULL DEFAULT '[]',
         forbidden_pairs jsonb NOT NULL DEFAULT '[]',
         phase text,
         percent smallint NOT NULL DEFAULT 0,
         failure_code text,
         failure_message text,
         matched_count integer,
         total_score numeric(12, 2),
         blocking_pairs integer,
         unmatched jsonb,
         mentor_load jsonb,
         diff jsonb,
         -- What the next exact solve of the same people starts from (engine WarmStart), any worker.
         warm_start jsonb,
         warm_started boolean NOT NULL DEFAULT false,
         attempts smallint NOT NULL DEFAULT 0,
         created_by uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         started_at timestamptz,
         completed_at timestamptz,
         published_at timestamptz,
         published_by uuid,
         PRIMARY KEY (organization_id, id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id),
         FOREIGN KEY (organization_id, previous_round_id) REFERENCES matching_rounds (organization_id, id),
         CONSTRAINT matching_rounds_status_valid CHECK (status = ANY (${sqlTextArray(ROUND_STATUSES)})),
         CONSTRAINT matching_rounds_objective_valid CHECK (objective = ANY (${sqlTextArray(ROUND_OBJECTIVES)})),
         CONSTRAINT matching_rounds_mode_valid CHECK (mode = ANY (${sqlTextArray(ROUND_MODES)})),
         CONSTRAINT matching_rounds_percent_valid CHECK (percent BETWEEN 0 AND 100)
       )`,
      // One round of a cohort at a time: a second start while one is queued or running is a 409.
      `CREATE UNIQUE INDEX matching_rounds_one_in_progress_key ON matching_rounds (organization_id, cohort_id)
         WHERE status = ANY (${sqlTextArray(ROUND_STATUSES_IN_PROGRESS)})`,
      `CREATE INDEX matching_rounds_cohort_idx ON matching_rounds (organization_id, cohort_id, created_at)`,
      ...enableTenantRls('matching_rounds'),
      grantToRuntime('matching_rounds', ['SELECT', 'INSERT', 'UPDATE']),

      `CREATE TABLE round_proposals (
         organization_id uuid NOT NULL,
         round_id uuid NOT NULL,
         mentee_user_id uuid NOT NULL,
         mentor_user_id uuid NOT NULL,
         score numeric(5, 2) NOT NULL,
         fixed boolean NOT NULL,
         -- Group programs: the mentor's group the mentee joins (1, 2, ...).
         group_number smallint,
         components jsonb NOT NULL,
         -- One proposal per mentee and round: saving a round twice cannot make two sets.
         PRIMARY KEY (organization_id, round_id, mentee_user_id),
         FOREIGN KEY (organization_id, round_id) REFERENCES matching_rounds (organization_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX round_proposals_mentor_idx ON round_proposals (organization_id, round_id, mentor_user_id)`,
      ...enableTenantRls('round_proposals'),
      grantToRuntime('round_proposals', ['SELECT', 'INSERT', 'DELETE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['round_proposals', 'matching_rounds'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
