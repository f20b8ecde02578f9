import { Injectable } from '@nestjs/common';
import { TenantContext, TenantRepository } from '@mentorship/platform';
import { CohortDayEntity } from '../entities/cohort-day.entity';
import { COHORT_DAY_ROWS, COHORT_DAY_WRITE } from './cohort-day.repository';
import { EXIT_ROWS, EXIT_WRITE } from './exit-day.repository';
import { MEMBERSHIP_OUTCOME_ROWS, MEMBERSHIP_OUTCOME_WRITE } from './membership-outcome.repository';
import { RETENTION_ROWS, RETENTION_WRITE } from './retention.repository';
import { FactTableWrite, RollupParameters, STEPS_OF_MATCHES, writesOf } from './rollup-sql.repository';
import { TIME_TO_MATCH_ROWS, TIME_TO_MATCH_WRITE } from './time-to-match-day.repository';
import { UTILIZATION_ROWS, UTILIZATION_WRITE } from './utilization-day.repository';

/** The rollup transaction's `work_mem` (the benchmark gives its bare aggregate the same). */
export const ROLLUP_WORK_MEM = '64MB';

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

/**
 * The read of a rollup: the steps once (a `MATERIALIZED` CTE), then every table's fresh rows,
 * each in a CTE of its own name (its inner CTEs are its own: `WITH` nested in the CTE).
 */
const FRESH_ROWS = `
  WITH steps AS MATERIALIZED (${STEPS_OF_MATCHES}),
  ${FACT_TABLES.map(([name, rows]) => `${name} AS (WITH ${rows} SELECT * FROM fresh)`).join(',\n  ')}`;

/**
 * The whole rollup as one statement: the sources are read once for every table (the steps of
 * every match, sorted once), and each table's differences written by data-modifying CTEs
 * (`writesOf`). Until 2026-12-02 it was a temporary table of the steps, its `ANALYZE`, and a
 * statement per table reading its own CTEs of the same sources: 2x the same rows as one SELECT.
 */
const ROLL_UP = `${FRESH_ROWS},
  ${FACT_TABLES.map(([name, , write]) => writesOf(name, write)).join(',\n  ')}
  SELECT 1`;

/**
 * The benchmark's anchor (`npm run bench:analytics`): the rollup's own read, every fact table's
 * fresh rows from the same source rows by the same SQL, as one bare SELECT writing nothing: what
 * it leaves out is exactly what a rollup adds (reading each table's stored rows and writing the
 * differences). Every column of every row is consumed (`count(t.*)`, the whole row), so the
 * planner cannot drop a measure nobody asked for. Binds the rollup's parameters.
 */
export const BARE_ROLLUP_AGGREGATE = `${FRESH_ROWS}
  SELECT ${FACT_TABLES.map(([name]) => `(SELECT count(t.*) FROM ${name} t) AS ${name}`).join(',\n         ')}`;

/** Writes a range of days into every fact table (see `RollupService`). */
@Injectable()
export class RollupRepository extends TenantRepository<CohortDayEntity> {
  constructor() {
    super(CohortDayEntity);
  }

  async rollUp(...range: RollupParameters): Promise<void> {
    // The year's sorts and hashes (the steps, every mentor's levels) spilled to disk at the
    // default 4 MB; for this transaction only, and one rollup per organization at a time.
    await TenantContext.manager().query(`SET LOCAL work_mem = '${ROLLUP_WORK_MEM}'`);
    await this.sql(ROLL_UP, range);
  }
}
