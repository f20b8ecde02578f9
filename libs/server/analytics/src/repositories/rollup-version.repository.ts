import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { RollupVersionEntity } from '../entities/rollup-version.entity';

/**
 * What a dashboard answer depends on beyond its filter: the organization's zone (its default
 * range), its rollup version (raised by every rollup) and its programs and cohorts as the answers
 * label, order and check them (a digest: a rename, a move or a new cohort changes it).
 */
export interface DashboardState {
  timeZone: string;
  version: string;
  dimensions: string;
}

/**
 * The cohorts' and programs' columns the dashboard reads (names, the program a cohort is in, the
 * start the comparison orders by), as one digest each. `row(...)::text` quotes every field, so no
 * name can pass for another row's.
 */
const DIMENSIONS = `
  (SELECT md5(coalesce(string_agg(row(c.id, c.program_id, c.name, c.starts_on)::text, ',' ORDER BY c.id), ''))
     FROM cohorts c WHERE c.organization_id = $1)
  || (SELECT md5(coalesce(string_agg(row(p.id, p.name)::text, ',' ORDER BY p.id), ''))
        FROM programs p WHERE p.organization_id = $1)`;

/** `analytics_rollup_versions`: raised by each rollup, read by each dashboard request. */
@Injectable()
export class RollupVersionRepository extends TenantRepository<RollupVersionEntity> {
  constructor() {
    super(RollupVersionEntity);
  }

  /** In the rollup's transaction: its rows and the new version commit together. */
  async raise(at: Date): Promise<void> {
    await this.sql(
      `INSERT INTO analytics_rollup_versions (organization_id, version, rolled_up_at) VALUES ($1, 1, $2)
       ON CONFLICT (organization_id) DO UPDATE
         SET version = analytics_rollup_versions.version + 1, rolled_up_at = EXCLUDED.rolled_up_at`,
      [at],
    );
  }

  /**
   * The dashboard's state, as the request's last statement (sent with its COMMIT): an answer kept
   * under this state is then the whole request.
   */
  async dashboardState(): Promise<DashboardState> {
    const [row] = await this.sqlWithCommit<DashboardState>(
      `SELECT coalesce((SELECT s.time_zone FROM analytics_settings s WHERE s.organization_id = $1), 'UTC') AS "timeZone",
              coalesce((SELECT v.version FROM analytics_rollup_versions v WHERE v.organization_id = $1), 0)::text AS version,
              ${DIMENSIONS} AS dimensions`,
    );
    return row!;
  }
}
