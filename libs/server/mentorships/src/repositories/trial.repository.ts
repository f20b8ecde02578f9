import { Injectable } from '@nestjs/common';
import type { TrialNoAnswerOutcome } from '@mentorship/contracts';
import { TenantRepository } from '@mentorship/platform';
import { TrialAnswerEntity } from '../entities/trial-answer.entity';

export type TrialSide = 'mentee' | 'mentor';

/** A mentee waiting for a new match after a declined trial, and the mentor not to suggest again. */
export interface RematchEntry {
  matchId: string;
  cohortId: string;
  menteeUserId: string;
  excludedMentorUserId: string;
  queuedAt: Date;
}

/** The trial's tables: answers, nudges sent, and the re-match queue. */
@Injectable()
export class TrialRepository extends TenantRepository<TrialAnswerEntity> {
  constructor() {
    super(TrialAnswerEntity);
  }

  /** The cohort's trial rules: its snapshot of the program once out of draft, else the program's. */
  async rulesOf(cohortId: string): Promise<{ trialDays: number | null; noAnswer: TrialNoAnswerOutcome }> {
    const [row] = await this.sql<{ trialDays: number | null; noAnswer: TrialNoAnswerOutcome | null }>(
      `SELECT (coalesce(c.settings_snapshot, p.settings)->>'trialDays')::int AS "trialDays",
              coalesce(c.settings_snapshot, p.settings)->>'trialNoAnswer' AS "noAnswer"
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    // Settings frozen before the setting existed end the trial, the setting's default.
    return { trialDays: row?.trialDays ?? null, noAnswer: row?.noAnswer ?? 'end' };
  }

  async setTrialEnd(matchId: string, endsAt: Date): Promise<void> {
    await this.sql(`UPDATE matches SET trial_ends_at = $3 WHERE organization_id = $1 AND id = $2`, [
      matchId,
      endsAt,
    ]);
  }

  answersOf(matchId: string): Promise<TrialAnswerEntity[]> {
    return this.find({ matchId }, { order: { side: 'ASC' } });
  }

  /** False when the side has answered already (the first answer stands). */
  async addAnswer(answer: Omit<TrialAnswerEntity, 'organizationId'>): Promise<boolean> {
    return this.insertUnlessDuplicate(answer);
  }

  /** Records the nudge once; false if it was sent already (a job run twice). */
  async claimNudge(matchId: string, kind: string, at: Date): Promise<boolean> {
    const rows = await this.sql(
      `INSERT INTO trial_nudges (organization_id, match_id, kind, sent_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING kind`,
      [matchId, kind, at],
    );
    return rows.length > 0;
  }

  async nudgesOf(matchId: string): Promise<string[]> {
    const rows = await this.sql<{ kind: string }>(
      `SELECT kind FROM trial_nudges WHERE organization_id = $1 AND match_id = $2 ORDER BY sent_at, kind`,
      [matchId],
    );
    return rows.map((row) => row.kind);
  }

  async enqueueRematch(entry: RematchEntry): Promise<void> {
    await this.sql(
      `INSERT INTO rematch_queue (organization_id, match_id, cohort_id, mentee_user_id, excluded_mentor_user_id, queued_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [entry.matchId, entry.cohortId, entry.menteeUserId, entry.excludedMentorUserId, entry.queuedAt],
    );
  }

  /** The cohort's waiting mentees, longest waiting first (each once per declined trial). */
  rematchQueue(cohortId: string): Promise<RematchEntry[]> {
    return this.sql<RematchEntry>(
      `SELECT match_id AS "matchId", cohort_id AS "cohortId", mentee_user_id AS "menteeUserId",
              excluded_mentor_user_id AS "excludedMentorUserId", queued_at AS "queuedAt"
         FROM rematch_queue q WHERE organization_id = $1 AND cohort_id = $2 AND rematched_at IS NULL
          -- A mentee who left the organization waits for nothing.
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = q.organization_id
                                                   AND m.user_id = q.mentee_user_id)
        ORDER BY queued_at, match_id`,
      [cohortId],
    );
  }

  /** Mentors a mentee declined a trial with, in the cohort: never suggested to them again. */
  async excludedMentorsOf(cohortId: string, menteeUserId: string): Promise<string[]> {
    const rows = await this.sql<{ mentor: string }>(
      `SELECT DISTINCT excluded_mentor_user_id AS mentor FROM rematch_queue
        WHERE organization_id = $1 AND cohort_id = $2 AND mentee_user_id = $3`,
      [cohortId, menteeUserId],
    );
    return rows.map((row) => row.mentor).sort();
  }

  /** New matches of these mentees in these cohorts take them out of the queue. */
  async markRematched(
    matches: readonly { cohortId: string; menteeUserId: string }[],
    at: Date,
  ): Promise<void> {
    if (matches.length === 0) return;
    await this.sql(
      `UPDATE rematch_queue q SET rematched_at = $4
         FROM unnest($2::uuid[], $3::uuid[]) AS m(cohort_id, mentee_user_id)
        WHERE q.organization_id = $1 AND q.cohort_id = m.cohort_id AND q.mentee_user_id = m.mentee_user_id
          AND q.rematched_at IS NULL`,
      [matches.map((m) => m.cohortId), matches.map((m) => m.menteeUserId), at],
    );
  }
}
