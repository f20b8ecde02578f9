import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { UtilizationDayEntity } from '../entities/utilization-day.entity';
import { filterParameters, IN_SCOPE, RollupFilter } from './dashboard-filter.repository';
import { COHORTS, localDay, FactTableWrite } from './rollup-sql.repository';

/**
 * Each enrolled mentor with places, on each day from their enrollment to the cohort's end: the
 * places their matches of the cohort hold at the day's end over the places they offer, in tenths
 * (10: all, or more). Places offered are today's (profiles keep no history of capacity).
 *
 * A mentor's share changes only on the days their matches step (and starts and stops with their
 * enrollment and the cohort's end), so each mentor is a few spans of one bucket; each span adds
 * one mentor to its bucket on its first day and takes it back after its last, and a running sum
 * per bucket gives every day's count. The work follows the events, not mentors times days.
 */
export const UTILIZATION_ROWS = `
  ${COHORTS},
  mentors AS (
    SELECT cp.cohort_id, co.program_id, cp.user_id, ${localDay('cp.enrolled_at')} AS from_day, co.ends_on,
           mentor_places(pr, co.settings) AS places
      FROM cohort_participants cp
      JOIN cohort co ON co.cohort_id = cp.cohort_id
      LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
     WHERE cp.organization_id = $1 AND cp.role = 'mentor' AND cp.status = 'enrolled'
       AND ${localDay('cp.enrolled_at')} <= least($3::date, co.ends_on) AND co.ends_on >= $2::date
  ),
  points AS (
    -- A step that neither takes nor frees a place (trial to active) changes no mentor's share.
    SELECT cohort_id, mentor_user_id AS user_id, day, used_change AS used FROM steps
     WHERE day <= $3::date AND used_change <> 0
    UNION ALL SELECT cohort_id, user_id, from_day, 0 FROM mentors
    UNION ALL SELECT cohort_id, user_id, ends_on + 1, 0 FROM mentors
  ),
  point_days AS (SELECT cohort_id, user_id, day, sum(used) AS used FROM points GROUP BY 1, 2, 3),
  levels AS (
    SELECT cohort_id, user_id, day, lead(day) OVER w AS next_day, sum(used) OVER w AS used
      FROM point_days
    WINDOW w AS (PARTITION BY cohort_id, user_id ORDER BY day)
  ),
  spans AS (
    SELECT l.cohort_id, mt.program_id,
           least(10, floor(greatest(l.used, 0) * 10.0 / mt.places))::smallint AS bucket,
           greatest(l.day, $2::date) AS span_from,
           least(coalesce(l.next_day, $3::date + 1), $3::date + 1) AS span_to
      FROM levels l
      JOIN mentors mt ON mt.cohort_id = l.cohort_id AND mt.user_id = l.user_id
     WHERE mt.places > 0 AND l.day BETWEEN mt.from_day AND mt.ends_on
  ),
  span_days AS (
    SELECT cohort_id, program_id, bucket, day, sum(change) AS change FROM (
      SELECT cohort_id, program_id, bucket, span_from AS day, 1 AS change FROM spans WHERE span_from < span_to
      UNION ALL
      SELECT cohort_id, program_id, bucket, span_to, -1 FROM spans WHERE span_from < span_to
    ) s GROUP BY 1, 2, 3, 4
  ),
  -- Each bucket's count from one change to the next, spread over the days of that run: a join
  -- of every cohort, bucket and day against the changes was quadratic once misestimated (78 s
  -- of the year's 95 s rollup at the benchmark's size).
  runs AS (
    SELECT cohort_id, program_id, bucket, day, lead(day) OVER w AS next_day, sum(change) OVER w AS mentors
      FROM span_days
    WINDOW w AS (PARTITION BY cohort_id, bucket ORDER BY day)
  ),
  fresh AS (
    SELECT r.cohort_id, d::date AS day, r.bucket, r.program_id, r.mentors::int AS mentors
      FROM runs r
      CROSS JOIN LATERAL generate_series(r.day, least(coalesce(r.next_day, $3::date + 1), $3::date + 1) - 1, interval '1 day') AS d
     WHERE r.mentors > 0 AND r.day <= $3::date
  )`;

/** Where the rows of `UTILIZATION_ROWS` are written (`writesOf`). */
export const UTILIZATION_WRITE: FactTableWrite = {
  table: 'analytics_utilization_days',
  keys: ['cohort_id', 'day', 'bucket'],
  values: ['program_id', 'mentors'],
  inRange: 't.day BETWEEN $2::date AND $3::date',
};

@Injectable()
export class UtilizationDayRepository extends TenantRepository<UtilizationDayEntity> {
  constructor() {
    super(UtilizationDayEntity);
  }

  /**
   * Mentors by tenths of places used at the end of the filter's last day, with the places offered
   * and used that day (the cohort days'), in one statement.
   */
  async lastDay(filter: RollupFilter): Promise<{
    places_offered: number;
    places_used: number;
    buckets: { bucket: number; mentors: number }[];
  }> {
    const [row] = await this.sql<{
      places_offered: number;
      places_used: number;
      buckets: { bucket: number; mentors: number }[];
    }>(
      `WITH places AS (
         SELECT coalesce(sum(t.places_offered), 0)::int AS places_offered,
                coalesce(sum(t.places_used), 0)::int AS places_used
           FROM analytics_cohort_days t
          WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day = $5::date
       ),
       buckets AS (
         SELECT t.bucket, sum(t.mentors)::int AS mentors
           FROM analytics_utilization_days t
          WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day = $5::date AND $4::date <= $5::date
          GROUP BY t.bucket
       )
       SELECT p.places_offered, p.places_used,
              coalesce((SELECT json_agg(json_build_object('bucket', b.bucket, 'mentors', b.mentors) ORDER BY b.bucket)
                          FROM buckets b), '[]'::json) AS buckets
         FROM places p`,
      filterParameters(filter),
    );
    return row!;
  }
}
