import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trial: when it ends, each side's "continue?" answer, the nudges sent (one per kind, so a
 * deadline firing twice nudges once), and the re-match queue a declined trial puts its mentee in.
 */
export class Trials1764600000200 implements MigrationInterface {
  name = 'Trials1764600000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE matches ADD COLUMN trial_ends_at timestamptz`,
      `CREATE TABLE trial_answers (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         side text NOT NULL,
         continues boolean NOT NULL,
         -- Null when the program's default answered for a side that did not.
         rating smallint,
         -- For coordinators only.
         private_note text,
         -- The side, a coordinator deciding for them, or null for the program's default.
         answered_by uuid,
         answered_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id, side),
         FOREIGN KEY (organization_id, match_id) REFERENCES matches (organization_id, id) ON DELETE CASCADE,
         CONSTRAINT trial_answers_side_valid CHECK (side IN ('mentee', 'mentor')),
         CONSTRAINT trial_answers_rating_valid CHECK (rating BETWEEN 1 AND 5)
       )`,
      `CREATE TABLE trial_nudges (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         kind text NOT NULL,
         sent_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id, kind),
         FOREIGN KEY (organization_id, match_id) REFERENCES matches (organization_id, id) ON DELETE CASCADE
       )`,
      // Mentees whose trial was declined: matched again ahead of new mentees, never with that mentor.
      `CREATE TABLE rematch_queue (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         mentee_user_id uuid NOT NULL,
         excluded_mentor_user_id uuid NOT NULL,
         queued_at timestamptz NOT NULL,
         -- Set by matching when the mentee has a new match.
         rematched_at timestamptz,
         PRIMARY KEY (organization_id, match_id),
         FOREIGN KEY (organization_id, match_id) REFERENCES matches (organization_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX rematch_queue_cohort_idx ON rematch_queue (organization_id, cohort_id, queued_at)
         WHERE rematched_at IS NULL`,
      ...enableTenantRls('trial_answers'),
      ...enableTenantRls('trial_nudges'),
      ...enableTenantRls('rematch_queue'),
      grantToRuntime('trial_answers', ['SELECT', 'INSERT']),
      grantToRuntime('trial_nudges', ['SELECT', 'INSERT']),
      grantToRuntime('rematch_queue', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rematch_queue', 'trial_nudges', 'trial_answers'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    await queryRunner.query(`ALTER TABLE matches DROP COLUMN IF EXISTS trial_ends_at`);
  }
}
