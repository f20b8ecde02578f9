import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { RetentionEntity } from '../entities/retention.entity';
import { filterParameters, IN_SCOPE, RollupFilter } from './dashboard-filter.repository';
import { COHORTS, FactTableWrite } from './rollup-sql.repository';

/** The horizons of the cohort retention curves, in days after a mentee's start. */
export const RETENTION_HORIZONS = [30, 90, 180] as const;

/**
 * A mentee starts in a cohort on the day their first match of it first steps into trial or
 * active. They are retained at a horizon when, at the end of the day that many days later, a
 * match of theirs in the cohort is in trial, active or completed (finishing counts as staying).
 * The row of start day S and horizon N is written when S + N falls in the range: that day is the
 * first on which it is known.
 */
export const RETENTION_ROWS = `
  ${COHORTS},
  horizons AS (SELECT unnest(ARRAY[${RETENTION_HORIZONS.join(', ')}]) AS horizon_days),
  starts AS (
    SELECT cohort_id, mentee_user_id, min(day) AS start_day
      FROM steps WHERE first_accept GROUP BY cohort_id, mentee_user_id
  ),
  due AS (
    SELECT s.cohort_id, s.mentee_user_id, s.start_day, h.horizon_days, s.start_day + h.horizon_days AS at_day
      FROM starts s CROSS JOIN horizons h
     WHERE s.start_day + h.horizon_days BETWEEN $2::date AND $3::date
  ),
  -- Each retaining status a match held, from its step's day to its next step's (next_day): the
  -- status at the end of a day is the one whose spell covers it. Only these spells are joined:
  -- the others (proposed, pending, the exits) can only say "not retained", which is the default.
  retaining AS (
    SELECT cohort_id, mentee_user_id, day, next_day FROM steps
     WHERE to_status IN ('trial', 'active', 'completed')
  ),
  people AS (
    SELECT d.cohort_id, d.start_day, d.horizon_days, count(sp.day) > 0 AS retained
      FROM due d
      LEFT JOIN retaining sp ON sp.cohort_id = d.cohort_id AND sp.mentee_user_id = d.mentee_user_id
           AND sp.day <= d.at_day AND (sp.next_day IS NULL OR sp.next_day > d.at_day)
     GROUP BY d.cohort_id, d.mentee_user_id, d.start_day, d.horizon_days
  ),
  fresh AS (
    SELECT p.cohort_id, p.start_day, p.horizon_days, co.program_id,
           count(*)::int AS started, count(*) FILTER (WHERE p.retained)::int AS retained
      FROM people p JOIN cohort co ON co.cohort_id = p.cohort_id
     GROUP BY 1, 2, 3, 4
  )`;

/** Where the rows of `RETENTION_ROWS` are written (`writesOf`). */
export const RETENTION_WRITE: FactTableWrite = {
  table: 'analytics_retention',
  keys: ['cohort_id', 'start_day', 'horizon_days'],
  values: ['program_id', 'started', 'retained'],
  inRange: 't.start_day + t.horizon_days BETWEEN $2::date AND $3::date',
};

@Injectable()
export class RetentionRepository extends TenantRepository<RetentionEntity> {
  constructor() {
    super(RetentionEntity);
  }

  /**
   * Per cohort and horizon: mentees who started on the filter's days, and how many stayed, with
   * the cohort's name (one statement: the route's one read beyond its tenant transaction).
   */
  curves(filter: RollupFilter): Promise<
    {
      cohort_id: string;
      cohort_name: string;
      horizon_days: number;
      started: number;
      retained: number;
    }[]
  > {
    return this.sql(
      `SELECT r.cohort_id, c.name AS cohort_name, r.horizon_days, r.started, r.retained
         FROM (SELECT t.cohort_id, t.horizon_days, sum(t.started)::int AS started, sum(t.retained)::int AS retained
                 FROM analytics_retention t
                WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.start_day BETWEEN $4::date AND $5::date
                GROUP BY t.cohort_id, t.horizon_days) r
         JOIN cohorts c ON c.organization_id = $1 AND c.id = r.cohort_id
        ORDER BY r.cohort_id, r.horizon_days`,
      filterParameters(filter),
    );
  }
}
