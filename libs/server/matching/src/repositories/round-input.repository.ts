import { Injectable } from '@nestjs/common';
import { MATCH_STATUSES_HOLDING_A_PLACE, type CohortStatus } from '@mentorship/contracts';
import { profileFactColumns, type MemberContact, type ProfileFacts } from '@mentorship/people';
import { TenantRepository } from '@mentorship/platform';
import type { ProgramSettings } from '@mentorship/programs';
import { MatchingRoundEntity } from '../entities/matching-round.entity';

/** A cohort as a round needs it: its status and the settings frozen when it left draft. */
export interface RoundCohort {
  id: string;
  name: string;
  status: CohortStatus;
  settings: ProgramSettings;
}

/** An enrolled participant's profile, as stored (people context), with the skills by id. */
export type ParticipantProfileRow = MemberContact &
  ProfileFacts & {
    /** Mentor places the profile offers (`mentor_places`; 0 for a mentee). */
    places: number;
    /** The name too: the engine's reasons name the skills a pair shares, as suggestions do. */
    skills: { skillId: string; name: string; level: number }[];
  };

/**
 * Reads what a round is made of from the programs and people contexts' tables, read-only (the
 * roster does the same): the cohort, its enrolled mentees still without an open match in it,
 * its enrolled mentors with their places. $1 is the tenant.
 */
@Injectable()
export class RoundInputRepository extends TenantRepository<MatchingRoundEntity> {
  constructor() {
    super(MatchingRoundEntity);
  }

  async cohort(cohortId: string): Promise<RoundCohort | null> {
    const [row] = await this.sql<RoundCohort>(
      `SELECT c.id, c.name, c.status, coalesce(c.settings_snapshot, p.settings) AS settings
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    return row ?? null;
  }

  /** Enrolled mentees without an open match in the cohort (matched ones are done). */
  mentees(cohortId: string): Promise<ParticipantProfileRow[]> {
    return this.profiles(cohortId, 'mentee', 'wanted', null);
  }

  /** Enrolled mentors with the places their profile offers in this program (`mentor_places`). */
  mentors(
    cohortId: string,
    settings: { kind: string; defaultMentorCapacity: number; groupSize: number | null },
  ): Promise<ParticipantProfileRow[]> {
    return this.profiles(cohortId, 'mentor', 'offered', settings);
  }

  /** Users' names and addresses, for the notifications of a published round. */
  async people(userIds: readonly string[]): Promise<Map<string, { email: string; name: string }>> {
    const rows = await this.sql<{ id: string; email: string; name: string }>(
      `SELECT u.id, u.email, coalesce(u.display_name, u.email) AS name
         FROM memberships ms JOIN users u ON u.id = ms.user_id
        WHERE ms.organization_id = $1 AND ms.user_id = ANY ($2::uuid[])`,
      [[...userIds]],
    );
    return new Map(rows.map((row) => [row.id, { email: row.email, name: row.name }]));
  }

  private profiles(
    cohortId: string,
    role: 'mentor' | 'mentee',
    skillKind: 'offered' | 'wanted',
    settings: { kind: string; defaultMentorCapacity: number; groupSize: number | null } | null,
  ): Promise<ParticipantProfileRow[]> {
    return this.sql<ParticipantProfileRow>(
      `SELECT cp.user_id AS "userId", u.email, coalesce(u.display_name, cp.name, u.email) AS name,
              ${profileFactColumns('pr')},
              (CASE WHEN cp.role = 'mentor' THEN mentor_places(pr, $6::jsonb) ELSE 0 END)::int AS places,
              coalesce((SELECT json_agg(json_build_object('skillId', ps.skill_id, 'name', sk.name, 'level', ps.level) ORDER BY ps.skill_id)
                          FROM profile_skills ps
                          JOIN skills sk ON sk.organization_id = ps.organization_id AND sk.id = ps.skill_id
                         WHERE ps.organization_id = cp.organization_id AND ps.user_id = cp.user_id AND ps.kind = $4),
                       '[]') AS skills
         FROM cohort_participants cp
         JOIN users u ON u.id = cp.user_id
         LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
        WHERE cp.organization_id = $1 AND cp.cohort_id = $2 AND cp.role = $3 AND cp.status = 'enrolled'
          -- Mentees with an open match in the cohort are matched already.
          AND (cp.role = 'mentor' OR NOT EXISTS (
                SELECT 1 FROM matches m WHERE m.organization_id = cp.organization_id AND m.cohort_id = cp.cohort_id
                   AND m.mentee_user_id = cp.user_id AND m.status = ANY ($5::text[])))
        ORDER BY cp.user_id`,
      [
        cohortId,
        role,
        skillKind,
        [...MATCH_STATUSES_HOLDING_A_PLACE],
        settings === null ? null : JSON.stringify(settings),
      ],
    );
  }
}
