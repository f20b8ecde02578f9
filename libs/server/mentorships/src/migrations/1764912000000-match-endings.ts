import { MATCH_END_REASONS } from '@mentorship/contracts';
import { enableTenantRls, grantExecuteToRuntime, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How matches end (issue 9, point 8):
 * - a match outlives the membership of its people: removing a member used to delete their
 *   matches (and the other side's timeline, agreement, map and check-ins) by cascade; now the
 *   member's matches end with `member_left` in the removal's transaction and the rows stay. The
 *   person columns reference the user instead (users are never deleted), so an id still names a
 *   real person;
 * - the reason code of an ending (`matches.exit_reason_code`, each step's `match_events.reason_code`);
 * - the exit survey each side answers after the end;
 * - `cohorts_with_open_matches_ended_by(day)`: the one read across organizations the cohort-end
 *   schedule needs (cohorts past their last day, or closed, with open matches; ids only, run as
 *   the owner, like `organizations_due_for_purge`).
 */
export class MatchEndings1764912000000 implements MigrationInterface {
  name = 'MatchEndings1764912000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DO $$ DECLARE fk record; BEGIN
         FOR fk IN SELECT conname FROM pg_constraint
                    WHERE conrelid = 'matches'::regclass AND confrelid = 'memberships'::regclass AND contype = 'f'
         LOOP EXECUTE format('ALTER TABLE matches DROP CONSTRAINT %I', fk.conname); END LOOP;
       END $$`,
      `ALTER TABLE matches ADD CONSTRAINT matches_mentor_user_fkey FOREIGN KEY (mentor_user_id) REFERENCES users (id)`,
      `ALTER TABLE matches ADD CONSTRAINT matches_mentee_user_fkey FOREIGN KEY (mentee_user_id) REFERENCES users (id)`,
      `ALTER TABLE matches ADD COLUMN exit_reason_code text
         CONSTRAINT matches_exit_reason_code_valid CHECK (exit_reason_code = ANY (${sqlTextArray(MATCH_END_REASONS)}))`,
      `ALTER TABLE match_events ADD COLUMN reason_code text
         CONSTRAINT match_events_reason_code_valid CHECK (reason_code = ANY (${sqlTextArray(MATCH_END_REASONS)}))`,
      `CREATE TABLE exit_surveys (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         side text NOT NULL,
         rating smallint NOT NULL,
         what_worked text,
         what_to_change text,
         answered_by uuid NOT NULL,
         answered_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id, side),
         FOREIGN KEY (organization_id, match_id) REFERENCES matches (organization_id, id) ON DELETE CASCADE,
         CONSTRAINT exit_surveys_side_valid CHECK (side IN ('mentee', 'mentor')),
         CONSTRAINT exit_surveys_rating_valid CHECK (rating BETWEEN 1 AND 5)
       )`,
      ...enableTenantRls('exit_surveys'),
      grantToRuntime('exit_surveys', ['SELECT', 'INSERT']),
      // Row security binds the owner too (FORCE): the scan below, run as the owner, reads cohorts
      // and matches across tenants through these policies, which name the owner only.
      `DO $$ BEGIN
         EXECUTE format('CREATE POLICY cohort_end_scan ON cohorts FOR SELECT TO %I USING (true)', current_user);
         EXECUTE format('CREATE POLICY cohort_end_scan ON matches FOR SELECT TO %I USING (true)', current_user);
       END $$`,
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
      `REVOKE EXECUTE ON FUNCTION cohorts_with_open_matches_ended_by(date) FROM PUBLIC`,
      grantExecuteToRuntime('cohorts_with_open_matches_ended_by(date)'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS cohorts_with_open_matches_ended_by(date)`);
    await queryRunner.query(`DROP POLICY IF EXISTS cohort_end_scan ON matches`);
    await queryRunner.query(`DROP POLICY IF EXISTS cohort_end_scan ON cohorts`);
    await queryRunner.query(`DROP TABLE IF EXISTS exit_surveys`);
    await queryRunner.query(`ALTER TABLE match_events DROP COLUMN IF EXISTS reason_code`);
    await queryRunner.query(`ALTER TABLE matches DROP COLUMN IF EXISTS exit_reason_code`);
    await queryRunner.query(`ALTER TABLE matches DROP CONSTRAINT IF EXISTS matches_mentor_user_fkey`);
    await queryRunner.query(`ALTER TABLE matches DROP CONSTRAINT IF EXISTS matches_mentee_user_fkey`);
    for (const column of ['mentor_user_id', 'mentee_user_id'])
      await queryRunner.query(
        `ALTER TABLE matches ADD FOREIGN KEY (organization_id, ${column})
           REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE`,
      );
  }
}
