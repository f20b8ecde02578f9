import { Injectable, Logger } from '@nestjs/common';
import type { RoundPhase } from '@mentorship/contracts';
import {
  defineJob,
  DomainException,
  HandlesJob,
  JobHandler,
  JobRun,
  TenantJobPayload,
} from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { RoundRefusal, solveRound } from '../round-solver.service';
import { MatchingRoundsService } from '../matching-rounds.service';

export class MatchingRoundPayload extends TenantJobPayload {
  @IsUUID()
  roundId!: string;
}

/** Solves one round; one job per round, however often it is enqueued. */
export const matchingRoundJob = defineJob({
  name: 'matching-round',
  queue: 'matching',
  payload: MatchingRoundPayload,
  key: (payload) => payload.roundId,
});

/** Where each phase sits on the progress bar: it starts at `from` and spans `span` percent. */
const BAR: Record<RoundPhase, { from: number; span: number }> = {
  'loading-profiles': { from: 0, span: 10 },
  scoring: { from: 10, span: 40 },
  solving: { from: 50, span: 45 },
  saving: { from: 95, span: 5 },
};

/** Progress is written at most this often (each write is a small transaction of its own). */
const PROGRESS_EVERY_MS = 250;

/**
 * Runs in the worker: loads the cohort, scores and solves outside any transaction (progress goes
 * to the round's row from transactions of its own, so the API shows it live), then saves every
 * proposal with the round's results in one transaction. A worker killed on the way leaves the
 * round running with nothing saved; the queue runs the job again and it starts over. A refusal
 * (the engine's, or the cohort left `matching`) fails the round with its reason, without retries.
 * A job that fails for good (every attempt threw, or it stalled too often) fails the round in
 * `failed`, so its cohort is free for the next round. A worker that shuts down aborts the solve
 * (`run.signal`): the attempt throws and the queue runs it again elsewhere.
 */
@Injectable()
@HandlesJob(matchingRoundJob)
export class MatchingRoundJob implements JobHandler<MatchingRoundPayload> {
  private readonly logger = new Logger(MatchingRoundJob.name);

  constructor(private readonly rounds: MatchingRoundsService) {}

  async handle(payload: MatchingRoundPayload, run: JobRun): Promise<void> {
    const round = await run.inTenant(() => this.rounds.begin(payload.roundId));
    if (!round) return;
    const progress = new ProgressWriter((phase, percent) =>
      run.inTenant(() => this.rounds.progress(round.id, phase, percent)),
    );
    try {
      const problem = await run.inTenant(() => this.rounds.problemOf(round));
      progress.report('scoring', 0);
      const solution = await solveRound(problem, {
        onProgress: (phase, fraction) => progress.report(phase, fraction),
        signal: run.signal,
      });
      progress.report('saving', 0);
      await progress.flush();
      await run.inTenant(() => this.rounds.save(round.id, solution));
    } catch (error) {
      await progress.flush().catch(() => undefined);
      const refusal =
        error instanceof RoundRefusal || error instanceof DomainException
          ? { code: error instanceof RoundRefusal ? error.code : error.code, message: error.message }
          : null;
      if (refusal) {
        this.logger.warn(`matching round ${round.id} refused: ${refusal.message}`);
        await run.inTenant(() => this.rounds.fail(round.id, refusal.code, refusal.message));
        return;
      }
      throw error;
    }
  }

  /** The worker's hook once no attempt is left: the round ends failed and frees its cohort. */
  async failed(payload: MatchingRoundPayload, run: JobRun, error: Error): Promise<void> {
    this.logger.warn(`matching round ${payload.roundId} failed for good: ${error.message}`);
    await run.inTenant(() =>
      this.rounds.fail(
        payload.roundId,
        'round_failed',
        `The round could not be completed (${error.message}); nothing was saved. Start it again.`,
      ),
    );
  }
}

/**
 * Turns the solver's many progress calls into a few writes, one at a time and in order: a new
 * phase, or a percent more after `PROGRESS_EVERY_MS`.
 */
class ProgressWriter {
  private chain: Promise<void> = Promise.resolve();
  private last = { phase: 'loading-profiles' as RoundPhase, percent: 0, at: 0 };

  constructor(private readonly write: (phase: RoundPhase, percent: number) => Promise<void>) {}

  report(phase: RoundPhase, fraction: number): void {
    const percent = Math.min(
      99,
      Math.floor(BAR[phase].from + BAR[phase].span * Math.min(1, Math.max(0, fraction))),
    );
    const now = Date.now();
    const newPhase = phase !== this.last.phase;
    if (!newPhase && (percent <= this.last.percent || now - this.last.at < PROGRESS_EVERY_MS)) return;
    this.last = { phase, percent, at: now };
    this.chain = this.chain.then(() => this.write(phase, percent));
  }

  flush(): Promise<void> {
    return this.chain;
  }
}
