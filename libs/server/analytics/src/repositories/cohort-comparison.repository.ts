import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { CohortDayEntity } from '../entities/cohort-day.entity';
import { COHORT_DAY_MEASURES, CohortDayMeasure } from './cohort-day.repository';
import { filterParameters, IN_SCOPE, RollupFilter } from './dashboard-filter.repository';

export type CohortComparisonRow = Record<CohortDayMeasure, number> & {
  cohort_id: string;
  cohort_name: string;
  program_id: string;
  program_name: string;
  last_active: number;
  last_offered: number;
  last_used: number;
  /** Mentees who started on the filter's days and were still matched at 90 days. */
  started_90: number;
  retained_90: number;
  /** Matches by whole days waited (the time-to-match histogram of the cohort). */
  waits: { days: number; matches: number }[];
};

/**
 * The per-cohort comparison table in one statement over the rollups (cohort days, retention at
 * 90 days, time to match) and the cohorts' names: it was four round trips per request, each
 * waiting for a core on a busy machine.
 */
@Injectable()
export class CohortComparisonRepository extends TenantRepository<CohortDayEntity> {
  constructor() {
    super(CohortDayEntity);
  }

  /** Cohorts with rollup rows on the filter's days, ordered by program name, start and name. */
  compare(filter: RollupFilter): Promise<CohortComparisonRow[]> {
    return this.sql(
      `WITH cohort_days AS (
         SELECT t.cohort_id,
                ${COHORT_DAY_MEASURES.map((m) => `sum(t.${m})::int AS ${m}`).join(', ')},
                coalesce(sum(t.active_matches) FILTER (WHERE t.day = $5::date), 0)::int AS last_active,
                coalesce(sum(t.places_offered) FILTER (WHERE t.day = $5::date), 0)::int AS last_offered,
                coalesce(sum(t.places_used) FILTER (WHERE t.day = $5::date), 0)::int AS last_used
           FROM analytics_cohort_days t
          WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day BETWEEN $4::date AND $5::date
          GROUP BY t.cohort_id
       ),
       -- Materialized: each is joined to every cohort, and a misestimated nested loop re-ran the
       -- histogram's grouping once per cohort (175 of 210 ms at a quarter of the benchmark's size).
       retention AS MATERIALIZED (
         SELECT t.cohort_id, sum(t.started)::int AS started_90, sum(t.retained)::int AS retained_90
           FROM analytics_retention t
          WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.start_day BETWEEN $4::date AND $5::date
            AND t.horizon_days = 90
          GROUP BY t.cohort_id
       ),
       waited AS (
         SELECT t.cohort_id, t.days_to_match, sum(t.matches)::int AS matches
           FROM analytics_time_to_match_days t
          WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day BETWEEN $4::date AND $5::date
          GROUP BY t.cohort_id, t.days_to_match
       ),
       waits AS MATERIALIZED (
         SELECT cohort_id, json_agg(json_build_object('days', days_to_match, 'matches', matches)) AS waits
           FROM waited GROUP BY cohort_id
       )
       SELECT d.*, c.name AS cohort_name, p.id AS program_id, p.name AS program_name,
              coalesce(r.started_90, 0) AS started_90, coalesce(r.retained_90, 0) AS retained_90,
              coalesce(w.waits, '[]'::json) AS waits
         FROM cohort_days d
         JOIN cohorts c ON c.organization_id = $1 AND c.id = d.cohort_id
         JOIN programs p ON p.organization_id = $1 AND p.id = c.program_id
         LEFT JOIN retention r ON r.cohort_id = d.cohort_id
         LEFT JOIN waits w ON w.cohort_id = d.cohort_id
        ORDER BY p.name, c.starts_on, c.name`,
      filterParameters(filter),
    );
  }
}
