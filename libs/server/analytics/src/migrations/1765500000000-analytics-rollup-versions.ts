import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `analytics_rollup_versions`: per organization, a number every rollup raises in its own
 * transaction. The dashboard's answers are kept in each API process under the version they were
 * read at (`DashboardCache`); every request reads the version, so once a rollup commits, no
 * replica answers from rows it has changed. No row: nothing rolled up yet (version 0).
 */
export class AnalyticsRollupVersions1765500000000 implements MigrationInterface {
  name = 'AnalyticsRollupVersions1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE analytics_rollup_versions (
         organization_id uuid NOT NULL PRIMARY KEY,
         version bigint NOT NULL,
         rolled_up_at timestamptz NOT NULL,
         FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
       )`,
      ...enableTenantRls('analytics_rollup_versions'),
      grantToRuntime('analytics_rollup_versions', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS analytics_rollup_versions`);
  }
}
