import { Injectable } from '@nestjs/common';
import { TenantContext, TenantRepository } from '@mentorship/platform';
import { CohortDayEntity } from '../entities/cohort-day.entity';
import { COHORT_DAY_ROWS, COHORT_DAY_WRITE } from './cohort-day.repository';
import { EXIT_ROWS, EXIT_WRITE } from './exit-day.repository';
import { MEMBERSHIP_OUTCOME_ROWS, MEMBERSHIP_OUTCOME_WRITE } from './membership-outcome.repository';
import { RETENTION_ROWS, RETENTION_WRITE } from './retention.repository';
import { FactTableWrite, RollupParameters, stepsOfMatches, writesOf } from './rollup-sql.repository';
import { TIME_TO_MATCH_ROWS, TIME_TO_MATCH_WRITE } from './time-to-match-day.repository';
import { UTILIZATION_ROWS, UTILIZATION_WRITE } from './utilization-day.repository';

/**
 * The rollup transaction's settings, for its transaction only (the benchmark's anchor runs with
 * the same). `work_mem`: the year's sorts and hashes (the steps, every mentor's levels) spilled
 * to disk at the default 4 MB; one rollup per organization runs at a time. `jit` off: the one
 * statement's plan is large, and compiling it (inlining and optimizing every expression) cost
 * more than the rows it sped up — seconds at the benchmark's quarter size.
 */
export const ROLLUP_SETTINGS: Readonly<Record<string, string>> = { work_mem: '64MB', jit: 'off' };

/**
 * Every fact table: its CTE name in the rollup's statement, the CTEs computing its fresh rows
 * (after `steps`, ending in `fresh`) and where they are written.
 */
const FACT_TABLES: readonly (readonly [name: string, rows: string, write: FactTableWrite])[] = [
  ['cohort_days', COHORT_DAY_ROWS, COHORT_DAY_WRITE],
  ['time_to_match', TIME_TO_MATCH_ROWS, TIME_TO_MATCH_WRITE],
  ['utilization', UTILIZATION_ROWS, UTILIZATION_WRITE],
  ['exits', EXIT_ROWS, EXIT_WRITE],
  ['retention', RETENTION_ROWS, RETENTION_WRITE],
  ['membership_outcomes', MEMBERSHIP_OUTCOME_ROWS, MEMBERSHIP_OUTCOME_WRITE],
];

/** The rollup's copy of the steps (`stepsOfMatches`): this transaction's, dropped at its end. */
const STEPS_TABLE = 'pg_temp.analytics_rollup_steps';

/**
 * The read of a rollup: the steps from their copy, then every table's fresh rows, each in a CTE
 * of its own name (its inner CTEs are its own: `WITH` nested in the CTE).
 */
const FRESH_ROWS = `
  WITH steps AS NOT MATERIALIZED (SELECT * FROM ${STEPS_TABLE}),
  ${FACT_TABLES.map(([name, rows]) => `${name} AS (WITH ${rows} SELECT * FROM fresh)`).join(',\n  ')}`;

/**
 * The whole rollup, after the steps' copy, as one statement: the sources are read once for every
 * table, and each table's differences written by data-modifying CTEs (`writesOf`). Until
 * 2026-12-02 it was a statement per table, each reading its own CTEs of the same sources. The
 * steps stay a temporary table with statistics: as a `MATERIALIZED` CTE (no statistics) the
 * statement's plan took 16.1 s at the benchmark's full size against 10.8 s for the copy, its
 * `ANALYZE` and the same SELECT.
 */
const ROLL_UP = `${FRESH_ROWS},
  ${FACT_TABLES.map(([name, , write]) => writesOf(name, write)).join(',\n  ')}
  SELECT 1`;

/** Writes a range of days into every fact table (see `RollupService`). */
@Injectable()
export class RollupRepository extends TenantRepository<CohortDayEntity> {
  constructor() {
    super(CohortDayEntity);
  }

  async rollUp(...range: RollupParameters): Promise<void> {
    await this.copySteps(range[2]);
    await this.sql(ROLL_UP, range);
  }

  /**
   * Fills `analytics_rollup_steps` for the tenant's transaction and gives it statistics on the
   * columns the tables join and group on: autovacuum never sees a temporary table.
   */
  private async copySteps(timeZone: string): Promise<void> {
    // Statements without the tenant's id as a parameter: the repository's `sql` always binds it.
    const manager = TenantContext.manager();
    for (const [name, value] of Object.entries(ROLLUP_SETTINGS))
      await manager.query(`SELECT set_config($1, $2, true)`, [name, value]);
    await manager.query(`DROP TABLE IF EXISTS ${STEPS_TABLE}`);
    // The zone alone, as `$2`: every day's steps are read (the levels sum them from a match's start).
    await this.sql(
      `CREATE TEMPORARY TABLE analytics_rollup_steps ON COMMIT DROP AS ${stepsOfMatches('$2')}`,
      [timeZone],
    );
    await manager.query(`ANALYZE ${STEPS_TABLE} (cohort_id, mentor_user_id, mentee_user_id, day)`);
  }
}
