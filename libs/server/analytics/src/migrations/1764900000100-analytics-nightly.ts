import { enableTenantRls, grantExecuteToRuntime, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nightly rollup's claims: one row per organization and day, taken by the tick that enqueues
 * that night's job, so however many ticks and workers see the night, it is rolled up once.
 * `analytics_nights_due(at)` names, for every organization, the last day whose night is over at
 * `at` in its zone (the day before the last 04:00 there: late enough that no zone's daylight-saving
 * change skips or repeats it). The tick claims each; a claim taken already is a night done.
 *
 * The removal trigger also counts a match that began in trial or active (a round's) as taking
 * part, and an index serves reading a range of days' check-ins (the mentorships context reads
 * them by match).
 */
/** A night is over at 04:00 in the organization's zone. */
export const NIGHT_ENDS_AT_HOUR = 4;

export class AnalyticsNightly1764900000100 implements MigrationInterface {
  name = 'AnalyticsNightly1764900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE analytics_nightly_runs (
         organization_id uuid NOT NULL,
         day date NOT NULL,
         claimed_at timestamptz NOT NULL,
         finished_at timestamptz,
         runs integer NOT NULL DEFAULT 0,
         PRIMARY KEY (organization_id, day),
         FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
       )`,
      ...enableTenantRls('analytics_nightly_runs'),
      grantToRuntime('analytics_nightly_runs', ['SELECT', 'INSERT', 'UPDATE']),
      `CREATE INDEX check_ins_held_on_idx ON check_ins (organization_id, held_on, match_id)`,
      `DROP FUNCTION analytics_organizations_at_hour(timestamptz, int)`,
      `CREATE FUNCTION analytics_nights_due(at timestamptz)
         RETURNS TABLE (organization_id uuid, day date)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT o.id, (((at - interval '${NIGHT_ENDS_AT_HOUR} hours') AT TIME ZONE coalesce(s.time_zone, 'UTC'))::date - 1)
           FROM organizations o
           LEFT JOIN analytics_settings s ON s.organization_id = o.id
          WHERE o.purge_after IS NULL
          ORDER BY o.id
       $$`,
      `REVOKE EXECUTE ON FUNCTION analytics_nights_due(timestamptz) FROM PUBLIC`,
      grantExecuteToRuntime('analytics_nights_due(timestamptz)'),
      `CREATE OR REPLACE FUNCTION analytics_tenure_left() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE analytics_member_tenures t
            SET left_at = now(),
                first_mentorship_at = (
                  SELECT min(began) FROM (
                    SELECT e.occurred_at AS began FROM match_events e
                      JOIN matches m ON m.organization_id = e.organization_id AND m.id = e.match_id
                     WHERE m.organization_id = OLD.organization_id
                       AND OLD.user_id IN (m.mentor_user_id, m.mentee_user_id)
                       AND e.to_status IN ('trial', 'active')
                    UNION ALL
                    SELECT m.created_at FROM matches m
                     WHERE m.organization_id = OLD.organization_id
                       AND OLD.user_id IN (m.mentor_user_id, m.mentee_user_id)
                       AND coalesce((SELECT e.from_status FROM match_events e
                                      WHERE e.organization_id = m.organization_id AND e.match_id = m.id
                                      ORDER BY e.occurred_at, e.id LIMIT 1), m.status) IN ('trial', 'active')
                  ) began)
          WHERE t.organization_id = OLD.organization_id AND t.user_id = OLD.user_id;
         RETURN OLD;
       END $$`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS analytics_nights_due(timestamptz)`);
    await queryRunner.query(`DROP INDEX IF EXISTS check_ins_held_on_idx`);
    await queryRunner.query(`DROP TABLE IF EXISTS analytics_nightly_runs`);
  }
}
