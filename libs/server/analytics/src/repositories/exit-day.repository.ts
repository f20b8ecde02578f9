import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { ExitDayEntity } from '../entities/exit-day.entity';
import { filterParameters, IN_SCOPE, RollupFilter } from './dashboard-filter.repository';
import { COHORTS, FactTableWrite } from './rollup-sql.repository';

/**
 * Why matches stopped, as far as it can be counted: which exit (ended, or trial declined) and
 * who took it (the mentee, the mentor, a coordinator, or the system at the trial's deadline).
 * The reasons are free text, and a trial's is private: they are never copied here.
 */
export const EXIT_ROWS = `
  ${COHORTS},
  -- Counted, then joined to the cohorts: a few thousand groups, not every exit, look up the program.
  counted AS (
    SELECT s.cohort_id, s.day, s.to_status AS exit, coalesce(s.actor, 'system') AS ended_by, count(*)::int AS matches
      FROM steps s
     WHERE s.to_status IN ('ended', 'trial_declined') AND s.day BETWEEN $2::date AND $3::date
     GROUP BY 1, 2, 3, 4
  ),
  fresh AS (
    SELECT c.cohort_id, c.day, c.exit, c.ended_by, co.program_id, c.matches
      FROM counted c JOIN cohort co ON co.cohort_id = c.cohort_id
  )`;

/** Where the rows of `EXIT_ROWS` are written (`writesOf`). */
export const EXIT_WRITE: FactTableWrite = {
  table: 'analytics_exit_days',
  keys: ['cohort_id', 'day', 'exit', 'ended_by'],
  values: ['program_id', 'matches'],
  inRange: 't.day BETWEEN $2::date AND $3::date',
};

@Injectable()
export class ExitDayRepository extends TenantRepository<ExitDayEntity> {
  constructor() {
    super(ExitDayEntity);
  }

  /** Matches that stopped over the filter's days, by exit and by who ended them. */
  counts(
    filter: RollupFilter,
  ): Promise<{ exit: 'ended' | 'trial_declined'; ended_by: string; matches: number }[]> {
    return this.sql(
      `SELECT t.exit, t.ended_by, sum(t.matches)::int AS matches
         FROM analytics_exit_days t
        WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day BETWEEN $4::date AND $5::date
        GROUP BY t.exit, t.ended_by ORDER BY t.exit, matches DESC, t.ended_by`,
      filterParameters(filter),
    );
  }
}
