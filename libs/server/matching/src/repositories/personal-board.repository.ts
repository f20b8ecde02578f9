import { Injectable } from '@nestjs/common';
import type { MentorType } from '@mentorship/contracts';
import { TenantRepository } from '@mentorship/platform';
import { SuggestionExposureEntity } from '../entities/suggestion-exposure.entity';

export interface BoardMenteeRow {
  userId: string;
  displayName: string;
  wantedMentorTypes: MentorType[];
}

export interface BoardMentorRow {
  matchId: string;
  status: 'trial' | 'active';
  mentorUserId: string;
  displayName: string;
  cohortId: string;
  cohortName: string;
  programId: string;
  programName: string;
  mentorTypes: MentorType[];
  since: Date;
}

export interface BoardCandidateRow {
  cohortId: string;
  mentorUserId: string;
  displayName: string;
  mentorTypes: MentorType[];
}

/**
 * The personal board's reads: a mentee's current matches (mentorships' table) with their
 * mentors' offered types (people's), and the mentors of the mentee's cohorts (programs' roster)
 * who could cover a missing type. Read-only; like `CohortPeopleRepository` it sits on the
 * suggestion ledger's entity because the base repository needs one, and reads no row of it.
 */
@Injectable()
export class PersonalBoardRepository extends TenantRepository<SuggestionExposureEntity> {
  constructor() {
    super(SuggestionExposureEntity);
  }

  /** The member with the types they want, or null when they are no member here. */
  async mentee(userId: string): Promise<BoardMenteeRow | null> {
    const [row] = await this.sql<BoardMenteeRow>(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName",
              coalesce(p.wanted_mentor_types, '{}') AS "wantedMentorTypes"
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN profiles p ON p.organization_id = m.organization_id AND p.user_id = m.user_id
        WHERE m.organization_id = $1 AND m.user_id = $2`,
      [userId],
    );
    return row ?? null;
  }

  /** The mentee's matches in trial or active, in every cohort, by mentor name. */
  currentMentors(menteeUserId: string): Promise<BoardMentorRow[]> {
    return this.sql<BoardMentorRow>(
      `SELECT m.id AS "matchId", m.status, m.mentor_user_id AS "mentorUserId", u.display_name AS "displayName",
              c.id AS "cohortId", c.name AS "cohortName", p.id AS "programId", p.name AS "programName",
              coalesce(pr.offered_mentor_types, '{}') AS "mentorTypes", m.status_changed_at AS since
         FROM matches m
         JOIN cohorts c ON c.organization_id = m.organization_id AND c.id = m.cohort_id
         JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
         JOIN users u ON u.id = m.mentor_user_id
         LEFT JOIN profiles pr ON pr.organization_id = m.organization_id AND pr.user_id = m.mentor_user_id
        WHERE m.organization_id = $1 AND m.mentee_user_id = $2 AND m.status IN ('trial', 'active')
        ORDER BY lower(u.display_name), m.id`,
      [menteeUserId],
    );
  }

  /**
   * Enrolled mentors of `cohortIds` offering any of `types`, other than the mentee, who never had a
   * match with the mentee (open, declined, a declined trial or ended: anywhere, so a mentor who
   * left them is not offered again) and never declined a request of theirs. Places are the
   * caller's to check (`MentorPlacesService`).
   */
  candidates(
    cohortIds: readonly string[],
    menteeUserId: string,
    types: readonly MentorType[],
  ): Promise<BoardCandidateRow[]> {
    return this.sql<BoardCandidateRow>(
      `SELECT cp.cohort_id AS "cohortId", cp.user_id AS "mentorUserId", u.display_name AS "displayName",
              pr.offered_mentor_types AS "mentorTypes"
         FROM cohort_participants cp
         JOIN users u ON u.id = cp.user_id
         JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
        WHERE cp.organization_id = $1 AND cp.cohort_id = ANY ($2::uuid[]) AND cp.role = 'mentor'
          AND cp.status = 'enrolled' AND cp.user_id <> $3 AND pr.offered_mentor_types && $4::text[]
          AND NOT EXISTS (SELECT 1 FROM matches m
                           WHERE m.organization_id = $1 AND m.mentee_user_id = $3 AND m.mentor_user_id = cp.user_id)
          AND NOT EXISTS (SELECT 1 FROM match_requests r
                           WHERE r.organization_id = $1 AND r.mentee_user_id = $3 AND r.mentor_user_id = cp.user_id
                             AND r.status = 'declined')
        ORDER BY lower(u.display_name), cp.user_id, cp.cohort_id`,
      [[...cohortIds], menteeUserId, [...types]],
    );
  }
}
