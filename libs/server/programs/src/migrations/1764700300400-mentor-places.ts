import { grantExecuteToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one rule for a mentor's places, as SQL functions every context's queries call (the
 * matching context's suggestions, requests and rounds, mentorships' accepts and approvals, the
 * roster's capacity), so it is written once:
 *
 * - `cohort_group_size(settings)`: mentees per place, the group size in a group program, else 1;
 * - `mentor_places(profile, settings)`: the profile's capacity, else the program's
 *   `defaultMentorCapacity`; none while the pause runs (a pause ending today is over); times the
 *   group size. `profile` may be a NULL row (a member without a profile has the defaults).
 *
 * `settings` are a program's settings (a cohort's snapshot once out of draft), as stored.
 */
export class MentorPlaces1764700300400 implements MigrationInterface {
  name = 'MentorPlaces1764700300400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION cohort_group_size(settings jsonb) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT CASE WHEN settings->>'kind' = 'group' THEN greatest(coalesce((settings->>'groupSize')::int, 1), 1) ELSE 1 END
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION mentor_places(profile profiles, settings jsonb) RETURNS int LANGUAGE sql STABLE PARALLEL SAFE AS $$
         SELECT CASE
                  WHEN coalesce(profile.paused AND (profile.pause_ends_on IS NULL OR profile.pause_ends_on > current_date), false)
                  THEN 0
                  ELSE coalesce(profile.mentor_capacity, (settings->>'defaultMentorCapacity')::int, 0) * cohort_group_size(settings)
                END
       $$`,
    );
    await queryRunner.query(grantExecuteToRuntime('cohort_group_size(jsonb)'));
    await queryRunner.query(grantExecuteToRuntime('mentor_places(profiles, jsonb)'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS mentor_places(profiles, jsonb)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS cohort_group_size(jsonb)`);
  }
}
