import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { TimeToMatchDayEntity } from '../entities/time-to-match-day.entity';
import { filterParameters, IN_SCOPE, RollupFilter } from './dashboard-filter.repository';
import { COHORTS, FactTableWrite } from './rollup-sql.repository';

/**
 * A match is matched when it first steps into trial or active (the mentor accepted, or a round
 * made it so). It waited since its request was sent (a request's match), else since its mentee
 * was enrolled in the cohort, else since it was proposed: whole days, so a histogram per day
 * gives the exact median and p90 (in days) of any range and filter.
 */
export const TIME_TO_MATCH_ROWS = `
  ${COHORTS},
  accepted AS (SELECT match_id, cohort_id, mentee_user_id, day, at FROM steps WHERE first_accept),
  waited AS (
    SELECT a.cohort_id, a.day,
           greatest(0, floor(extract(epoch FROM a.at - coalesce(r.created_at, cp.enrolled_at, m.created_at)) / 86400))::int
             AS days_to_match
      FROM accepted a
      JOIN matches m ON m.organization_id = $1 AND m.id = a.match_id
      LEFT JOIN match_requests r ON m.origin = 'request' AND r.organization_id = $1 AND r.id = m.origin_id
      LEFT JOIN cohort_participants cp ON cp.organization_id = $1 AND cp.cohort_id = a.cohort_id
           AND cp.user_id = a.mentee_user_id AND cp.role = 'mentee'
     WHERE a.day BETWEEN $2::date AND $3::date
  ),
  fresh AS (
    SELECT w.cohort_id, w.day, w.days_to_match, co.program_id, count(*)::int AS matches
      FROM waited w JOIN cohort co ON co.cohort_id = w.cohort_id
     GROUP BY w.cohort_id, w.day, w.days_to_match, co.program_id
  )`;

/** Where the rows of `TIME_TO_MATCH_ROWS` are written (`writesOf`). */
export const TIME_TO_MATCH_WRITE: FactTableWrite = {
  table: 'analytics_time_to_match_days',
  keys: ['cohort_id', 'day', 'days_to_match'],
  values: ['program_id', 'matches'],
  inRange: 't.day BETWEEN $2::date AND $3::date',
};

@Injectable()
export class TimeToMatchDayRepository extends TenantRepository<TimeToMatchDayEntity> {
  constructor() {
    super(TimeToMatchDayEntity);
  }

  /** Matches by whole days waited, over the filter's days (per cohort when asked). */
  histogram(filter: RollupFilter): Promise<{ cohort_id: string; days_to_match: number; matches: number }[]> {
    return this.sql(
      `SELECT t.cohort_id, t.days_to_match, sum(t.matches)::int AS matches
         FROM analytics_time_to_match_days t
        WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day BETWEEN $4::date AND $5::date
        GROUP BY t.cohort_id, t.days_to_match ORDER BY t.days_to_match`,
      filterParameters(filter),
    );
  }
}
