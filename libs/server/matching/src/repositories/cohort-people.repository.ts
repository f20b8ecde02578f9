import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import type { ProgramSettings } from '@mentorship/programs';
import type { StoredEngineProfile } from '../engine-profiles.service';
import { SuggestionExposureEntity } from '../entities/suggestion-exposure.entity';

/** A participant's profile as the engine needs it; skills by their catalogue name. */
export interface CohortPersonRow extends StoredEngineProfile {
  userId: string;
  /** The manager's membership when the manager is a member, else their address. */
  managerKey: string | null;
}

const PERSON = `
  SELECT cp.user_id AS "userId",
         coalesce(mgr.id::text, pr.manager_email) AS "managerKey",
         pr.department, pr.seniority, coalesce(pr.languages, '{}') AS languages, pr.time_zone AS "timeZone",
         coalesce(pr.availability, '[]') AS availability, coalesce(pr.topics, '{}') AS topics,
         coalesce(pr.goals, '{}') AS goals,
         coalesce(pr.offered_mentor_types, '{}') AS "offeredMentorTypes",
         coalesce(pr.wanted_mentor_types, '{}') AS "wantedMentorTypes",
         coalesce((SELECT json_agg(json_build_object('name', s.name, 'level', ps.level) ORDER BY s.name)
                     FROM profile_skills ps
                     JOIN skills s ON s.organization_id = ps.organization_id AND s.id = ps.skill_id
                    WHERE ps.organization_id = cp.organization_id AND ps.user_id = cp.user_id
                      AND ps.kind = CASE cp.role WHEN 'mentor' THEN 'offered' ELSE 'wanted' END), '[]') AS skills
    FROM cohort_participants cp
    LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
    LEFT JOIN users mgr ON mgr.email = pr.manager_email
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = cp.organization_id AND m.user_id = mgr.id)
   WHERE cp.organization_id = $1 AND cp.cohort_id = $2 AND cp.status = 'enrolled' AND cp.user_id IS NOT NULL`;

/**
 * The matching context's read of the people it matches: a cohort's enrolled participants
 * (programs' roster) with their profiles (people's). Read-only: those contexts write them. It
 * sits on the suggestion ledger's entity because the base repository needs one; it reads no row
 * of that table.
 */
@Injectable()
export class CohortPeopleRepository extends TenantRepository<SuggestionExposureEntity> {
  constructor() {
    super(SuggestionExposureEntity);
  }

  /** Every enrolled mentor of the cohort, by membership id. */
  mentors(cohortId: string): Promise<CohortPersonRow[]> {
    return this.sql<CohortPersonRow>(`${PERSON} AND cp.role = 'mentor' ORDER BY cp.user_id`, [cohortId]);
  }

  /** One enrolled participant of the cohort in `role`, or null. */
  async person(cohortId: string, userId: string, role: 'mentor' | 'mentee'): Promise<CohortPersonRow | null> {
    const [row] = await this.sql<CohortPersonRow>(`${PERSON} AND cp.role = $3 AND cp.user_id = $4`, [
      cohortId,
      role,
      userId,
    ]);
    return row ?? null;
  }

  /**
   * A stamp of everything the cohort's mentor index is built from: the cohort's settings and
   * start, each enrolled mentor and their profile's last change, the catalogue's last change
   * (skill names feed the reasons; a merge moves skills without touching profiles), and today
   * (a pause ends on a date). Every API replica computes the same stamp from the same rows, so
   * one whose index is older sees it at its next request and rebuilds.
   */
  async mentorIndexVersion(cohortId: string): Promise<string | null> {
    const [row] = await this.sql<{ version: string }>(
      `SELECT md5(concat_ws('|',
                coalesce(c.settings_snapshot, p.settings)::text, c.starts_on::text, current_date::text,
                (SELECT max(s.updated_at)::text FROM skills s WHERE s.organization_id = $1),
                (SELECT string_agg(cp.user_id::text || ':' || coalesce(pr.updated_at::text, '-'), ',' ORDER BY cp.user_id)
                   FROM cohort_participants cp
                   LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
                  WHERE cp.organization_id = $1 AND cp.cohort_id = $2 AND cp.role = 'mentor'
                    AND cp.status = 'enrolled' AND cp.user_id IS NOT NULL))) AS version
         FROM cohorts c
         JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    return row?.version ?? null;
  }

  /** The cohorts `userId` is an enrolled `role` of while they are matching or running, by name. */
  enrolledCohortsAs(
    role: 'mentor' | 'mentee',
    userId: string,
  ): Promise<{ id: string; name: string; settings: ProgramSettings }[]> {
    return this.sql(
      `SELECT c.id, c.name, coalesce(c.settings_snapshot, p.settings) AS settings
         FROM cohort_participants cp
         JOIN cohorts c ON c.organization_id = cp.organization_id AND c.id = cp.cohort_id
         JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE cp.organization_id = $1 AND cp.user_id = $2 AND cp.role = $3 AND cp.status = 'enrolled'
          AND c.status IN ('matching', 'running')
        ORDER BY c.name, c.id`,
      [userId, role],
    );
  }

  /** The cohort's other enrolled mentors, by name. */
  otherMentors(cohortId: string, userId: string): Promise<{ userId: string; displayName: string }[]> {
    return this.sql(
      `SELECT u.id AS "userId", u.display_name AS "displayName"
         FROM cohort_participants cp
         JOIN users u ON u.id = cp.user_id
        WHERE cp.organization_id = $1 AND cp.cohort_id = $2 AND cp.role = 'mentor' AND cp.status = 'enrolled'
          AND cp.user_id <> $3
        ORDER BY u.display_name, u.id`,
      [cohortId, userId],
    );
  }

  /** Members' places in a program with `settings` (`mentor_places`; no profile: the defaults). */
  async placesOf(
    userIds: readonly string[],
    settings: { kind: string; defaultMentorCapacity: number; groupSize: number | null },
  ): Promise<Map<string, number>> {
    const rows = await this.sql<{ userId: string; places: number }>(
      `SELECT u.id AS "userId", mentor_places(pr, $3::jsonb) AS places
         FROM unnest($2::uuid[]) AS u(id)
         LEFT JOIN profiles pr ON pr.organization_id = $1 AND pr.user_id = u.id`,
      [[...userIds], JSON.stringify(settings)],
    );
    return new Map(rows.map((row) => [row.userId, row.places]));
  }

  /** Members' display names, by membership id. */
  async names(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.sql<{ userId: string; name: string }>(
      `SELECT u.id AS "userId", u.display_name AS name FROM users u
        WHERE u.id = ANY ($2::uuid[])
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = $1 AND m.user_id = u.id)`,
      [[...userIds]],
    );
    return new Map(rows.map((row) => [row.userId, row.name]));
  }
}
