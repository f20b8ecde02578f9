import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { MembershipOutcomeEntity } from '../entities/membership-outcome.entity';
import type { RollupFilter } from './dashboard-filter.repository';
import { localDay, FactTableWrite } from './rollup-sql.repository';

export const MEMBERSHIP_HORIZONS = [6, 12] as const;

/**
 * Participants vs non-participants, with the membership's end as the outcome proxy: of the
 * members who joined on a day, those who took part in a mentorship (a side of a match that
 * reached trial or active) by the horizon, and those who did not, and how many of each were
 * still members at the end of that day (`analytics_member_tenures`: a removal's time, and when a
 * removed member first took part, are kept there). Written when the horizon's day is in the range.
 */
export const MEMBERSHIP_OUTCOME_ROWS = `
  
  horizons AS (SELECT unnest(ARRAY[${MEMBERSHIP_HORIZONS.join(', ')}]) AS horizon_months),
  took_part AS (
    SELECT person, min(day) AS first_day FROM (
      SELECT mentor_user_id AS person, day FROM steps WHERE first_accept
      UNION ALL
      SELECT mentee_user_id, day FROM steps WHERE first_accept
    ) sides GROUP BY person
  ),
  due AS (
    SELECT t.user_id, ${localDay('t.joined_at')} AS joined_day, h.horizon_months,
           (${localDay('t.joined_at')} + make_interval(months => h.horizon_months))::date AS at_day,
           ${localDay('t.left_at')} AS left_day,
           least(p.first_day, ${localDay('t.first_mentorship_at')}) AS first_day
      FROM analytics_member_tenures t
      CROSS JOIN horizons h
      LEFT JOIN took_part p ON p.person = t.user_id
     WHERE t.organization_id = $1
       AND (${localDay('t.joined_at')} + make_interval(months => h.horizon_months))::date BETWEEN $2::date AND $3::date
  ),
  fresh AS (
    SELECT joined_day, horizon_months, coalesce(first_day <= at_day, false) AS participant,
           count(*)::int AS members,
           count(*) FILTER (WHERE left_day IS NULL OR left_day > at_day)::int AS still_members
      FROM due GROUP BY 1, 2, 3
  )`;

/** Where the rows of `MEMBERSHIP_OUTCOME_ROWS` are written (`writesOf`). */
export const MEMBERSHIP_OUTCOME_WRITE: FactTableWrite = {
  table: 'analytics_membership_outcomes',
  keys: ['joined_day', 'horizon_months', 'participant'],
  values: ['members', 'still_members'],
  inRange:
    '(t.joined_day + make_interval(months => t.horizon_months::int))::date BETWEEN $2::date AND $3::date',
};

@Injectable()
export class MembershipOutcomeRepository extends TenantRepository<MembershipOutcomeEntity> {
  constructor() {
    super(MembershipOutcomeEntity);
  }

  /** Per horizon and side: members who joined on the filter's days, and how many stayed. */
  outcomes(
    filter: Pick<RollupFilter, 'from' | 'to'>,
  ): Promise<{ horizon_months: number; participant: boolean; members: number; still_members: number }[]> {
    return this.sql(
      `SELECT t.horizon_months, t.participant, sum(t.members)::int AS members, sum(t.still_members)::int AS still_members
         FROM analytics_membership_outcomes t
        WHERE t.organization_id = $1 AND t.joined_day BETWEEN $2::date AND $3::date
        GROUP BY t.horizon_months, t.participant ORDER BY t.horizon_months, t.participant DESC`,
      [filter.from, filter.to],
    );
  }
}
