import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import type { MapTemplateViewDto } from '@mentorship/programs';
import { MentorshipMapEntity, type MapContent } from '../entities/mentorship-map.entity';

/** What one save changed, for the map's history. */
export interface MapChange {
  kind: string;
  milestoneId?: string;
  replaced?: string;
  from?: string | null;
  to?: string | null;
}

/** A version of the map as it was saved. */
export interface MapVersion {
  version: number;
  content: MapContent;
  nextReviewOn: string;
  buddyUserId: string | null;
  changes: MapChange[];
  changedBy: string;
  changedAt: Date;
}

/** Maps and their versions; which user ids are members (helpers, buddies). */
@Injectable()
export class MentorshipMapRepository extends TenantRepository<MentorshipMapEntity> {
  constructor() {
    super(MentorshipMapEntity);
  }

  ofMatch(matchId: string): Promise<MentorshipMapEntity | null> {
    return this.findOne({ matchId });
  }

  lockOfMatch(matchId: string): Promise<MentorshipMapEntity | null> {
    return this.findOneForUpdate({ matchId });
  }

  /** Writes the map as `version` and keeps that version in its history. */
  async save(map: Omit<MentorshipMapEntity, 'organizationId'>, changes: MapChange[]): Promise<void> {
    if (map.version === 1) await this.insert(map);
    else {
      const { matchId, createdAt: _created, ...patch } = map;
      await this.update({ matchId }, patch);
    }
    await this.sql(
      `INSERT INTO map_versions (organization_id, match_id, version, content, next_review_on, buddy_user_id,
                                 changes, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        map.matchId,
        map.version,
        JSON.stringify(map.content),
        map.nextReviewOn,
        map.buddyUserId,
        JSON.stringify(changes),
        map.updatedBy,
        map.updatedAt,
      ],
    );
  }

  versionsOf(matchId: string): Promise<MapVersion[]> {
    return this.sql<MapVersion>(
      `SELECT version, content, to_char(next_review_on, 'YYYY-MM-DD') AS "nextReviewOn",
              buddy_user_id AS "buddyUserId", changes, changed_by AS "changedBy", changed_at AS "changedAt"
         FROM map_versions WHERE organization_id = $1 AND match_id = $2 ORDER BY version DESC`,
      [matchId],
    );
  }

  /** The cohort's map template (its snapshot of the program, else the program's), if any. */
  async templateOf(cohortId: string): Promise<MapTemplateViewDto | null> {
    const [row] = await this.sql<{ template: MapTemplateViewDto | null }>(
      `SELECT coalesce(c.settings_snapshot, p.settings)->'mapTemplate' AS template
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    return row?.template && Array.isArray(row.template.milestones) ? row.template : null;
  }

  /** Which of `userIds` are members of the organization. */
  async membersAmong(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.sql<{ id: string }>(
      `SELECT user_id AS id FROM memberships WHERE organization_id = $1 AND user_id = ANY ($2::uuid[])`,
      [[...new Set(userIds)]],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The names of the members among `userIds` (a helper or buddy who left is simply absent). */
  namesOf(userIds: readonly string[]): Promise<{ userId: string; displayName: string }[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.sql(
      `SELECT m.user_id AS "userId", coalesce(u.display_name, u.email) AS "displayName"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.user_id = ANY ($2::uuid[])
        ORDER BY 2, 1`,
      [[...new Set(userIds)]],
    );
  }

  /**
   * Members whose name starts a word with `query` (or, empty, the first by name): whom a mentee
   * may name as a helper or map buddy. Names only, never email addresses.
   */
  membersNamed(query: string, limit: number): Promise<{ userId: string; displayName: string }[]> {
    const like = query.replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.sql(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND u.display_name IS NOT NULL
          AND ($2::text = '' OR u.display_name ILIKE $2::text || '%' OR u.display_name ILIKE '% ' || $2::text || '%')
        ORDER BY u.display_name, m.user_id
        LIMIT $3`,
      [like, limit],
    );
  }
}
