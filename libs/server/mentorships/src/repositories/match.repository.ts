import { Injectable } from '@nestjs/common';
import {
  MATCH_STATUSES_HOLDING_A_PLACE,
  PROGRAM_LIMITS,
  type MatchEndReason,
  type MatchStatus,
} from '@mentorship/contracts';
import { TenantRepository, type FoundPage, type TenantRow } from '@mentorship/platform';
import { MatchEntity } from '../entities/match.entity';

/** Names of the people and cohorts of some matches, by id. */
export interface MatchLabels {
  people: Map<string, string>;
  cohorts: Map<string, string>;
}

export type NewMatchRow = Omit<
  TenantRow<MatchEntity, 'organizationId'>,
  'createdAt' | 'updatedAt' | 'statusChangedAt' | 'exitReason' | 'exitReasonCode' | 'trialEndsAt'
>;

/** The program setting's default, for settings stored before it existed. */

/** The matches table's queries. */
/** A page of matches, maybe of one status. */
type MatchPageFilter = { status?: MatchStatus; offset: number; limit: number };

@Injectable()
export class MatchRepository extends TenantRepository<MatchEntity> {
  constructor() {
    super(MatchEntity);
  }

  /** Days without a check-in before the match counts as quiet (cohort snapshot, else program). */
  async quietDaysOf(matchId: string): Promise<number> {
    const [row] = await this.sql<{ days: number | null }>(
      `SELECT (coalesce(c.settings_snapshot, p.settings)->>'quietDays')::int AS days
         FROM matches m
         JOIN cohorts c ON c.organization_id = m.organization_id AND c.id = m.cohort_id
         JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE m.organization_id = $1 AND m.id = $2`,
      [matchId],
    );
    return row?.days ?? PROGRAM_LIMITS.quietDays.default;
  }

  /**
   * Who coordinates the match's cohort: coordinators manage every cohort of the organization, so
   * its members with the coordinator role (not the match's own two people).
   */
  async coordinatorsOf(matchId: string): Promise<string[]> {
    const rows = await this.sql<{ user_id: string }>(
      `SELECT ms.user_id FROM memberships ms
         JOIN matches m ON m.organization_id = ms.organization_id AND m.id = $2
        WHERE ms.organization_id = $1 AND 'coordinator' = ANY (ms.roles)
          AND ms.user_id NOT IN (m.mentee_user_id, m.mentor_user_id)
        ORDER BY ms.user_id`,
      [matchId],
    );
    return rows.map((row) => row.user_id);
  }

  /**
   * Holds each mentor's lock until the transaction ends, in one order (by id) so two
   * transactions locking overlapping mentors cannot deadlock. Whoever holds a mentor's lock
   * may count and add to that mentor's load: two accepts for one mentor run one after the other.
   */
  async lockMentors(mentorUserIds: readonly string[]): Promise<void> {
    const ordered = [...new Set(mentorUserIds)].sort();
    if (ordered.length === 0) return;
    await this.sql(
      `SELECT pg_advisory_xact_lock(hashtextextended('match-mentor:' || $1 || ':' || mentor, 0))
         FROM unnest($2::uuid[]) WITH ORDINALITY AS m(mentor, n) ORDER BY n`,
      [ordered],
    );
  }

  /**
   * Places each mentor's matches hold now, in the seats of `cohortId` (`mentor_loads`: over every
   * cohort, another cohort's groups counted as the places they fill).
   */
  async loadOf(mentorUserIds: readonly string[], cohortId: string): Promise<Map<string, number>> {
    const rows = await this.sql<{ mentor: string; load: number }>(
      `SELECT mentor, load FROM mentor_loads($1, $2::uuid[], $3)`,
      [[...new Set(mentorUserIds)], cohortId],
    );
    return new Map(rows.map((row) => [row.mentor, row.load]));
  }

  /** Open pairs among `pairs` (mentor, mentee) in the cohort: those a new match would repeat. */
  async openPairs(cohortId: string, pairs: readonly { mentorUserId: string; menteeUserId: string }[]) {
    if (pairs.length === 0) return [];
    return this.sql<{ mentorUserId: string; menteeUserId: string }>(
      `SELECT mentor_user_id AS "mentorUserId", mentee_user_id AS "menteeUserId" FROM matches
        WHERE organization_id = $1 AND cohort_id = $2 AND status = ANY ($3::text[])
          AND (mentor_user_id, mentee_user_id) IN (SELECT * FROM unnest($4::uuid[], $5::uuid[]))`,
      [
        cohortId,
        [...MATCH_STATUSES_HOLDING_A_PLACE],
        pairs.map((p) => p.mentorUserId),
        pairs.map((p) => p.menteeUserId),
      ],
    );
  }

  /** Inserts the rows in one statement. */
  async insertMany(rows: readonly NewMatchRow[]): Promise<void> {
    for (let at = 0; at < rows.length; at += 1000) {
      const chunk = rows.slice(at, at + 1000);
      await this.sql(
        `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin,
                              origin_id, single_conversation, created_by)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[],
                                  $8::uuid[], $9::boolean[], $10::uuid[])`,
        [
          chunk.map((r) => r.id),
          chunk.map((r) => r.cohortId),
          chunk.map((r) => r.mentorUserId),
          chunk.map((r) => r.menteeUserId),
          chunk.map((r) => r.status),
          chunk.map((r) => r.origin),
          chunk.map((r) => r.originId ?? null),
          chunk.map((r) => r.singleConversation ?? false),
          chunk.map((r) => r.createdBy ?? null),
        ],
      );
    }
  }

  ofCohort(cohortId: string): Promise<MatchEntity[]> {
    return this.find({ cohortId }, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  byId(id: string): Promise<MatchEntity | null> {
    return this.findOne({ id });
  }

  /** The cohort's program kind: its snapshot once out of draft, else the program's settings. */
  async programKindOf(cohortId: string): Promise<string | null> {
    const [row] = await this.sql<{ kind: string | null }>(
      `SELECT coalesce(c.settings_snapshot, p.settings)->>'kind' AS kind
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    return row?.kind ?? null;
  }

  lockById(id: string): Promise<MatchEntity | null> {
    return this.findOneForUpdate({ id });
  }

  async moveTo(
    id: string,
    status: MatchStatus,
    at: Date,
    exitReason: string | null,
    exitReasonCode: MatchEndReason | null,
  ): Promise<void> {
    await this.update(
      { id },
      {
        status,
        statusChangedAt: at,
        ...(exitReason !== null ? { exitReason } : {}),
        ...(exitReasonCode !== null ? { exitReasonCode } : {}),
      },
    );
  }

  /** The member's matches still open (proposed to active), in every cohort, locked, oldest first. */
  lockOpenOf(userId: string): Promise<MatchEntity[]> {
    return this.query('m')
      .andWhere('(m.mentorUserId = :userId OR m.menteeUserId = :userId)', { userId })
      .andWhere('m.status IN (:...open)', { open: ['proposed', 'pending', 'trial', 'active'] })
      .orderBy('m.createdAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** The cohort's matches still open (proposed to active), oldest first. */
  openOfCohort(cohortId: string): Promise<MatchEntity[]> {
    return this.query('m')
      .andWhere('m.cohortId = :cohortId', { cohortId })
      .andWhere('m.status IN (:...open)', { open: ['proposed', 'pending', 'trial', 'active'] })
      .orderBy('m.createdAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  /** When the match started: its first step into trial or active (null: it never did). */
  async startOf(matchId: string): Promise<Date | null> {
    const [row] = await this.sql<{ at: Date | null }>(
      `SELECT min(occurred_at) AS at FROM match_events
        WHERE organization_id = $1 AND match_id = $2 AND to_status IN ('trial', 'active')`,
      [matchId],
    );
    return row?.at ?? null;
  }

  /** The cohort's last day (YYYY-MM-DD) and status, or null when there is no such cohort. */
  async cohortEndOf(cohortId: string): Promise<{ endsOn: string; closed: boolean } | null> {
    const [row] = await this.sql<{ endsOn: string; closed: boolean }>(
      `SELECT ends_on::text AS "endsOn", status = 'closed' AS closed FROM cohorts WHERE organization_id = $1 AND id = $2`,
      [cohortId],
    );
    return row ?? null;
  }

  /** The caller's matches as mentor or mentee, newest first. */
  ofPerson(userId: string, filter: MatchPageFilter): Promise<FoundPage<MatchEntity>> {
    return this.pageWhere(
      '(m.mentorUserId = :userId OR m.menteeUserId = :userId)',
      { userId },
      'm.createdAt',
      filter,
    );
  }

  /** A cohort's matches for its coordinators: the latest change first, so what just moved is on top. */
  pageOfCohort(cohortId: string, filter: MatchPageFilter): Promise<FoundPage<MatchEntity>> {
    return this.pageWhere('m.cohortId = :cohortId', { cohortId }, 'm.statusChangedAt', filter);
  }

  /** The matches (alias `m`) where `condition` holds, maybe of one status, `latestFirst` descending. */
  private pageWhere(
    condition: string,
    parameters: Record<string, string>,
    latestFirst: string,
    filter: MatchPageFilter,
  ): Promise<FoundPage<MatchEntity>> {
    const builder = this.query('m')
      .andWhere(condition, parameters)
      .orderBy(latestFirst, 'DESC')
      .addOrderBy('m.id', 'ASC');
    if (filter.status) builder.andWhere('m.status = :status', { status: filter.status });
    return this.findPage(builder, { offset: filter.offset, limit: filter.limit });
  }

  /**
   * What a page about matches shows of their people and cohorts: each side's display name and each cohort's name, so a mentee can see who their mentor
   * is without the coordinators' profile routes.
   */
  async labelsOf(matches: readonly MatchEntity[]): Promise<MatchLabels> {
    if (matches.length === 0) return { people: new Map(), cohorts: new Map() };
    const people = await this.sql<{ id: string; name: string }>(
      `SELECT DISTINCT u.id, u.display_name AS name
         FROM matches m JOIN users u ON u.id IN (m.mentor_user_id, m.mentee_user_id)
        WHERE m.organization_id = $1 AND m.id = ANY ($2::uuid[])`,
      [matches.map((m) => m.id)],
    );
    const cohorts = await this.sql<{ id: string; name: string }>(
      `SELECT c.id, c.name FROM cohorts c WHERE c.organization_id = $1 AND c.id = ANY ($2::uuid[])`,
      [[...new Set(matches.map((m) => m.cohortId))]],
    );
    return {
      people: new Map(people.map((row) => [row.id, row.name])),
      cohorts: new Map(cohorts.map((row) => [row.id, row.name])),
    };
  }

  /**
   * The mentor's places for a match of this cohort (`mentor_places`, the one rule: their profile's
   * capacity, else the cohort's program default, its snapshot once out of draft; none while their
   * pause runs; times the group size in a group program).
   */
  async placesOf(mentorUserId: string, cohortId: string): Promise<number> {
    const [row] = await this.sql<{ places: number }>(
      `SELECT mentor_places(p, coalesce(c.settings_snapshot, pr.settings)) AS places
         FROM cohorts c
         JOIN programs pr ON pr.organization_id = c.organization_id AND pr.id = c.program_id
         LEFT JOIN profiles p ON p.organization_id = c.organization_id AND p.user_id = $3
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId, mentorUserId],
    );
    return row?.places ?? 0;
  }
}
