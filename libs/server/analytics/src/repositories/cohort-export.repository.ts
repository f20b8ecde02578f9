import { Injectable } from '@nestjs/common';
import { MatchEntity } from '@mentorship/mentorships';
import { TenantRepository } from '@mentorship/platform';
import type { ExportDataset } from '../dto/cohort-export.dto';

/** A cohort as an export needs it: its name for the file, and what its program lets coordinators read. */
export interface ExportedCohort {
  name: string;
  privateNotesToCoordinators: boolean;
}

/** Who reads the export: their own private notes are theirs to read, others' only where allowed. */
export interface ExportReader {
  userId: string;
  privateNotesToCoordinators: boolean;
}

export type ExportCell = string | number | boolean | Date | null;

/** The columns of each dataset, in file order: the CSV header and the JSON keys. */
export const EXPORT_COLUMNS: Record<ExportDataset, readonly string[]> = {
  matches: [
    'match_id',
    'mentor_user_id',
    'mentor_name',
    'mentee_user_id',
    'mentee_name',
    'status',
    'origin',
    'created_at',
    'trial_ends_at',
    'status_changed_at',
    'exit_reason',
    'check_ins',
    'last_check_in_on',
  ],
  'check-ins': [
    'check_in_id',
    'match_id',
    'mentor_user_id',
    'mentee_user_id',
    'held_on',
    'duration_minutes',
    'logged_by_user_id',
    'logged_at',
    'shared_notes',
    'private_notes',
    'action_items',
    'action_items_done',
    'milestones_done',
  ],
  feedback: [
    'kind',
    'match_id',
    'role',
    'period',
    'rating',
    'recommend',
    'continues',
    'comment',
    'answered_at',
  ],
};

/**
 * The rows of a cohort's exports, read from a Postgres cursor in batches (never a whole result
 * in memory). $1 organization, $2 cohort, $3 the reader, $4 whether the program lets
 * coordinators read private notes: a private note or comment is in a row only then or when the
 * reader wrote it. Survey answers name no person (the survey is anonymous to coordinators).
 */
const SQL: Record<ExportDataset, string> = {
  matches: `
    SELECT m.id AS match_id, m.mentor_user_id, mentor.display_name AS mentor_name,
           m.mentee_user_id, mentee.display_name AS mentee_name, m.status, m.origin, m.created_at,
           m.trial_ends_at, m.status_changed_at, m.exit_reason,
           coalesce(held.n, 0) AS check_ins, held.last AS last_check_in_on
      FROM matches m
      LEFT JOIN users mentor ON mentor.id = m.mentor_user_id
      LEFT JOIN users mentee ON mentee.id = m.mentee_user_id
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS n, max(c.held_on)::text AS last FROM check_ins c
         WHERE c.organization_id = m.organization_id AND c.match_id = m.id
      ) held ON true
     -- No private notes in this dataset; $3 and $4 are named only so that they have a type.
     WHERE m.organization_id = $1 AND m.cohort_id = $2 AND $3::uuid IS NOT NULL AND $4::boolean IS NOT NULL
     ORDER BY m.created_at, m.id`,
  'check-ins': `
    SELECT c.id AS check_in_id, c.match_id, m.mentor_user_id, m.mentee_user_id, c.held_on::text AS held_on,
           c.duration_minutes, c.logged_by AS logged_by_user_id, c.logged_at, c.shared_notes,
           CASE WHEN $4::boolean OR c.logged_by = $3::uuid THEN c.private_notes END AS private_notes,
           jsonb_array_length(c.action_items) AS action_items,
           (SELECT count(*)::int FROM jsonb_array_elements(c.action_items) a WHERE (a->>'done')::boolean)
             AS action_items_done,
           (SELECT count(*)::int FROM jsonb_array_elements(c.milestone_progress) p WHERE (p->>'done')::boolean)
             AS milestones_done
      FROM check_ins c
      JOIN matches m ON m.organization_id = c.organization_id AND m.id = c.match_id
     WHERE c.organization_id = $1 AND m.cohort_id = $2
     ORDER BY c.held_on, c.id`,
  feedback: `
    SELECT * FROM (
      SELECT 'trial' AS kind, t.match_id, t.side AS role, NULL::int AS period, t.rating::int AS rating,
             NULL::int AS recommend, t.continues,
             CASE WHEN $4::boolean OR t.answered_by = $3::uuid THEN t.private_note END AS comment, t.answered_at
        FROM trial_answers t
        JOIN matches m ON m.organization_id = t.organization_id AND m.id = t.match_id
       WHERE t.organization_id = $1 AND m.cohort_id = $2
      UNION ALL
      SELECT 'pulse', p.match_id, p.side, p.period, p.rating::int, NULL, NULL,
             CASE WHEN $4::boolean OR p.answered_by = $3::uuid THEN p.comment END, p.answered_at
        FROM pulse_answers p
        JOIN matches m ON m.organization_id = p.organization_id AND m.id = p.match_id
       WHERE p.organization_id = $1 AND m.cohort_id = $2
      UNION ALL
      SELECT 'survey', NULL, place.role, NULL, NULL, s.recommend::int, NULL,
             CASE WHEN $4::boolean OR s.user_id = $3::uuid THEN s.comment END, s.answered_at
        FROM cohort_survey_answers s
        LEFT JOIN LATERAL (
          SELECT cp.role FROM cohort_participants cp
           WHERE cp.organization_id = s.organization_id AND cp.cohort_id = s.cohort_id AND cp.user_id = s.user_id
           LIMIT 1
        ) place ON true
       WHERE s.organization_id = $1 AND s.cohort_id = $2
    ) answers
    ORDER BY answered_at, kind, match_id`,
};

/** Reads what a cohort's exports hold, streamed from cursors (the matches, check-ins and feedback tables). */
@Injectable()
export class CohortExportRepository extends TenantRepository<MatchEntity> {
  constructor() {
    super(MatchEntity);
  }

  /** The cohort, or null when the organization has none with this id. */
  async cohort(cohortId: string): Promise<ExportedCohort | null> {
    const [row] = await this.sql<ExportedCohort>(
      `SELECT c.name,
              coalesce((coalesce(c.settings_snapshot, p.settings)->>'privateNotesToCoordinators')::boolean, false)
                AS "privateNotesToCoordinators"
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    return row ?? null;
  }

  /** The dataset's rows in file order, a batch at a time (each row keyed by EXPORT_COLUMNS). */
  rows(
    dataset: ExportDataset,
    cohortId: string,
    reader: ExportReader,
    batchSize?: number,
  ): AsyncGenerator<Record<string, ExportCell>[]> {
    return this.cursor(SQL[dataset], [cohortId, reader.userId, reader.privateNotesToCoordinators], batchSize);
  }
}
