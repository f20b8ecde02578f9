import { Injectable } from '@nestjs/common';
import { MATCH_STATUSES_HOLDING_A_PLACE } from '@mentorship/contracts';
import { TenantRepository } from '@mentorship/platform';
import { SuggestionExposureEntity } from '../entities/suggestion-exposure.entity';

/** A cohort mentor's load (the places their matches hold, `mentor_loads`) and name. */
export interface MentorStateRow {
  mentorUserId: string;
  load: number;
  name: string;
}

/** What a mentee's list leaves out or says of their mentors: declines, matches, open requests. */
export interface MenteeStateRow {
  declined: string[];
  matched: string[];
  openRequests: { mentorUserId: string; id: string; expiresAt: string }[];
}

/**
 * The facts of a suggestion list that change with requests and matches, read when a mentee's
 * kept answer is no longer trusted (`SuggestionsService`): one statement for the cohort's
 * mentors, one for the mentee. Read-only; it sits on the old ledger table's entity because the
 * base repository needs one.
 */
@Injectable()
export class SuggestionStateRepository extends TenantRepository<SuggestionExposureEntity> {
  constructor() {
    super(SuggestionExposureEntity);
  }

  /** Each mentor's load in the cohort's seats and display name, in one statement. */
  mentors(cohortId: string, mentorUserIds: readonly string[]): Promise<MentorStateRow[]> {
    if (mentorUserIds.length === 0) return Promise.resolve([]);
    return this.sql<MentorStateRow>(
      `SELECT m.id AS "mentorUserId", coalesce(l.load, 0)::int AS load, coalesce(u.display_name, '') AS name
         FROM unnest($3::uuid[]) AS m(id)
         LEFT JOIN mentor_loads($1, $3::uuid[], $2) AS l ON l.mentor = m.id
         LEFT JOIN users u ON u.id = m.id`,
      [cohortId, [...mentorUserIds]],
    );
  }

  /** The mentors who declined the mentee, are matched with them, or have an open request from them. */
  async mentee(cohortId: string, menteeUserId: string): Promise<MenteeStateRow> {
    const [row] = await this.sql<MenteeStateRow>(
      `SELECT
         coalesce((SELECT array_agg(DISTINCT r.mentor_user_id) FROM match_requests r
                    WHERE r.organization_id = $1 AND r.cohort_id = $2 AND r.mentee_user_id = $3
                      AND r.status = 'declined'), '{}') AS declined,
         coalesce((SELECT array_agg(DISTINCT m.mentor_user_id) FROM matches m
                    WHERE m.organization_id = $1 AND m.cohort_id = $2 AND m.mentee_user_id = $3
                      AND m.status = ANY ($4::text[])), '{}') AS matched,
         coalesce((SELECT json_agg(json_build_object('mentorUserId', r.mentor_user_id, 'id', r.id,
                                                      'expiresAt', r.expires_at))
                     FROM match_requests r
                    WHERE r.organization_id = $1 AND r.cohort_id = $2 AND r.mentee_user_id = $3
                      AND r.status = 'open' AND r.expires_at > now()), '[]') AS "openRequests"`,
      [cohortId, menteeUserId, [...MATCH_STATUSES_HOLDING_A_PLACE]],
    );
    return row;
  }
}
