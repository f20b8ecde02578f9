import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { SuggestionExposureEntity } from '../entities/suggestion-exposure.entity';

/** The suggestion ledger: which mentors each mentee of a cohort is being shown, and until when. */
@Injectable()
export class SuggestionExposureRepository extends TenantRepository<SuggestionExposureEntity> {
  constructor() {
    super(SuggestionExposureEntity);
  }

  /**
   * Holds the cohort's ledger lock until the transaction ends, so two mentees' lists are
   * counted against a mentor's limit one after the other, on any replica.
   */
  async lockCohort(cohortId: string): Promise<void> {
    await this.sql(
      `SELECT pg_advisory_xact_lock(hashtextextended('suggestions:' || $1::text || ':' || $2::text, 0))`,
      [cohortId],
    );
  }

  /** How many other mentees each mentor of the cohort is being shown to now. */
  async shownToOthers(cohortId: string, menteeUserId: string): Promise<Map<string, number>> {
    const rows = await this.sql<{ mentor: string; n: number }>(
      `SELECT mentor_user_id AS mentor, count(*)::int AS n FROM suggestion_exposures
        WHERE organization_id = $1 AND cohort_id = $2 AND mentee_user_id <> $3 AND shown_until > now()
        GROUP BY mentor_user_id`,
      [cohortId, menteeUserId],
    );
    return new Map(rows.map((row) => [row.mentor, row.n]));
  }

  /** The mentee's list becomes exactly `mentorUserIds`, each held until `until`. */
  async replace(
    cohortId: string,
    menteeUserId: string,
    mentorUserIds: readonly string[],
    until: Date,
  ): Promise<void> {
    await this.delete({ cohortId, menteeUserId });
    if (mentorUserIds.length === 0) return;
    await this.sql(
      `INSERT INTO suggestion_exposures (organization_id, cohort_id, mentee_user_id, mentor_user_id, shown_until)
       SELECT $1, $2, $3, unnest($4::uuid[]), $5`,
      [cohortId, menteeUserId, [...mentorUserIds], until],
    );
  }

  /** A matched mentee is no longer choosing: their list stops counting against anyone. */
  release(cohortId: string, menteeUserId: string): Promise<void> {
    return this.delete({ cohortId, menteeUserId });
  }
}
