import { Injectable } from '@nestjs/common';
import type { RoundPhase } from '@mentorship/contracts';
import { TenantRepository, type TenantRow } from '@mentorship/platform';
import { MatchingRoundEntity } from '../entities/matching-round.entity';

export type NewMatchingRound = Pick<
  TenantRow<MatchingRoundEntity, 'organizationId'>,
  'id' | 'cohortId' | 'previousRoundId' | 'objective' | 'mode' | 'fixedPairs' | 'forbiddenPairs' | 'createdBy'
>;
export type RoundChanges = Partial<Omit<TenantRow<MatchingRoundEntity, 'organizationId'>, 'id' | 'cohortId'>>;

@Injectable()
export class MatchingRoundRepository extends TenantRepository<MatchingRoundEntity> {
  constructor() {
    super(MatchingRoundEntity);
  }

  /** False when the cohort has a round queued or running (the unique index says so). */
  add(round: NewMatchingRound): Promise<boolean> {
    return this.insertUnlessDuplicate({
      ...round,
      status: 'queued',
      phase: null,
      percent: 0,
      failureCode: null,
      failureMessage: null,
      matchedCount: null,
      totalScore: null,
      blockingPairs: null,
      unmatched: null,
      mentorLoad: null,
      diff: null,
      warmStart: null,
      warmStarted: false,
      attempts: 0,
      startedAt: null,
      completedAt: null,
      publishedAt: null,
      publishedBy: null,
    });
  }

  async inProgress(cohortId: string): Promise<string | null> {
    const [row] = await this.sql<{ id: string }>(
      `SELECT id FROM matching_rounds WHERE organization_id = $1 AND cohort_id = $2 AND status IN ('queued', 'running')`,
      [cohortId],
    );
    return row?.id ?? null;
  }

  byId(id: string): Promise<MatchingRoundEntity | null> {
    return this.findOne({ id });
  }

  /** The round, locked until the transaction ends: it is saved, re-run or published once at a time. */
  lock(id: string): Promise<MatchingRoundEntity | null> {
    return this.findOneForUpdate({ id });
  }

  /** Newest first. */
  page(cohortId: string, page: { offset: number; limit: number }) {
    return this.findPage(
      this.query('round')
        .andWhere('round.cohort_id = :cohortId', { cohortId })
        .orderBy('round.created_at', 'DESC')
        .addOrderBy('round.id', 'ASC'),
      page,
    );
  }

  async change(id: string, changes: RoundChanges): Promise<void> {
    await this.update({ id }, changes);
  }

  /**
   * A worker takes the round: queued, or running when an earlier attempt died (the queue retries
   * it). Null when there is nothing left to run (completed, failed, published).
   */
  async start(id: string): Promise<MatchingRoundEntity | null> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE matching_rounds SET status = 'running', attempts = attempts + 1, started_at = now(),
              phase = 'loading-profiles', percent = 0
        WHERE organization_id = $1 AND id = $2 AND status IN ('queued', 'running')
        RETURNING id`,
      [id],
    );
    return rows.length === 0 ? null : this.byId(id);
  }

  /** Progress of a running round, from a transaction of its own so readers see it at once. */
  async progress(id: string, phase: RoundPhase, percent: number): Promise<void> {
    await this.sql(
      `UPDATE matching_rounds SET phase = $3, percent = $4 WHERE organization_id = $1 AND id = $2 AND status = 'running'`,
      [id, phase, percent],
    );
  }
}
