import { MATCH_STATUSES_HOLDING_A_PLACE } from '@mentorship/contracts';
import { grantExecuteToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `mentor_loads(organization, mentors, cohort)`: the places each mentor's matches hold, counted in
 * the seats of `cohort`, the one definition every check of a mentor's free places uses (accepts,
 * approvals, suggestions, the mentor's own page). A mentor's capacity is how many places they
 * give at once over all their cohorts; in a group program a place is a group of the program's
 * group size. So the matches of the cohort itself count one seat each, and each other cohort's
 * count as the places they fill (its mentees in groups of its size, rounded up) times this
 * cohort's group size. With one-to-one programs only it is the number of matches; a mentor of
 * capacity 2 with one group of 4 elsewhere has one place, hence one seat in a one-to-one cohort.
 * Matches hold a place while pending, in trial or active (re-create this function when that list
 * changes).
 */
export class MentorLoad1764700300450 implements MigrationInterface {
  name = 'MentorLoad1764700300450';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION mentor_loads(organization uuid, mentors uuid[], cohort uuid)
         RETURNS TABLE (mentor uuid, load int) LANGUAGE sql STABLE PARALLEL SAFE AS $$
         WITH here AS (
           SELECT cohort_group_size(coalesce(c.settings_snapshot, p.settings)) AS group_size
             FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
            WHERE c.organization_id = organization AND c.id = cohort
         ),
         held AS (
           SELECT m.mentor_user_id AS mentor, m.cohort_id, count(*) AS n,
                  cohort_group_size(coalesce(c.settings_snapshot, p.settings)) AS group_size
             FROM matches m
             JOIN cohorts c ON c.organization_id = m.organization_id AND c.id = m.cohort_id
             JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
            WHERE m.organization_id = organization AND m.mentor_user_id = ANY (mentors)
              AND m.status = ANY (${sqlTextArray(MATCH_STATUSES_HOLDING_A_PLACE)})
            GROUP BY m.mentor_user_id, m.cohort_id, c.settings_snapshot, p.settings
         )
         SELECT u.id, coalesce(sum(CASE WHEN held.cohort_id = cohort THEN held.n
                                        ELSE ceil(held.n::numeric / held.group_size)::int
                                             * coalesce((SELECT group_size FROM here), 1) END), 0)::int
           FROM unnest(mentors) AS u(id)
           LEFT JOIN held ON held.mentor = u.id
          GROUP BY u.id
       $$`,
    );
    await queryRunner.query(grantExecuteToRuntime('mentor_loads(uuid, uuid[], uuid)'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS mentor_loads(uuid, uuid[], uuid)`);
  }
}
