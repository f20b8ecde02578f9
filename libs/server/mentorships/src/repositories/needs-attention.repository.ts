import { Injectable } from '@nestjs/common';
import { PROGRAM_LIMITS, type MatchStatus, type NeedsAttentionKind } from '@mentorship/contracts';
import { TenantRepository, type FoundPage } from '@mentorship/platform';
import { MatchEntity } from '../entities/match.entity';

export interface NeedsAttentionRow {
  kind: NeedsAttentionKind;
  matchId: string;
  matchStatus: MatchStatus;
  cohortId: string;
  cohortName: string;
  menteeUserId: string;
  menteeName: string;
  mentorUserId: string;
  mentorName: string;
  since: Date;
  dueAt: Date | null;
  /** no_check_in: the days without a check-in that list a pair (the program's quietDays). */
  quietDays: number | null;
  milestoneId: string | null;
  milestoneTitle: string | null;
  milestoneDueOn: string | null;
}

export interface NeedsAttentionFilter {
  cohortId?: string;
  kind?: NeedsAttentionKind;
  now: Date;
  /** Trials ending before this are listed. */
  trialsEndingBy: Date;
  /** The clock's day (UTC), for milestones' due dates. */
  today: string;
  offset: number;
  limit: number;
}

/**
 * A running pair's quiet limit: the cohort's quietDays (its snapshot, else the program's), the
 * same days after which the pair is nudged (QuietPairsService reads them through MatchRepository).
 */
const QUIET_DAYS = `coalesce((coalesce(c.settings_snapshot, p.settings)->>'quietDays')::int,
                              ${PROGRAM_LIMITS.quietDays.default})`;

/**
 * The coordinator's "needs attention" list: four reads over the lifecycle's tables, one row per
 * thing to look at, oldest first. Every branch is narrowed to the organization ($1) and to the
 * cohort when one is asked for ($2).
 */
const ITEMS = `
  WITH running AS (
    SELECT m.*, c.name AS cohort_name, ${QUIET_DAYS} AS quiet_days
      FROM matches m
      JOIN cohorts c ON c.organization_id = m.organization_id AND c.id = m.cohort_id
      JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
     WHERE m.organization_id = $1 AND ($2::uuid IS NULL OR m.cohort_id = $2)
       AND m.status IN ('trial', 'active')
  ),
  items AS (
    SELECT 'trial_ending' AS kind, r.id AS match_id, r.status, r.cohort_id, r.cohort_name,
           r.mentee_user_id, r.mentor_user_id, r.status_changed_at AS since, r.trial_ends_at AS due_at,
           NULL::int AS quiet_days,
           NULL::text AS milestone_id, NULL::text AS milestone_title, NULL::text AS milestone_due_on
      FROM running r
     WHERE r.status = 'trial' AND r.trial_ends_at IS NOT NULL AND r.trial_ends_at <= $4
    UNION ALL
    -- A declined trial whose mentee has no new match in the cohort yet.
    SELECT 'rematch_waiting', q.match_id, m.status, q.cohort_id, c.name,
           q.mentee_user_id, q.excluded_mentor_user_id, q.queued_at, NULL,
           NULL, NULL, NULL, NULL
      FROM rematch_queue q
      JOIN matches m ON m.organization_id = q.organization_id AND m.id = q.match_id
      JOIN cohorts c ON c.organization_id = q.organization_id AND c.id = q.cohort_id
     WHERE q.organization_id = $1 AND ($2::uuid IS NULL OR q.cohort_id = $2) AND q.rematched_at IS NULL
       AND EXISTS (SELECT 1 FROM memberships ms
                    WHERE ms.organization_id = q.organization_id AND ms.user_id = q.mentee_user_id)
       AND NOT EXISTS (SELECT 1 FROM matches n
                        WHERE n.organization_id = q.organization_id AND n.cohort_id = q.cohort_id
                          AND n.mentee_user_id = q.mentee_user_id
                          AND n.status IN ('proposed', 'pending', 'trial', 'active'))
    UNION ALL
    -- Quiet since the last check-in, or since the match started (its first step into trial or active).
    SELECT 'no_check_in', r.id, r.status, r.cohort_id, r.cohort_name, r.mentee_user_id, r.mentor_user_id,
           quiet.since, quiet.since + make_interval(days => r.quiet_days),
           r.quiet_days, NULL, NULL, NULL
      FROM running r
      CROSS JOIN LATERAL (
        SELECT coalesce(
                 (SELECT max(ci.held_on)::timestamp AT TIME ZONE 'UTC' FROM check_ins ci
                   WHERE ci.organization_id = r.organization_id AND ci.match_id = r.id),
                 (SELECT min(e.occurred_at) FROM match_events e
                   WHERE e.organization_id = r.organization_id AND e.match_id = r.id
                     AND e.to_status IN ('trial', 'active')),
                 r.created_at) AS since
      ) AS quiet
     WHERE quiet.since + make_interval(days => r.quiet_days) <= $3
    UNION ALL
    SELECT 'milestone_missed', r.id, r.status, r.cohort_id, r.cohort_name, r.mentee_user_id, r.mentor_user_id,
           (ms->>'dueOn')::date::timestamp AT TIME ZONE 'UTC', (ms->>'dueOn')::date::timestamp AT TIME ZONE 'UTC',
           NULL, ms->>'id', ms->>'title', ms->>'dueOn'
      FROM running r
      JOIN mentorship_maps map ON map.organization_id = r.organization_id AND map.match_id = r.id
      CROSS JOIN LATERAL jsonb_array_elements(map.content->'milestones') AS ms
     WHERE ms->>'dueOn' IS NOT NULL AND (ms->>'dueOn')::date < $5::date AND ms->>'doneOn' IS NULL
  )
  SELECT i.kind, i.match_id AS "matchId", i.status AS "matchStatus", i.cohort_id AS "cohortId",
         i.cohort_name AS "cohortName", i.mentee_user_id AS "menteeUserId", mentee.display_name AS "menteeName",
         i.mentor_user_id AS "mentorUserId", mentor.display_name AS "mentorName", i.since, i.due_at AS "dueAt",
         i.quiet_days AS "quietDays", i.milestone_id AS "milestoneId",
         i.milestone_title AS "milestoneTitle", i.milestone_due_on AS "milestoneDueOn"
    FROM items i
    JOIN users mentee ON mentee.id = i.mentee_user_id
    JOIN users mentor ON mentor.id = i.mentor_user_id
   WHERE $6::text IS NULL OR i.kind = $6`;

/** The "needs attention" list's read (coordinators'). */
@Injectable()
export class NeedsAttentionRepository extends TenantRepository<MatchEntity> {
  constructor() {
    super(MatchEntity);
  }

  page(filter: NeedsAttentionFilter): Promise<FoundPage<NeedsAttentionRow>> {
    return this.findPage<NeedsAttentionRow>(
      {
        select: ITEMS,
        params: [
          filter.cohortId ?? null,
          filter.now,
          filter.trialsEndingBy,
          filter.today,
          filter.kind ?? null,
        ],
        orderBy: 'listed.since, listed.kind, listed."matchId", listed."milestoneId"',
      },
      filter,
    );
  }

  /** Whether the cohort is this organization's. */
  async cohortExists(cohortId: string): Promise<boolean> {
    const [row] = await this.sql<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM cohorts WHERE organization_id = $1 AND id = $2) AS found`,
      [cohortId],
    );
    return row?.found ?? false;
  }
}
