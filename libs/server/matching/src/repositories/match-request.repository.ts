import { Injectable } from '@nestjs/common';
import type { MatchRequestStatus } from '@mentorship/contracts';
import { MATCH_STATUSES_HOLDING_A_PLACE } from '@mentorship/contracts';
import { TenantRepository, type TenantRow } from '@mentorship/platform';
import { MatchRequestEntity } from '../entities/match-request.entity';

export type NewMatchRequest = Omit<
  TenantRow<MatchRequestEntity, 'organizationId'>,
  'createdAt' | 'updatedAt' | 'status'
>;

export type MatchRequestChanges = Pick<
  TenantRow<MatchRequestEntity, 'organizationId'>,
  'status' | 'declineReason' | 'declineNote' | 'suggestedMentorUserId' | 'matchId' | 'decidedAt'
>;

/** A request with the names of the people it names, as lists and views show it. */
export interface MatchRequestRow extends MatchRequestEntity {
  menteeName: string;
  mentorName: string;
  suggestedMentorName: string | null;
  cohortName: string;
}

export interface MatchRequestFilter {
  /** Whose side: the requests the caller sent (mentee) or received (mentor). */
  side: 'mentee' | 'mentor';
  userId: string;
  status?: MatchRequestStatus;
  cohortId?: string;
  offset: number;
  limit: number;
}

const ROWS = `
  SELECT r.organization_id AS "organizationId", r.id, r.cohort_id AS "cohortId", r.mentee_user_id AS "menteeUserId",
         r.mentor_user_id AS "mentorUserId", r.status, r.subject, r.how_found AS "howFound",
         r.want_to_learn AS "wantToLearn", r.specific_ask AS "specificAsk", r.offer_back AS "offerBack",
         r.decline_reason AS "declineReason", r.decline_note AS "declineNote",
         r.suggested_mentor_user_id AS "suggestedMentorUserId", r.match_id AS "matchId",
         r.expires_at AS "expiresAt", r.decided_at AS "decidedAt", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
         mentee.display_name AS "menteeName", mentor.display_name AS "mentorName",
         suggested.display_name AS "suggestedMentorName", c.name AS "cohortName"
    FROM match_requests r
    JOIN users mentee ON mentee.id = r.mentee_user_id
    JOIN users mentor ON mentor.id = r.mentor_user_id
    LEFT JOIN users suggested ON suggested.id = r.suggested_mentor_user_id
    JOIN cohorts c ON c.organization_id = r.organization_id AND c.id = r.cohort_id
   WHERE r.organization_id = $1`;

/** A request's status as of now: open past its time counts as expired. */
const STATUS_NOW = `(CASE WHEN r.status = 'open' AND r.expires_at <= now() THEN 'expired' ELSE r.status END)`;

/** The match_requests table's queries. */
@Injectable()
export class MatchRequestRepository extends TenantRepository<MatchRequestEntity> {
  constructor() {
    super(MatchRequestEntity);
  }

  async add(request: NewMatchRequest): Promise<void> {
    await this.insert({ ...request, status: 'open' });
  }

  /**
   * Holds the mentee's request lock in the cohort until the transaction ends: two requests sent
   * at once are counted against the program's limit one after the other.
   */
  async lockMentee(cohortId: string, menteeUserId: string): Promise<void> {
    await this.sql(
      `SELECT pg_advisory_xact_lock(hashtextextended('match-request-mentee:' || $1::text || ':' || $2::text || ':' || $3::text, 0))`,
      [cohortId, menteeUserId],
    );
  }

  /** The mentee's requests still waiting for an answer in the cohort (expired ones no longer count). */
  async openOf(cohortId: string, menteeUserId: string): Promise<{ id: string; mentorUserId: string }[]> {
    return this.sql(
      `SELECT id, mentor_user_id AS "mentorUserId" FROM match_requests
        WHERE organization_id = $1 AND cohort_id = $2 AND mentee_user_id = $3 AND status = 'open' AND expires_at > now()`,
      [cohortId, menteeUserId],
    );
  }

  /** Mentors of the cohort who declined the mentee there. */
  async declinedBy(cohortId: string, menteeUserId: string): Promise<Set<string>> {
    const rows = await this.sql<{ mentor: string }>(
      `SELECT DISTINCT mentor_user_id AS mentor FROM match_requests
        WHERE organization_id = $1 AND cohort_id = $2 AND mentee_user_id = $3 AND status = 'declined'`,
      [cohortId, menteeUserId],
    );
    return new Set(rows.map((row) => row.mentor));
  }

  /** Mentors the mentee has an open match with in the cohort (read from mentorships' matches). */
  async matchedWith(cohortId: string, menteeUserId: string): Promise<Set<string>> {
    const rows = await this.sql<{ mentor: string }>(
      `SELECT DISTINCT mentor_user_id AS mentor FROM matches
        WHERE organization_id = $1 AND cohort_id = $2 AND mentee_user_id = $3 AND status = ANY ($4::text[])`,
      [cohortId, menteeUserId, [...MATCH_STATUSES_HOLDING_A_PLACE]],
    );
    return new Set(rows.map((row) => row.mentor));
  }

  /** A request to `mentorUserId`, locked, if there is one. */
  lockForMentor(id: string, mentorUserId: string): Promise<MatchRequestEntity | null> {
    return this.findOneForUpdate({ id, mentorUserId });
  }

  lockForMentee(id: string, menteeUserId: string): Promise<MatchRequestEntity | null> {
    return this.findOneForUpdate({ id, menteeUserId });
  }

  lock(id: string): Promise<MatchRequestEntity | null> {
    return this.findOneForUpdate({ id });
  }

  async change(id: string, changes: MatchRequestChanges): Promise<void> {
    await this.update({ id }, { ...changes, updatedAt: new Date() });
  }

  async row(id: string): Promise<MatchRequestRow | null> {
    const [row] = await this.sql<MatchRequestRow>(`${ROWS} AND r.id = $2`, [id]);
    return row ?? null;
  }

  /** Newest first. */
  async page(filter: MatchRequestFilter): Promise<{ rows: MatchRequestRow[]; total: number }> {
    const side = filter.side === 'mentee' ? 'r.mentee_user_id' : 'r.mentor_user_id';
    // An open request past its time is listed as expired, as its view says, before the job runs.
    const where = `AND ${side} = $2 AND ($3::text IS NULL OR ${STATUS_NOW} = $3) AND ($4::uuid IS NULL OR r.cohort_id = $4)`;
    const parameters = [filter.userId, filter.status ?? null, filter.cohortId ?? null];
    const rows = await this.sql<MatchRequestRow>(
      `${ROWS} ${where} ORDER BY r.created_at DESC, r.id OFFSET $5 LIMIT $6`,
      [...parameters, filter.offset, filter.limit],
    );
    const [count] = await this.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM match_requests r WHERE r.organization_id = $1 ${where}`,
      parameters,
    );
    return { rows, total: count?.n ?? 0 };
  }
}
