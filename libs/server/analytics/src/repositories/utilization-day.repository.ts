import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { UtilizationDayEntity } from '../entities/utilization-day.entity';
import { filterParameters, IN_SCOPE, RollupFilter } from './dashboard-filter.repository';
import {
  COHORTS,
  DAYS,
  delta,
  HOLDING_A_PLACE,
  localDay,
  MATCH_STEPS,
  RollupParameters,
} from './rollup-sql.repository';

/**
 * Each enrolled mentor with places, on each day from their enrollment to the cohort's end: the
 * places their matches of the cohort hold at the day's end over the places they offer, in tenths
 * (10: all, or more). Places offered are today's (profiles keep no history of capacity).
 */
const ROLL_UP = `
  WITH ${MATCH_STEPS}, ${COHORTS}, ${DAYS},
  mentors AS (
    SELECT cp.cohort_id, co.program_id, cp.user_id, ${localDay('cp.enrolled_at')} AS from_day, co.ends_on,
           mentor_places(pr, co.settings) AS places
      FROM cohort_participants cp
      JOIN cohort co ON co.cohort_id = cp.cohort_id
      LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
     WHERE cp.organization_id = $1 AND cp.role = 'mentor' AND cp.status = 'enrolled'
       AND ${localDay('cp.enrolled_at')} <= $3::date AND co.ends_on >= $2::date
  ),
  held AS (
    SELECT cohort_id, mentor_user_id, day, sum(${delta(HOLDING_A_PLACE)}) AS used
      FROM steps WHERE day <= $3::date GROUP BY cohort_id, mentor_user_id, day
  ),
  levels AS (
    SELECT mt.cohort_id, mt.program_id, d.day, mt.from_day, mt.ends_on, mt.places,
           coalesce(b.used, 0) + sum(coalesce(h.used, 0)) OVER w AS used
      FROM mentors mt
      CROSS JOIN days d
      LEFT JOIN (SELECT cohort_id, mentor_user_id, sum(used) AS used FROM held WHERE day < $2::date
                  GROUP BY cohort_id, mentor_user_id) b
             ON b.cohort_id = mt.cohort_id AND b.mentor_user_id = mt.user_id
      LEFT JOIN held h ON h.cohort_id = mt.cohort_id AND h.mentor_user_id = mt.user_id AND h.day = d.day
    WINDOW w AS (PARTITION BY mt.cohort_id, mt.user_id ORDER BY d.day)
  ),
  fresh AS (
    SELECT cohort_id, day, least(10, floor(greatest(used, 0) * 10.0 / places))::smallint AS bucket,
           program_id, count(*)::int AS mentors
      FROM levels
     WHERE places > 0 AND day BETWEEN from_day AND ends_on
     GROUP BY 1, 2, 3, 4
  ),
  stale AS (
    DELETE FROM analytics_utilization_days t
     WHERE t.organization_id = $1 AND t.day BETWEEN $2::date AND $3::date
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.cohort_id = t.cohort_id AND f.day = t.day AND f.bucket = t.bucket)
  )
  INSERT INTO analytics_utilization_days (organization_id, cohort_id, day, bucket, program_id, mentors)
  SELECT $1, cohort_id, day, bucket, program_id, mentors FROM fresh
  ON CONFLICT (organization_id, cohort_id, day, bucket)
    DO UPDATE SET program_id = EXCLUDED.program_id, mentors = EXCLUDED.mentors`;

@Injectable()
export class UtilizationDayRepository extends TenantRepository<UtilizationDayEntity> {
  constructor() {
    super(UtilizationDayEntity);
  }

  async rollUp(...range: RollupParameters): Promise<void> {
    // No "now" in this one: it reads events that happened, not deadlines.
    await this.sql(ROLL_UP, range.slice(0, 3));
  }

  /** Mentors by tenths of places used at the end of the filter's last day. */
  histogram(filter: RollupFilter): Promise<{ bucket: number; mentors: number }[]> {
    return this.sql(
      `SELECT t.bucket, sum(t.mentors)::int AS mentors
         FROM analytics_utilization_days t
        WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day = $5::date AND $4::date <= $5::date
        GROUP BY t.bucket ORDER BY t.bucket`,
      filterParameters(filter),
    );
  }
}
