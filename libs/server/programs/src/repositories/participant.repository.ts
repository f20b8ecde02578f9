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

/**
 * A roster page's line as the view shows it: times already in ISO form and the skills of the
 * person's side (offered for a mentor, wanted for a mentee) already shaped, so a page of 25 costs
 * the API one object per line and no Date, filter or copy per line or skill.
 */
export interface RosterPageRow extends Omit<RosterRow, 'enrolledAt' | 'createdAt'> {
  enrolledAt: string | null;
  createdAt: string;
  skills: { skillId: string; name: string; level: number }[];
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
 * Below this many holders in the organization a skill filter starts from the holders; from it on,
 * from the cohort's roster index. Measured on the bench:people cohort of 10,000 (statement alone,
 * interleaved, load average 12-19): 20 holders 7 ms that way against 24 ms reading the cohort's
 * index; 9,000 holders (8,000 mentees, page 100) 14 ms the index way against 30 ms for the
 * holders' hash join.
 */
const FEW_HOLDERS = 200;

/**
 * Reads the people context's profiles for the roster and the waitlist (read-only: profiles are
 * written through ProfilesService only). $2 is the cohort.
 */
const ROSTER_FROM = `
    FROM cohort_participants cp
    LEFT JOIN users u ON u.id = cp.user_id
    LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
   WHERE cp.organization_id = $1 AND cp.cohort_id = $2`;

/**
 * A page row's skills of the person's side (a mentor's offered, a mentee's wanted), in the order
 * the people context lists them (`ProfileSkillRepository.of`): read here so that a roster page is
 * one statement.
 */
const PAGE_SKILLS = `(
  SELECT coalesce(json_agg(json_build_object('skillId', ps.skill_id, 'name', s.name, 'level', ps.level)
                  ORDER BY lower(s.name), ps.skill_id), '[]'::json)
    FROM profile_skills ps
    JOIN skills s ON s.organization_id = ps.organization_id AND s.id = ps.skill_id
   WHERE ps.organization_id = cp.organization_id AND ps.user_id = cp.user_id
     AND ps.kind = CASE cp.role WHEN 'mentor' THEN 'offered' ELSE 'wanted' END)`;

/** A time as JavaScript's toISOString() writes it (UTC, milliseconds). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

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
   * Mentors first, then by name: the order of `cohort_participants_roster_order_idx`, so a page
   * is read from the index in order and costs its offset plus its rows, not a sort of every
   * match. Filters read the participant alone (`sort_name` is the shown name, lower-cased, so the
   * text filter needs no join; `skill_ids` holds the profile's skills, so the skill filter needs
   * none either). Names and profiles and their skills are joined to the page's rows only; the
   * total comes in the same statement, and so does the cohort's existence: null when the
   * organization has no such cohort (the roster is for coordinators and admins, who see every
   * cohort of theirs).
   */
  async roster(
    cohortId: string,
    filter: RosterFilter,
  ): Promise<{ rows: RosterPageRow[]; total: number } | null> {
    const parameters: unknown[] = [cohortId];
    const bind = (value: unknown) => `$${parameters.push(value) + 1}`;
    const conditions = ['cp.organization_id = $1', `cp.cohort_id = $2`];
    const role = filter.role ? bind(filter.role) : null;
    const status = filter.status ? bind(filter.status) : null;
    if (role) conditions.push(`cp.role = ${role}`);
    if (status) conditions.push(`cp.status = ${status}`);
    const text = filter.text ? bind(filter.text) : null;
    if (text)
      conditions.push(`(strpos(cp.sort_name, lower(${text})) > 0 OR strpos(cp.email, lower(${text})) > 0)`);
    const skill = filter.skillId ? bind(filter.skillId) : null;
    // Two ways to the people with the skill. A skill many people have is read from the roster
    // index entry itself (`skill_ids`, kept by triggers on profile_skills): the page walks the
    // index in order and stops at offset + limit, the total counts the cohort's range, no join,
    // hash or sort. A skill few people have starts from its holders instead (profile_skills'
    // skill index, then each one's places), which is cheaper than reading the whole cohort.
    const byIndex = skill ? [...conditions, `cp.skill_ids @> ARRAY[${skill}::uuid]`] : conditions;
    const byHolders = [
      ...conditions,
      `cp.user_id IN (SELECT ps.user_id FROM profile_skills ps WHERE ps.organization_id = $1 AND ps.skill_id = ${skill})`,
    ];
    const from = (where: string[]) => `FROM cohort_participants cp WHERE ${where.join(' AND ')}`;
    const offset = bind(filter.offset);
    const limit = bind(filter.limit);
    const columns = `SELECT cp.organization_id, cp.id, cp.role, cp.sort_name`;
    const inOrder = `ORDER BY cp.role, cp.sort_name, cp.id OFFSET ${offset} LIMIT ${limit}`;
    // Without a text filter the total is a sum of the cohort's counters (kept exact by triggers,
    // programs migration 1765200000000-roster-counts.ts): a few rows, whatever the cohort's size.
    const counterFilters = [
      ...(role ? [`role = ${role}`] : []),
      ...(status ? [`status = ${status}`] : []),
      ...(skill ? [`skill_id = ${skill}`] : []),
    ];
    const counted = `counted AS (
           SELECT coalesce(sum(participants), 0)::int AS total
             FROM ${skill ? 'cohort_roster_skill_counts' : 'cohort_roster_counts'}
            WHERE ${['organization_id = $1', 'cohort_id = $2', ...counterFilters].join(' AND ')})`;
    let pageAndCount: string;
    if (text) {
      // The text filter is a substring of the name or of the address, both in the roster index's
      // entries, so it reads the index alone; no counter answers a substring, so the matches are
      // gathered once and the page and the total both read from them. (An index of every piece of
      // each name and address, which row-level security would let a range condition use, was
      // measured and left out: it made writing 1,000 participants 7x slower; docs/benchmarks.md.)
      pageAndCount = `WITH matching AS MATERIALIZED (${columns} ${from(byIndex)}),
         page AS (SELECT * FROM matching ORDER BY role, sort_name, id OFFSET ${offset} LIMIT ${limit}),
         counted AS (SELECT count(*)::int AS total FROM matching)`;
    } else if (skill) {
      // Which way is decided in the statement: at most FEW_HOLDERS entries of the skill index are
      // read, and the other way's scan is never executed (one-time filters).
      pageAndCount = `WITH holders AS MATERIALIZED (
           SELECT count(*) >= ${FEW_HOLDERS} AS many FROM (
             SELECT 1 FROM profile_skills ps WHERE ps.organization_id = $1 AND ps.skill_id = ${skill}
              LIMIT ${FEW_HOLDERS}) AS holder),
         page AS (
           (${columns} ${from(byIndex)} AND (SELECT many FROM holders) ${inOrder})
           UNION ALL
           (${columns} ${from(byHolders)} AND NOT (SELECT many FROM holders) ${inOrder})),
         ${counted}`;
    } else {
      pageAndCount = `WITH page AS (${columns} ${from(conditions)} ${inOrder}), ${counted}`;
    }
    const found = await this.sql<RosterPageRow & { total: number }>(
      `${pageAndCount}
       SELECT counted.total, cp.id, cp.email, cp.user_id AS "userId", ${NAME} AS name, cp.role, cp.status,
              cp.source, cp.motivation, ${iso('cp.enrolled_at')} AS "enrolledAt", ${iso('cp.created_at')} AS "createdAt",
              pr.time_zone AS "timeZone", pr.languages, pr.department, ${PAGE_SKILLS} AS skills
         FROM cohorts c
         CROSS JOIN counted
         LEFT JOIN page ON true
         LEFT JOIN cohort_participants cp ON cp.organization_id = page.organization_id AND cp.id = page.id
         LEFT JOIN users u ON u.id = cp.user_id
         LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
        WHERE c.organization_id = $1 AND c.id = $2
        ORDER BY page.role, page.sort_name, page.id`,
      parameters,
    );
    const [first] = found;
    if (!first) return null;
    // An empty page still answers one line, the total's, with no participant on it. The lines
    // keep their `total` field: the service copies the fields it shows.
    return { rows: first.id === null ? [] : found, total: first.total };
  }

  /**
   * Places enrolled mentors offer (`mentor_places`, the one rule: the profile's capacity, else the
   * program's default; none while paused; times the group size), and how many mentees are enrolled.
   */
  async capacity(
    cohortId: string,
    settings: { kind: string; defaultMentorCapacity: number; groupSize: number | null },
  ): Promise<CapacityRow> {
    const [row] = await this.sql<CapacityRow>(
      `SELECT count(*) FILTER (WHERE cp.role = 'mentor')::int AS mentors,
              coalesce(sum(mentor_places(pr, $3::jsonb)) FILTER (WHERE cp.role = 'mentor'), 0)::int AS "mentorPlaces",
              count(*) FILTER (WHERE cp.role = 'mentee')::int AS mentees
         FROM cohort_participants cp
         LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
        WHERE cp.organization_id = $1 AND cp.cohort_id = $2 AND cp.status = 'enrolled'`,
      [cohortId, JSON.stringify(settings)],
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
