import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard reads a range of days of every organization's cohorts at once; the fact tables'
 * keys lead with the cohort, so each read scanned all of the organization's rows of the table
 * (68,000 utilization rows for the 162 of one day at the benchmark's size). An index per table
 * on (organization, day), carrying the columns the charts sum, reads the range alone.
 */
const READ_INDEXES = [
  [
    'analytics_time_to_match_days_day_idx',
    'analytics_time_to_match_days',
    'day',
    'cohort_id, program_id, days_to_match, matches',
  ],
  [
    'analytics_utilization_days_day_idx',
    'analytics_utilization_days',
    'day',
    'cohort_id, program_id, bucket, mentors',
  ],
  [
    'analytics_exit_days_day_idx',
    'analytics_exit_days',
    'day',
    'cohort_id, program_id, exit, ended_by, matches',
  ],
  [
    'analytics_retention_start_day_idx',
    'analytics_retention',
    'start_day',
    'cohort_id, program_id, horizon_days, started, retained',
  ],
] as const;

export class AnalyticsDashboardReads1764900000200 implements MigrationInterface {
  name = 'AnalyticsDashboardReads1764900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [index, table, day, carried] of READ_INDEXES)
      await queryRunner.query(
        `CREATE INDEX ${index} ON ${table} (organization_id, ${day}) INCLUDE (${carried})`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [index] of READ_INDEXES) await queryRunner.query(`DROP INDEX IF EXISTS ${index}`);
  }
}
