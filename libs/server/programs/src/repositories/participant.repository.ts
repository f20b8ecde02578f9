import { Injectable } from '@nestjs/common';
import type { ParticipantRole, ParticipantStatus } from '@mentorship/contracts';
import { TenantRepository, type TenantRow } from '@mentorship/platform';
import { ParticipantEntity } from '../entities/participant.entity';

export type NewParticipant = Omit<TenantRow<ParticipantEntity, 'organizationId'>, 'createdAt'>;

/** A roster line: the participant, their name and the profile fields the roster shows. */
export interface RosterRow {
  id: string;
  email: string;
  userId: string | null;
  name: string;
  role: ParticipantRole;
  status: ParticipantStatus;
  source: ParticipantEntity['source'];
  motivation: string | null;
  enrolledAt: Date | null;
  createdAt: Date;
  timeZone: string | null;
  languages: string[] | null;
  department: string | null;
}

export interface RosterFilter {
  role?: ParticipantRole;
  status?: ParticipantStatus;
  /** People whose profile offers or wants the skill. */
  skillId?: string;
  /** Part of the name or address, any case. */
  text?: string;
  offset: number;
  limit: number;
}

/** Mentor places and mentee demand of a cohort, from enrolled participants. */
export interface CapacityRow {
  mentors: number;
  /** Places of mentors who are not paused today; group mentors take `groupSize` per group. */
  mentorPlaces: number;
  mentees: number;
}

/** A name to sort and show: the member's own, else the one an invitation gave, else the address. */
const NAME = `coalesce(u.display_name, cp.name, cp.email)`;

/**
 * Reads the people context's profiles for the roster and the waitlist (read-only: profiles are
 * written through ProfilesService only). $2 is the cohort.
 */
const ROSTER_FROM = `
    FROM cohort_participants cp
    LEFT JOIN users u ON u.id = cp.user_id
    LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
   WHERE cp.organization_id = $1 AND cp.cohort_id = $2`;

/** Participants and their names, without profiles: what the roster's filters and order need. */
const PARTICIPANTS_FROM = `
    FROM cohort_participants cp
    LEFT JOIN users u ON u.id = cp.user_id
   WHERE cp.organization_id = $1 AND cp.cohort_id = $2`;

const ROSTER_FILTER = `
     AND ($3::text IS NULL OR cp.role = $3)
     AND ($4::text IS NULL OR cp.status = $4)
     AND ($5::uuid IS NULL OR cp.user_id IN (
           SELECT ps.user_id FROM profile_skills ps WHERE ps.organization_id = $1 AND ps.skill_id = $5))
     AND ($6::text IS NULL OR strpos(lower(${NAME} || ' ' || cp.email), lower($6)) > 0)`;

@Injectable()
export class ParticipantRepository extends TenantRepository<ParticipantEntity> {
  constructor() {
    super(ParticipantEntity);
  }

  /** False when the person has a place in the cohort already. */
  add(participant: NewParticipant): Promise<boolean> {
    return this.insertUnlessDuplicate(participant);
  }

  /** Adds many in one statement (an import); the addresses must be new to the cohort. */
  async addMany(participants: NewParticipant[]): Promise<void> {
    if (participants.length === 0) return;
    const rows = participants.map((p) => ({
      id: p.id,
      cohort_id: p.cohortId,
      email: p.email,
      user_id: p.userId,
      name: p.name,
      role: p.role,
      status: p.status,
      source: p.source,
      pending_profile: p.pendingProfile,
      invited_by: p.invitedBy,
      enrolled_at: p.enrolledAt,
    }));
    await this.sql(
      `INSERT INTO cohort_participants
         (organization_id, id, cohort_id, email, user_id, name, role, status, source, pending_profile, invited_by, enrolled_at)
       SELECT $1, id, cohort_id, email, user_id, name, role, status, source, pending_profile, invited_by, enrolled_at
         FROM jsonb_to_recordset($2::jsonb) AS given (
                id uuid, cohort_id uuid, email text, user_id uuid, name text, role text, status text, source text,
                pending_profile jsonb, invited_by uuid, enrolled_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }

  /** Reads a participant of the cohort and locks it, so decisions on it apply once. */
  lock(cohortId: string, id: string): Promise<ParticipantEntity | null> {
    return this.findOneForUpdate({ cohortId, id });
  }

  /** The place of the person with `email` in the cohort, locked. */
  lockByEmail(cohortId: string, email: string): Promise<ParticipantEntity | null> {
    return this.findOneForUpdate({ cohortId, email });
  }

  async change(
    id: string,
    changes: Partial<Omit<NewParticipant, 'id' | 'cohortId' | 'email'>>,
  ): Promise<void> {
    await this.update({ id }, changes);
  }

  remove(id: string): Promise<void> {
    return this.delete({ id });
  }

  /** The addresses among `emails` that have a place in the cohort already. */
  async emailsIn(cohortId: string, emails: readonly string[]): Promise<Set<string>> {
    const rows = await this.sql<{ email: string }>(
      `SELECT email FROM cohort_participants WHERE organization_id = $1 AND cohort_id = $2 AND email = ANY($3::text[])`,
      [cohortId, emails],
    );
    return new Set(rows.map((row) => row.email));
  }

  async rosterRow(cohortId: string, id: string): Promise<RosterRow | null> {
    const [row] = await this.sql<RosterRow>(`${this.rosterSelect()} ${ROSTER_FROM} AND cp.id = $3`, [
      cohortId,
      id,
    ]);
    return row ?? null;
  }

  /**
   * Mentors first, then by name. The page is cut on participants and names alone; profiles are
   * joined to its rows only (a 10,000-person cohort filtered to thousands reads 25 profiles, not
   * thousands), and the count reads no profile at all.
   */
  async roster(cohortId: string, filter: RosterFilter): Promise<{ rows: RosterRow[]; total: number }> {
    const parameters = [
      cohortId,
      filter.role ?? null,
      filter.status ?? null,
      filter.skillId ?? null,
      filter.text ?? null,
    ];
    const rows = await this.sql<RosterRow>(
      `WITH page AS (
         SELECT cp.organization_id, cp.id, cp.email, cp.user_id, ${NAME} AS name, cp.role, cp.status, cp.source,
                cp.motivation, cp.enrolled_at, cp.created_at
           ${PARTICIPANTS_FROM} ${ROSTER_FILTER}
          ORDER BY cp.role, lower(${NAME}), cp.id OFFSET $7 LIMIT $8)
       SELECT page.id, page.email, page.user_id AS "userId", page.name, page.role, page.status, page.source,
              page.motivation, page.enrolled_at AS "enrolledAt", page.created_at AS "createdAt",
              pr.time_zone AS "timeZone", pr.languages, pr.department
         FROM page
         LEFT JOIN profiles pr ON pr.organization_id = page.organization_id AND pr.user_id = page.user_id
        ORDER BY page.role, lower(page.name), page.id`,
      [...parameters, filter.offset, filter.limit],
    );
    const [count] = await this.sql<{ n: number }>(
      `SELECT count(*)::int AS n ${PARTICIPANTS_FROM} ${ROSTER_FILTER}`,
      parameters,
    );
    return { rows, total: count?.n ?? 0 };
  }

  /**
   * Places enrolled mentors offer: their profile's capacity, else the program's default; none
   * while paused; times the group size in group programs. And how many mentees are enrolled.
   */
  async capacity(
    cohortId: string,
    settings: { defaultMentorCapacity: number; groupSize: number | null },
  ): Promise<CapacityRow> {
    const [row] = await this.sql<CapacityRow>(
      `SELECT count(*) FILTER (WHERE cp.role = 'mentor')::int AS mentors,
              coalesce(sum(CASE
                WHEN cp.role <> 'mentor' THEN 0
                WHEN coalesce(pr.paused AND (pr.pause_ends_on IS NULL OR pr.pause_ends_on > current_date), false) THEN 0
                ELSE coalesce(pr.mentor_capacity, $3) * $4 END), 0)::int AS "mentorPlaces",
              count(*) FILTER (WHERE cp.role = 'mentee')::int AS mentees
         FROM cohort_participants cp
         LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
        WHERE cp.organization_id = $1 AND cp.cohort_id = $2 AND cp.status = 'enrolled'`,
      [cohortId, settings.defaultMentorCapacity, settings.groupSize ?? 1],
    );
    return row ?? { mentors: 0, mentorPlaces: 0, mentees: 0 };
  }

  /**
   * Enrolled mentees past the first `places` in order of enrollment: those who wait, each with
   * their position in the queue (1 = next to be placed).
   */
  async waitlist(
    cohortId: string,
    places: number,
    page: { offset: number; limit: number },
  ): Promise<(RosterRow & { position: number })[]> {
    return this.sql<RosterRow & { position: number }>(
      `SELECT * FROM (
         ${this.rosterSelect()}, (row_number() OVER (ORDER BY cp.enrolled_at, cp.id))::int - $3 AS position
         ${ROSTER_FROM} AND cp.role = 'mentee' AND cp.status = 'enrolled'
       ) AS queue
       WHERE position > 0 ORDER BY position OFFSET $4 LIMIT $5`,
      [cohortId, places, page.offset, page.limit],
    );
  }

  private rosterSelect(): string {
    return `SELECT cp.id, cp.email, cp.user_id AS "userId", ${NAME} AS name, cp.role, cp.status, cp.source,
                   cp.motivation, cp.enrolled_at AS "enrolledAt", cp.created_at AS "createdAt",
                   pr.time_zone AS "timeZone", pr.languages, pr.department`;
  }
}
