import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { ExitDayEntity } from '../entities/exit-day.entity';
import { filterParameters, IN_SCOPE, RollupFilter } from './dashboard-filter.repository';
import { COHORTS, MATCH_STEPS, RollupParameters, writeFresh } from './rollup-sql.repository';

/**
 * Why matches stopped, as far as it can be counted: which exit (ended, or trial declined) and
 * who took it (the mentee, the mentor, a coordinator, or the system at the trial's deadline).
 * The reasons are free text, and a trial's is private: they are never copied here.
 */
const ROLL_UP = `
  WITH ${MATCH_STEPS}, ${COHORTS},
  fresh AS (
    SELECT s.cohort_id, s.day, s.to_status AS exit, coalesce(s.actor, 'system') AS ended_by,
           co.program_id, count(*)::int AS matches
      FROM steps s JOIN cohort co ON co.cohort_id = s.cohort_id
     WHERE s.to_status IN ('ended', 'trial_declined') AND s.day BETWEEN $2::date AND $3::date
     GROUP BY 1, 2, 3, 4, 5
  ),
${writeFresh({
  table: 'analytics_exit_days',
  from: 'fresh',
  keys: ['cohort_id', 'day', 'exit', 'ended_by'],
  values: ['program_id', 'matches'],
  inRange: 't.day BETWEEN $2::date AND $3::date',
})}`;

@Injectable()
export class ExitDayRepository extends TenantRepository<ExitDayEntity> {
  constructor() {
    super(ExitDayEntity);
  }

  async rollUp(...range: RollupParameters): Promise<void> {
    // The range alone: no "now" (events that happened, not deadlines), and the steps have their days.
    await this.sql(ROLL_UP, range.slice(0, 2));
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
