import { enableTenantRls, grantExecuteToRuntime, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analytics (issue 11): daily fact tables per organization, written only by the rollup jobs
 * (idempotent upserts: a day rolled up twice gives the same rows) and read only by the
 * dashboard. Every table is a tenant table; a day is a day of the organization's time zone.
 *
 * - `analytics_settings`: the organization's time zone for its days and its nightly rollup
 *   (UTC until an admin sets it; organizations have no zone of their own yet).
 * - `analytics_cohort_days`: one row per cohort and day: counts of that day's events and the
 *   levels at its end (active matches, places offered and used).
 * - `analytics_time_to_match_days`: how many matches were accepted that day after how many whole
 *   days of waiting (a histogram, so the median and p90 of any range are exact at day resolution).
 * - `analytics_utilization_days`: mentors of a cohort at the day's end by tenths of their places used.
 * - `analytics_exit_days`: matches that ended or whose trial was declined that day, by who or what
 *   ended them (the reasons themselves are free text, private to coordinators: never copied here).
 * - `analytics_retention`: per cohort and start day, mentees whose first match began that day and
 *   how many still held a running or completed match 30, 90 and 180 days later.
 * - `analytics_membership_outcomes`: per join day, members who took part in a mentorship within
 *   6 or 12 months and those who did not, and how many of each were still members then.
 * - `analytics_member_tenures`: when each member joined and left. Memberships are deleted when a
 *   person leaves (and their matches with them), so triggers keep this record: the join, and at
 *   the removal (before the cascade) the leaving time and when they first took part.
 * - `analytics_rollup_runs`: the re-runs admins asked for (a date range), and their progress.
 */
export class AnalyticsRollups1764900000000 implements MigrationInterface {
  name = 'AnalyticsRollups1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const organization = `FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE`;
    const cohort = `FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE`;
    const statements = [
      `CREATE TABLE analytics_settings (
         organization_id uuid NOT NULL PRIMARY KEY,
         time_zone text NOT NULL DEFAULT 'UTC',
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${organization}
       )`,
      `CREATE TABLE analytics_cohort_days (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         day date NOT NULL,
         program_id uuid NOT NULL,
         -- Levels at the end of the day.
         active_matches integer NOT NULL,
         trial_matches integer NOT NULL,
         places_offered integer NOT NULL,
         places_used integer NOT NULL,
         -- The day's events.
         new_matches integer NOT NULL,
         matches_accepted integer NOT NULL,
         trials_started integer NOT NULL,
         trials_converted integer NOT NULL,
         trials_declined integer NOT NULL,
         matches_activated integer NOT NULL,
         matches_completed integer NOT NULL,
         matches_ended integer NOT NULL,
         requests_sent integer NOT NULL,
         requests_accepted integer NOT NULL,
         requests_declined integer NOT NULL,
         requests_expired integer NOT NULL,
         check_ins integer NOT NULL,
         milestones_completed integer NOT NULL,
         pulse_answers integer NOT NULL,
         pulse_rating_sum integer NOT NULL,
         nps_promoters integer NOT NULL,
         nps_passives integer NOT NULL,
         nps_detractors integer NOT NULL,
         rolled_up_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, day),
         ${cohort}
       )`,
      `CREATE INDEX analytics_cohort_days_day_idx ON analytics_cohort_days (organization_id, day, program_id)`,
      `CREATE TABLE analytics_time_to_match_days (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         day date NOT NULL,
         days_to_match integer NOT NULL,
         program_id uuid NOT NULL,
         matches integer NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, day, days_to_match),
         ${cohort}
       )`,
      `CREATE TABLE analytics_utilization_days (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         day date NOT NULL,
         -- Tenths of the places used: 0 (none) .. 10 (all or more).
         bucket smallint NOT NULL,
         program_id uuid NOT NULL,
         mentors integer NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, day, bucket),
         ${cohort},
         CONSTRAINT analytics_utilization_bucket_valid CHECK (bucket BETWEEN 0 AND 10)
       )`,
      `CREATE TABLE analytics_exit_days (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         day date NOT NULL,
         exit text NOT NULL,
         ended_by text NOT NULL,
         program_id uuid NOT NULL,
         matches integer NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, day, exit, ended_by),
         ${cohort},
         CONSTRAINT analytics_exit_valid CHECK (exit IN ('ended', 'trial_declined'))
       )`,
      `CREATE TABLE analytics_retention (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         start_day date NOT NULL,
         horizon_days smallint NOT NULL,
         program_id uuid NOT NULL,
         started integer NOT NULL,
         retained integer NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, start_day, horizon_days),
         ${cohort},
         CONSTRAINT analytics_retention_horizon_valid CHECK (horizon_days IN (30, 90, 180))
       )`,
      `CREATE TABLE analytics_membership_outcomes (
         organization_id uuid NOT NULL,
         joined_day date NOT NULL,
         horizon_months smallint NOT NULL,
         participant boolean NOT NULL,
         members integer NOT NULL,
         still_members integer NOT NULL,
         PRIMARY KEY (organization_id, joined_day, horizon_months, participant),
         ${organization},
         CONSTRAINT analytics_membership_horizon_valid CHECK (horizon_months IN (6, 12))
       )`,
      `CREATE TABLE analytics_member_tenures (
         organization_id uuid NOT NULL,
         user_id uuid NOT NULL,
         joined_at timestamptz NOT NULL,
         left_at timestamptz,
         -- Kept at the removal, when the person's matches go with the membership.
         first_mentorship_at timestamptz,
         PRIMARY KEY (organization_id, user_id),
         ${organization}
       )`,
      `CREATE TABLE analytics_rollup_runs (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         from_day date NOT NULL,
         to_day date NOT NULL,
         status text NOT NULL,
         requested_by uuid,
         requested_at timestamptz NOT NULL,
         finished_at timestamptz,
         PRIMARY KEY (organization_id, id),
         ${organization},
         CONSTRAINT analytics_rollup_runs_range_valid CHECK (from_day <= to_day),
         CONSTRAINT analytics_rollup_runs_status_valid CHECK (status IN ('queued', 'done'))
       )`,
      // The join, and a rejoin (a new tenure: the earlier leaving is forgotten).
      `CREATE FUNCTION analytics_tenure_joined() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO analytics_member_tenures (organization_id, user_id, joined_at)
         VALUES (NEW.organization_id, NEW.user_id, NEW.created_at)
         ON CONFLICT (organization_id, user_id)
           DO UPDATE SET joined_at = EXCLUDED.joined_at, left_at = NULL, first_mentorship_at = NULL;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER memberships_analytics_tenure_joined AFTER INSERT ON memberships
         FOR EACH ROW EXECUTE FUNCTION analytics_tenure_joined()`,
      // BEFORE the delete: the cascade has not taken the person's matches yet.
      `CREATE FUNCTION analytics_tenure_left() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE analytics_member_tenures t
            SET left_at = now(),
                first_mentorship_at = (
                  SELECT min(e.occurred_at) FROM match_events e
                    JOIN matches m ON m.organization_id = e.organization_id AND m.id = e.match_id
                   WHERE m.organization_id = OLD.organization_id
                     AND OLD.user_id IN (m.mentor_user_id, m.mentee_user_id)
                     AND e.to_status IN ('trial', 'active'))
          WHERE t.organization_id = OLD.organization_id AND t.user_id = OLD.user_id;
         RETURN OLD;
       END $$`,
      `CREATE TRIGGER memberships_analytics_tenure_left BEFORE DELETE ON memberships
         FOR EACH ROW EXECUTE FUNCTION analytics_tenure_left()`,
      // The members there already (row security binds the owner too: lifted for this statement).
      `ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE analytics_member_tenures NO FORCE ROW LEVEL SECURITY`,
      `INSERT INTO analytics_member_tenures (organization_id, user_id, joined_at)
         SELECT organization_id, user_id, created_at FROM memberships`,
      ...[
        'analytics_settings',
        'analytics_cohort_days',
        'analytics_time_to_match_days',
        'analytics_utilization_days',
        'analytics_exit_days',
        'analytics_retention',
        'analytics_membership_outcomes',
        'analytics_member_tenures',
        'analytics_rollup_runs',
      ].flatMap((table) => enableTenantRls(table)),
      `ALTER TABLE memberships FORCE ROW LEVEL SECURITY`,
      // The nightly tick reads every organization's zone, with no tenant set (as the purge does).
      `DO $$ BEGIN
         EXECUTE format('CREATE POLICY rollup_scan ON analytics_settings FOR SELECT TO %I USING (true)', current_user);
       END $$`,
      grantToRuntime('analytics_settings', ['SELECT', 'INSERT', 'UPDATE']),
      ...[
        'analytics_cohort_days',
        'analytics_time_to_match_days',
        'analytics_utilization_days',
        'analytics_exit_days',
        'analytics_retention',
        'analytics_membership_outcomes',
      ].map((table) => grantToRuntime(table, ['SELECT', 'INSERT', 'UPDATE', 'DELETE'])),
      grantToRuntime('analytics_member_tenures', ['SELECT', 'INSERT', 'UPDATE']),
      grantToRuntime('analytics_rollup_runs', ['SELECT', 'INSERT', 'UPDATE']),
      /**
       * The one read across organizations: which are at their nightly hour at `at`, and the day
       * that just ended there. Runs as the owner and returns ids, zones and days only.
       */
      `CREATE FUNCTION analytics_organizations_at_hour(at timestamptz, local_hour int)
         RETURNS TABLE (organization_id uuid, time_zone text, day date)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT o.id, z.zone, ((at AT TIME ZONE z.zone)::date - 1)
           FROM organizations o
           LEFT JOIN analytics_settings s ON s.organization_id = o.id
           CROSS JOIN LATERAL (SELECT coalesce(s.time_zone, 'UTC') AS zone) z
          WHERE o.purge_after IS NULL AND extract(hour FROM at AT TIME ZONE z.zone) = local_hour
          ORDER BY o.id
       $$`,
      `REVOKE EXECUTE ON FUNCTION analytics_organizations_at_hour(timestamptz, int) FROM PUBLIC`,
      grantExecuteToRuntime('analytics_organizations_at_hour(timestamptz, int)'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS analytics_organizations_at_hour(timestamptz, int)`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS memberships_analytics_tenure_left ON memberships`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS memberships_analytics_tenure_joined ON memberships`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS analytics_tenure_left()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS analytics_tenure_joined()`);
    for (const table of [
      'analytics_rollup_runs',
      'analytics_member_tenures',
      'analytics_membership_outcomes',
      'analytics_retention',
      'analytics_exit_days',
      'analytics_utilization_days',
      'analytics_time_to_match_days',
      'analytics_cohort_days',
      'analytics_settings',
    ])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
