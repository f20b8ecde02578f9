import { MATCH_ACTIONS, MATCH_ACTORS, MATCH_STATUSES } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A match's timeline: one row per transition (the state machine's actions), written in the
 * transition's own transaction. The match keeps the reason of its exit (declined, trial_declined,
 * ended) and when its status last changed.
 */
export class MatchTimeline1764600000100 implements MigrationInterface {
  name = 'MatchTimeline1764600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE matches
         ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now(),
         ADD COLUMN exit_reason text`,
      `CREATE TABLE match_events (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         match_id uuid NOT NULL,
         action text NOT NULL,
         from_status text NOT NULL,
         to_status text NOT NULL,
         -- Who acted, as which side; no person for the system (a deadline).
         actor_user_id uuid,
         actor text NOT NULL,
         reason text,
         occurred_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, id),
         FOREIGN KEY (organization_id, match_id) REFERENCES matches (organization_id, id) ON DELETE CASCADE,
         CONSTRAINT match_events_action_valid CHECK (action = ANY (${sqlTextArray(MATCH_ACTIONS)})),
         CONSTRAINT match_events_actor_valid CHECK (actor = ANY (${sqlTextArray(MATCH_ACTORS)})),
         CONSTRAINT match_events_from_valid CHECK (from_status = ANY (${sqlTextArray(MATCH_STATUSES)})),
         CONSTRAINT match_events_to_valid CHECK (to_status = ANY (${sqlTextArray(MATCH_STATUSES)}))
       )`,
      `CREATE INDEX match_events_match_idx ON match_events (organization_id, match_id, occurred_at)`,
      ...enableTenantRls('match_events'),
      grantToRuntime('match_events', ['SELECT', 'INSERT']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS match_events`);
    await queryRunner.query(
      `ALTER TABLE matches DROP COLUMN IF EXISTS status_changed_at, DROP COLUMN IF EXISTS exit_reason`,
    );
  }
}
