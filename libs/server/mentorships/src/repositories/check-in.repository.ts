import { Injectable } from '@nestjs/common';
import type { NotebookEntryKind } from '@mentorship/contracts';
import { TenantRepository, type FoundPage } from '@mentorship/platform';
import { CheckInEntity } from '../entities/check-in.entity';

export interface NotebookEntryRow {
  id: string;
  matchId: string;
  authorUserId: string;
  kind: NotebookEntryKind;
  body: string;
  private: boolean;
  createdAt: Date;
}

export interface PlannedMeetingRow {
  matchId: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  location: string;
  agenda: string;
  sequence: number;
  plannedBy: string;
  plannedAt: Date;
}

/** Check-ins, the notebook and the next meeting of a match, and the rules they read. */
@Injectable()
export class CheckInRepository extends TenantRepository<CheckInEntity> {
  constructor() {
    super(CheckInEntity);
  }

  add(checkIn: Omit<CheckInEntity, 'organizationId'>): Promise<void> {
    return this.insert(checkIn);
  }

  /** The day of the match's latest meeting (YYYY-MM-DD), or null before the first. */
  async latestHeldOn(matchId: string): Promise<string | null> {
    const [row] = await this.sql<{ day: string | null }>(
      `SELECT to_char(max(held_on), 'YYYY-MM-DD') AS day FROM check_ins WHERE organization_id = $1 AND match_id = $2`,
      [matchId],
    );
    return row?.day ?? null;
  }

  one(matchId: string, id: string): Promise<CheckInEntity | null> {
    return this.findOne({ matchId, id });
  }

  /** Newest meeting first. */
  page(matchId: string, page: { offset: number; limit: number }): Promise<FoundPage<CheckInEntity>> {
    const builder = this.query('c')
      .andWhere('c.matchId = :matchId', { matchId })
      .orderBy('c.heldOn', 'DESC')
      .addOrderBy('c.loggedAt', 'DESC')
      .addOrderBy('c.id', 'ASC');
    return this.findPage(builder, page);
  }

  async addEntry(entry: NotebookEntryRow): Promise<void> {
    await this.sql(
      `INSERT INTO notebook_entries (organization_id, id, match_id, author_user_id, kind, body, private, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.id, entry.matchId, entry.authorUserId, entry.kind, entry.body, entry.private, entry.createdAt],
    );
  }

  /** The entries `readerUserId` may read, newest first: shared ones, their own, and all when `allPrivate`. */
  entries(
    matchId: string,
    reader: { userId: string; allPrivate: boolean },
    page: { offset: number; limit: number },
  ): Promise<FoundPage<NotebookEntryRow>> {
    return this.findPage<NotebookEntryRow>(
      {
        select: `SELECT id, match_id AS "matchId", author_user_id AS "authorUserId", kind, body, private,
                        created_at AS "createdAt"
                   FROM notebook_entries
                  WHERE organization_id = $1 AND match_id = $2 AND (NOT private OR author_user_id = $3 OR $4)`,
        params: [matchId, reader.userId, reader.allPrivate],
        orderBy: 'listed."createdAt" DESC, listed.id',
      },
      page,
    );
  }

  async meetingOf(matchId: string): Promise<PlannedMeetingRow | null> {
    const [row] = await this.sql<PlannedMeetingRow>(
      `SELECT match_id AS "matchId", starts_at AS "startsAt", duration_minutes AS "durationMinutes",
              time_zone AS "timeZone", location, agenda, sequence, planned_by AS "plannedBy", planned_at AS "plannedAt"
         FROM planned_meetings WHERE organization_id = $1 AND match_id = $2`,
      [matchId],
    );
    return row ?? null;
  }

  /** Plans the next meeting; re-planning replaces it and bumps its calendar sequence. */
  async planMeeting(meeting: Omit<PlannedMeetingRow, 'sequence'>): Promise<void> {
    await this.sql(
      `INSERT INTO planned_meetings (organization_id, match_id, starts_at, duration_minutes, time_zone, location,
                                     agenda, sequence, planned_by, planned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9)
       ON CONFLICT (organization_id, match_id) DO UPDATE SET
         starts_at = EXCLUDED.starts_at, duration_minutes = EXCLUDED.duration_minutes,
         time_zone = EXCLUDED.time_zone, location = EXCLUDED.location, agenda = EXCLUDED.agenda,
         sequence = planned_meetings.sequence + 1, planned_by = EXCLUDED.planned_by,
         planned_at = EXCLUDED.planned_at`,
      [
        meeting.matchId,
        meeting.startsAt,
        meeting.durationMinutes,
        meeting.timeZone,
        meeting.location,
        meeting.agenda,
        meeting.plannedBy,
        meeting.plannedAt,
      ],
    );
  }

  /** Whether the cohort's program lets coordinators read private notes (snapshot, else program). */
  async privateNotesToCoordinators(cohortId: string): Promise<boolean> {
    const [row] = await this.sql<{ allowed: boolean | null }>(
      `SELECT (coalesce(c.settings_snapshot, p.settings)->>'privateNotesToCoordinators')::boolean AS allowed
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    return row?.allowed ?? false;
  }

  /** The person's IANA zone from their profile, if they set one. */
  async timeZoneOf(userId: string): Promise<string | null> {
    const [row] = await this.sql<{ zone: string | null }>(
      `SELECT time_zone AS zone FROM profiles WHERE organization_id = $1 AND user_id = $2`,
      [userId],
    );
    return row?.zone ?? null;
  }
}
