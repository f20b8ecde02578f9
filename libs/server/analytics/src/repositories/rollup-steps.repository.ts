import { Injectable } from '@nestjs/common';
import { TenantContext, TenantRepository } from '@mentorship/platform';
import { CohortDayEntity } from '../entities/cohort-day.entity';
import { RollupParameters, STEPS_OF_MATCHES, STEPS_TABLE } from './rollup-sql.repository';

/** The rollup transaction's `work_mem` (the benchmark gives its bare aggregate the same). */
export const ROLLUP_WORK_MEM = '64MB';

/**
 * The rollup's one read of the matches and all their events: every fact table's statement
 * reads the steps, and before this each recomputed them (six scans and sorts of every match and
 * event of the organization per rollup; the benchmark's rollup was 11.85x its bare aggregate).
 */
@Injectable()
export class RollupStepsRepository extends TenantRepository<CohortDayEntity> {
  constructor() {
    super(CohortDayEntity);
  }

  /**
   * Fills `analytics_rollup_steps` for the tenant's transaction (dropped at its commit or
   * rollback), and gives it statistics: autovacuum never sees a temporary table, and the
   * statements after it group and join it by cohort, mentor and mentee.
   */
  async materialize(...range: RollupParameters): Promise<void> {
    // Statements without the tenant's id as a parameter: the repository's `sql` always binds it.
    const manager = TenantContext.manager();
    // The year's sorts and hashes (the steps, every mentor's levels) spilled to disk at the
    // default 4 MB; for this transaction only, and one rollup per organization at a time.
    await manager.query(`SET LOCAL work_mem = '${ROLLUP_WORK_MEM}'`);
    await manager.query(`DROP TABLE IF EXISTS ${STEPS_TABLE}`);
    await this.sql(
      `CREATE TEMPORARY TABLE analytics_rollup_steps ON COMMIT DROP AS ${STEPS_OF_MATCHES}`,
      // The zone alone: every day's steps are read (the levels sum them from a match's start).
      [range[2]],
    );
    // The columns the statements join and group on: statistics of every column (three ids, times,
    // statuses) took longer than most of the statements after it.
    await manager.query(`ANALYZE ${STEPS_TABLE} (cohort_id, mentor_user_id, mentee_user_id, day)`);
  }
}
