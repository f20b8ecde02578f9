import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { CohortDayEntity } from '../entities/cohort-day.entity';
import { filterParameters, IN_SCOPE, RollupFilter } from './dashboard-filter.repository';
import { COHORTS, DAYS, localDay, RANGE_END, RANGE_START, FactTableWrite } from './rollup-sql.repository';

/** The measures of `analytics_cohort_days`, in the table's column order after the key. */
export const COHORT_DAY_MEASURES = [
  'active_matches',
  'trial_matches',
  'places_offered',
  'places_used',
  'new_matches',
  'matches_accepted',
  'trials_started',
  'trials_converted',
  'trials_declined',
  'matches_activated',
  'matches_completed',
  'matches_ended',
  'requests_sent',
  'requests_accepted',
  'requests_declined',
  'requests_expired',
  'check_ins',
  'milestones_completed',
  'pulse_answers',
  'pulse_rating_sum',
  'nps_promoters',
  'nps_passives',
  'nps_detractors',
] as const;
export type CohortDayMeasure = (typeof COHORT_DAY_MEASURES)[number];

/**
 * The fresh rows of a range: every cohort and day of it on which any measure is not zero.
 * Levels (matches active, in trial, places offered and used at the day's end) are running sums of
 * the steps into and out of a status since the first day, so a day costs its own events only.
 */
export const COHORT_DAY_ROWS = `
  ${COHORTS}, ${DAYS},
  -- One aggregate of the steps per cohort and day serves the levels (running sums of the changes
  -- from the first day; days before the range are summed into its base) and the day's counts.
  step_days AS (
    SELECT cohort_id, day,
           sum(active_change) AS active,
           sum(trial_change) AS trial,
           sum(used_change) AS used,
           count(*) FILTER (WHERE seq = 0) AS new_matches,
           count(*) FILTER (WHERE first_accept) AS matches_accepted,
           count(*) FILTER (WHERE to_status = 'trial') AS trials_started,
           count(*) FILTER (WHERE from_status = 'trial' AND to_status = 'active') AS trials_converted,
           count(*) FILTER (WHERE to_status = 'trial_declined') AS trials_declined,
           count(*) FILTER (WHERE to_status = 'active') AS matches_activated,
           count(*) FILTER (WHERE to_status = 'completed') AS matches_completed,
           count(*) FILTER (WHERE to_status = 'ended') AS matches_ended
      FROM steps WHERE day <= $3::date GROUP BY cohort_id, day
  ),
  mentors AS (
    SELECT cp.cohort_id, ${localDay('cp.enrolled_at')} AS from_day, co.ends_on,
           mentor_places(pr, co.settings) AS places
      FROM cohort_participants cp
      JOIN cohort co ON co.cohort_id = cp.cohort_id
      LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
     WHERE cp.organization_id = $1 AND cp.role = 'mentor' AND cp.status = 'enrolled'
  ),
  offer_steps AS (
    SELECT cohort_id, day, sum(places) AS offered FROM (
      SELECT cohort_id, from_day AS day, places FROM mentors WHERE from_day <= ends_on
      UNION ALL
      SELECT cohort_id, ends_on + 1, -places FROM mentors WHERE from_day <= ends_on
    ) o WHERE day <= $3::date GROUP BY cohort_id, day
  ),
  grid AS (SELECT co.cohort_id, co.program_id, d.day FROM cohort co CROSS JOIN days d),
  levels AS (
    SELECT g.cohort_id, g.program_id, g.day,
           coalesce(b.active, 0) + sum(coalesce(l.active, 0)) OVER w AS active_matches,
           coalesce(b.trial, 0) + sum(coalesce(l.trial, 0)) OVER w AS trial_matches,
           coalesce(ob.offered, 0) + sum(coalesce(o.offered, 0)) OVER w AS places_offered,
           coalesce(b.used, 0) + sum(coalesce(l.used, 0)) OVER w AS places_used,
           l.new_matches, l.matches_accepted, l.trials_started, l.trials_converted, l.trials_declined,
           l.matches_activated, l.matches_completed, l.matches_ended
      FROM grid g
      LEFT JOIN (SELECT cohort_id, sum(active) AS active, sum(trial) AS trial, sum(used) AS used
                   FROM step_days WHERE day < $2::date GROUP BY cohort_id) b ON b.cohort_id = g.cohort_id
      LEFT JOIN step_days l ON l.cohort_id = g.cohort_id AND l.day = g.day
      LEFT JOIN (SELECT cohort_id, sum(offered) AS offered
                   FROM offer_steps WHERE day < $2::date GROUP BY cohort_id) ob ON ob.cohort_id = g.cohort_id
      LEFT JOIN offer_steps o ON o.cohort_id = g.cohort_id AND o.day = g.day
    WINDOW w AS (PARTITION BY g.cohort_id ORDER BY g.day)
  ),
  -- Each request once: its sending, its answer and its lapse are each a step on a day of its own.
  request_steps AS (
    SELECT r.cohort_id, ${localDay('s.at')} AS day, s.kind
      FROM match_requests r
      CROSS JOIN LATERAL (VALUES
        (r.created_at, 'sent'),
        (CASE WHEN r.status IN ('accepted', 'declined') THEN r.decided_at END, r.status::text),
        -- An open request past its time is expired, before the expiry job gets to it.
        (CASE WHEN r.status IN ('expired', 'open') AND r.expires_at <= $5::timestamptz THEN r.expires_at END, 'expired')
      ) AS s(at, kind)
     WHERE r.organization_id = $1 AND s.at >= ${RANGE_START} AND s.at < ${RANGE_END}
  ),
  requests AS (
    SELECT cohort_id, day,
           count(*) FILTER (WHERE kind = 'sent') AS requests_sent,
           count(*) FILTER (WHERE kind = 'accepted') AS requests_accepted,
           count(*) FILTER (WHERE kind = 'declined') AS requests_declined,
           count(*) FILTER (WHERE kind = 'expired') AS requests_expired
      FROM request_steps GROUP BY cohort_id, day
  ),
  check_in_days AS (
    SELECT m.cohort_id, ci.held_on AS day, count(*) AS check_ins
      FROM check_ins ci
      JOIN matches m ON m.organization_id = ci.organization_id AND m.id = ci.match_id
     WHERE ci.organization_id = $1 AND ci.held_on BETWEEN $2::date AND $3::date
     GROUP BY m.cohort_id, ci.held_on
  ),
  milestone_days AS (
    SELECT m.cohort_id, (milestone->>'doneOn')::date AS day, count(*) AS milestones_completed
      FROM mentorship_maps mm
      JOIN matches m ON m.organization_id = mm.organization_id AND m.id = mm.match_id
      CROSS JOIN LATERAL jsonb_array_elements(mm.content->'milestones') AS milestone
     WHERE mm.organization_id = $1 AND milestone->>'doneOn' BETWEEN $2::text AND $3::text
     GROUP BY m.cohort_id, (milestone->>'doneOn')::date
  ),
  pulse_days AS (
    SELECT m.cohort_id, ${localDay('pa.answered_at')} AS day,
           count(*) AS pulse_answers, sum(pa.rating) AS pulse_rating_sum
      FROM pulse_answers pa
      JOIN matches m ON m.organization_id = pa.organization_id AND m.id = pa.match_id
     WHERE pa.organization_id = $1 AND pa.answered_at >= ${RANGE_START} AND pa.answered_at < ${RANGE_END}
     GROUP BY m.cohort_id, ${localDay('pa.answered_at')}
  ),
  survey_days AS (
    SELECT cohort_id, ${localDay('answered_at')} AS day,
           count(*) FILTER (WHERE recommend >= 9) AS nps_promoters,
           count(*) FILTER (WHERE recommend BETWEEN 7 AND 8) AS nps_passives,
           count(*) FILTER (WHERE recommend <= 6) AS nps_detractors
      FROM cohort_survey_answers
     WHERE organization_id = $1 AND answered_at >= ${RANGE_START} AND answered_at < ${RANGE_END}
     GROUP BY cohort_id, ${localDay('answered_at')}
  ),
  every_day AS (
    SELECT l.cohort_id, l.day, l.program_id,
           l.active_matches::int, l.trial_matches::int, l.places_offered::int, l.places_used::int,
           coalesce(l.new_matches, 0)::int AS new_matches,
           coalesce(l.matches_accepted, 0)::int AS matches_accepted,
           coalesce(l.trials_started, 0)::int AS trials_started,
           coalesce(l.trials_converted, 0)::int AS trials_converted,
           coalesce(l.trials_declined, 0)::int AS trials_declined,
           coalesce(l.matches_activated, 0)::int AS matches_activated,
           coalesce(l.matches_completed, 0)::int AS matches_completed,
           coalesce(l.matches_ended, 0)::int AS matches_ended,
           coalesce(r.requests_sent, 0)::int AS requests_sent,
           coalesce(r.requests_accepted, 0)::int AS requests_accepted,
           coalesce(r.requests_declined, 0)::int AS requests_declined,
           coalesce(r.requests_expired, 0)::int AS requests_expired,
           coalesce(c.check_ins, 0)::int AS check_ins,
           coalesce(ms.milestones_completed, 0)::int AS milestones_completed,
           coalesce(p.pulse_answers, 0)::int AS pulse_answers,
           coalesce(p.pulse_rating_sum, 0)::int AS pulse_rating_sum,
           coalesce(s.nps_promoters, 0)::int AS nps_promoters,
           coalesce(s.nps_passives, 0)::int AS nps_passives,
           coalesce(s.nps_detractors, 0)::int AS nps_detractors
      FROM levels l
      LEFT JOIN requests r ON r.cohort_id = l.cohort_id AND r.day = l.day
      LEFT JOIN check_in_days c ON c.cohort_id = l.cohort_id AND c.day = l.day
      LEFT JOIN milestone_days ms ON ms.cohort_id = l.cohort_id AND ms.day = l.day
      LEFT JOIN pulse_days p ON p.cohort_id = l.cohort_id AND p.day = l.day
      LEFT JOIN survey_days s ON s.cohort_id = l.cohort_id AND s.day = l.day
  ),
  fresh AS (
    SELECT * FROM every_day
     WHERE greatest(${COHORT_DAY_MEASURES.join(', ')}) > 0
  )`;

/** Where the rows of `COHORT_DAY_ROWS` are written (`writesOf`). */
export const COHORT_DAY_WRITE: FactTableWrite = {
  table: 'analytics_cohort_days',
  keys: ['cohort_id', 'day'],
  values: ['program_id', ...COHORT_DAY_MEASURES],
  inRange: 't.day BETWEEN $2::date AND $3::date',
  stamp: ['rolled_up_at', '$5::timestamptz'],
};

/** `analytics_cohort_days`: written for a range by the rollup, read by the dashboard. */
@Injectable()
export class CohortDayRepository extends TenantRepository<CohortDayEntity> {
  constructor() {
    super(CohortDayEntity);
  }

  /** Every measure summed over the filter's days (levels too: divide by the days for a mean). */
  async totals(filter: RollupFilter): Promise<Record<CohortDayMeasure, number>> {
    const [row] = await this.sql<Record<CohortDayMeasure, number>>(
      `SELECT ${COHORT_DAY_MEASURES.map((m) => `coalesce(sum(t.${m}), 0)::int AS ${m}`).join(', ')}
         FROM analytics_cohort_days t
        WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day BETWEEN $4::date AND $5::date`,
      filterParameters(filter),
    );
    return row!;
  }

  /** The measures summed per period (`day`, `week` or `month`, starting on the period's first day). */
  async perPeriod(
    filter: RollupFilter,
    granularity: 'day' | 'week' | 'month',
  ): Promise<(Record<CohortDayMeasure, number> & { period: string })[]> {
    return this.sql(
      // Truncated as a timestamp without zone and formatted per period: a day cast to timestamptz
      // looked its zone up, and to_char ran, for every row (11 of the route's 12 ms, 90 days).
      `SELECT to_char(date_trunc('${granularity}', t.day::timestamp), 'YYYY-MM-DD') AS period,
              ${COHORT_DAY_MEASURES.map((m) => `sum(t.${m})::int AS ${m}`).join(', ')}
         FROM analytics_cohort_days t
        WHERE t.organization_id = $1 AND ${IN_SCOPE} AND t.day BETWEEN $4::date AND $5::date
        GROUP BY date_trunc('${granularity}', t.day::timestamp) ORDER BY date_trunc('${granularity}', t.day::timestamp)`,
      filterParameters(filter),
    );
  }
}
