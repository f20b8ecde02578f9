import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FieldProblem, RoundPhase } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { MatchesService, type NewMatch } from '@mentorship/mentorships';
import { JobOutbox, pageOf, TenantContext, type PageQueryDto } from '@mentorship/platform';
import { resolveEngineCriteria, type CriteriaDto } from '@mentorship/programs';
import {
  DryRunDto,
  DryRunViewDto,
  PersonNameDto,
  ProposalPageDto,
  ProposalQueryDto,
  RerunRoundDto,
  RoundPageDto,
  RoundViewDto,
  StartRoundDto,
} from './dto/matching-round.dto';
import type { MatchingRoundEntity, RoundDiffRecord, UserPair } from './entities/matching-round.entity';
import { matchingRoundJob } from './jobs/matching-round.job';
import { roundMatchEmailJob } from './jobs/round-match-email.job';
import { MatchingAudit } from './matching.audit';
import { MatchingException } from './matching.exception';
import { RoundRefusal, solveRound, type RoundProblem, type RoundSolution } from './round-solver.service';
import { MatchingRoundRepository } from './repositories/matching-round.repository';
import { RoundInputRepository, type RoundCohort } from './repositories/round-input.repository';
import { RoundProposalRepository } from './repositories/round-proposal.repository';
import { diffProposals } from './round-diff.service';

/**
 * Bulk matching rounds: a coordinator starts one for a cohort in `matching`, a worker solves it
 * (the `matching-round` job), the coordinator reviews the draft proposals, fixes or forbids pairs
 * and re-runs (each re-run a new round with a diff against the one it re-runs), tries other
 * weights in a dry run that saves nothing, and publishes: the proposals become matches.
 */
@Injectable()
export class MatchingRoundsService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
    private readonly matches: MatchesService,
    private readonly rounds: MatchingRoundRepository,
    private readonly proposals: RoundProposalRepository,
    private readonly input: RoundInputRepository,
  ) {}

  async start(cohortId: string, request: StartRoundDto): Promise<RoundViewDto> {
    await this.matchingCohort(cohortId);
    const round = await this.enqueue({
      cohortId,
      previousRoundId: null,
      objective: request.objective ?? 'max-score',
      mode: request.mode ?? 'exact',
      fixedPairs: [],
      forbiddenPairs: [],
    });
    await this.audit.record({
      action: MatchingAudit.roundStarted,
      target: { type: 'matching_round', id: round.id },
      details: { cohortId, objective: round.objective, mode: round.mode },
    });
    return round;
  }

  /** The coordinator's fix/forbid decisions on a completed round, solved again (warm) as a new round. */
  async rerun(roundId: string, request: RerunRoundDto): Promise<RoundViewDto> {
    const base = await this.rounds.lock(roundId);
    if (!base) throw MatchingException.roundNotFound();
    assertReviewable(base);
    await this.matchingCohort(base.cohortId);
    const decisions = await this.decide(base, request);
    const round = await this.enqueue({
      cohortId: base.cohortId,
      previousRoundId: base.id,
      objective: request.objective ?? base.objective,
      mode: request.mode ?? base.mode,
      ...decisions,
    });
    await this.audit.record({
      action: MatchingAudit.roundRerun,
      target: { type: 'matching_round', id: round.id },
      details: {
        previousRoundId: base.id,
        fixed: decisions.fixedPairs.length,
        forbidden: decisions.forbiddenPairs.length,
      },
    });
    return round;
  }

  /**
   * The same solve and diff as a re-run, with other weights or rules if asked, in this request:
   * nothing is written (the request's transaction only reads).
   */
  async dryRun(roundId: string, request: DryRunDto): Promise<DryRunViewDto> {
    const base = await this.rounds.byId(roundId);
    if (!base) throw MatchingException.roundNotFound();
    if (base.status !== 'completed' && base.status !== 'published')
      throw MatchingException.roundNotCompleted(base.status);
    const decisions = await this.decide(base, request);
    const problem = await this.problemOf(
      {
        ...base,
        ...decisions,
        objective: request.objective ?? base.objective,
        mode: request.mode ?? base.mode,
      },
      request.criteria,
    );
    let solution: RoundSolution;
    try {
      solution = await solveRound(problem);
    } catch (error) {
      if (error instanceof RoundRefusal) throw MatchingException.refused(error.code, error.message);
      throw error;
    }
    const diff = diffProposals(roundId, await this.proposals.all(roundId), solution.proposals);
    return {
      roundId,
      matchedCount: solution.matchedCount,
      totalScore: solution.totalScore,
      blockingPairs: solution.blockingPairs,
      unmatchedCount: solution.unmatched.length,
      diff,
      people: await this.names(diffUserIds(diff)),
    };
  }

  /**
   * The proposals become matches, all or none (never a mentor over capacity), each side is told
   * by email, and the round is published: nothing of it changes any more.
   */
  async publish(roundId: string): Promise<RoundViewDto> {
    const round = await this.rounds.lock(roundId);
    if (!round) throw MatchingException.roundNotFound();
    assertReviewable(round);
    const cohort = await this.matchingCohort(round.cohortId);
    const proposals = await this.proposals.all(roundId);
    const [mentees, mentors] = await Promise.all([
      this.input.mentees(cohort.id),
      this.input.mentors(cohort.id, cohort.settings),
    ]);
    const places = new Map(mentors.map((m) => [m.userId, m.places]));
    // Since the round ran, a mentee may have been matched (a request) or someone may have left.
    const waiting = new Set(mentees.map((m) => m.userId));
    const stale = proposals.filter((p) => !waiting.has(p.menteeUserId) || !places.has(p.mentorUserId));
    if (stale.length > 0) throw MatchingException.roundStale(stale.length);
    const flash = cohort.settings.kind === 'flash';
    // A flash match is its one conversation; otherwise an automatic program starts the trial at
    // once, and a coordinator-matched one waits for the mentor to accept.
    const status: NewMatch['status'] = flash
      ? 'active'
      : cohort.settings.matchingMode === 'automatic'
        ? 'trial'
        : 'pending';
    const matchIds = await this.matches.create(
      proposals.map((p) => ({
        cohortId: cohort.id,
        mentorUserId: p.mentorUserId,
        menteeUserId: p.menteeUserId,
        status,
        origin: 'round' as const,
        originId: roundId,
        singleConversation: flash,
      })),
      places,
    );
    const callerId = TenantContext.caller().userId;
    await this.rounds.change(roundId, {
      status: 'published',
      publishedAt: new Date(),
      publishedBy: callerId,
    });
    for (const matchId of matchIds) await this.outbox.enqueue(roundMatchEmailJob, { matchId });
    await this.audit.record({
      action: MatchingAudit.roundPublished,
      target: { type: 'matching_round', id: roundId },
      details: { cohortId: cohort.id, matches: matchIds.length, status },
    });
    return this.get(roundId);
  }

  async list(cohortId: string, query: PageQueryDto): Promise<RoundPageDto> {
    if (!(await this.input.cohort(cohortId))) throw MatchingException.cohortNotFound();
    const found = await this.rounds.page(cohortId, { offset: query.offset, limit: query.pageSize });
    const names = await this.names(found.rows.flatMap(roundUserIds));
    return pageOf(query, found, (round) => toRoundView(round, names));
  }

  async get(roundId: string): Promise<RoundViewDto> {
    const round = await this.rounds.byId(roundId);
    if (!round) throw MatchingException.roundNotFound();
    return toRoundView(round, await this.names(roundUserIds(round)));
  }

  async proposalPage(roundId: string, query: ProposalQueryDto): Promise<ProposalPageDto> {
    if (!(await this.rounds.byId(roundId))) throw MatchingException.roundNotFound();
    const found = await this.proposals.page(roundId, {
      mentorUserId: query.mentorUserId,
      menteeUserId: query.menteeUserId,
      fixed: query.fixed,
      search: query.search?.trim() || undefined,
      minScore: query.minScore,
      maxScore: query.maxScore,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found);
  }

  // --- the worker's side (jobs/matching-round.job.ts) ---

  /** A worker takes the round; null when it has nothing left to run. */
  begin(roundId: string): Promise<MatchingRoundEntity | null> {
    return this.rounds.start(roundId);
  }

  /** What the engine needs for this round: criteria, mentees still unmatched, mentors with free seats. */
  async problemOf(
    round: Pick<
      MatchingRoundEntity,
      'cohortId' | 'objective' | 'mode' | 'fixedPairs' | 'forbiddenPairs' | 'warmStart'
    > & {
      previousRoundId: string | null;
    },
    criteria?: CriteriaDto,
  ): Promise<RoundProblem> {
    const cohort = await this.matchingCohort(round.cohortId);
    const resolution = resolveEngineCriteria({
      kind: cohort.settings.kind,
      groupSize: cohort.settings.groupSize,
      criteria: { ...cohort.settings.criteria, ...(criteria ?? {}) },
    });
    if (!resolution.ok) throw MatchingException.invalidCriteria(resolution.message);
    const [mentees, mentors] = await Promise.all([
      this.input.mentees(cohort.id),
      this.input.mentors(cohort.id, cohort.settings),
    ]);
    const load = await this.matches.loadOf(
      mentors.map((m) => m.userId),
      cohort.id,
    );
    // A re-run starts from the solve it re-runs; a dry run from the round it tries changes on.
    const previous =
      round.warmStart ??
      (round.previousRoundId ? (await this.rounds.byId(round.previousRoundId))?.warmStart : null);
    return {
      criteria: resolution.criteria,
      mentees,
      mentors: mentors.map((m) => ({ ...m, freeSeats: Math.max(0, m.places - (load.get(m.userId) ?? 0)) })),
      objective: round.objective,
      mode: round.mode,
      fixedPairs: round.fixedPairs,
      forbiddenPairs: round.forbiddenPairs,
      warmStart: previous ?? null,
    };
  }

  progress(roundId: string, phase: RoundPhase, percent: number): Promise<void> {
    return this.rounds.progress(roundId, phase, percent);
  }

  /**
   * The round's results and its proposals, in the caller's one transaction; a round that is no
   * longer running (saved by an earlier attempt) is left as it is. So a job run twice saves one set.
   */
  async save(roundId: string, solution: RoundSolution): Promise<boolean> {
    const round = await this.rounds.lock(roundId);
    if (!round || round.status !== 'running') return false;
    const diff = round.previousRoundId
      ? diffProposals(
          round.previousRoundId,
          await this.proposals.all(round.previousRoundId),
          solution.proposals,
        )
      : null;
    await this.proposals.replace(roundId, solution.proposals);
    await this.rounds.change(roundId, {
      status: 'completed',
      phase: null,
      percent: 100,
      matchedCount: solution.matchedCount,
      totalScore: solution.totalScore,
      blockingPairs: solution.blockingPairs,
      unmatched: solution.unmatched,
      mentorLoad: solution.mentorLoad,
      diff,
      warmStart: solution.warmStart,
      warmStarted: solution.warmStarted,
      completedAt: new Date(),
    });
    return true;
  }

  /**
   * A round the engine refused or whose job failed for good: the reason, in words, on the round.
   * Only a round still queued or running changes (a saved one stays as it is).
   */
  async fail(roundId: string, code: string, message: string): Promise<void> {
    const round = await this.rounds.lock(roundId);
    if (!round || (round.status !== 'running' && round.status !== 'queued')) return;
    await this.rounds.change(roundId, {
      status: 'failed',
      phase: null,
      failureCode: code,
      failureMessage: message,
      completedAt: new Date(),
    });
  }

  // --- rules ---

  /** Display names of the members with these ids (the round view names people by id). */
  private async names(userIds: readonly string[]): Promise<PersonNameDto[]> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return [];
    const people = await this.input.people(unique);
    return [...people].map(([userId, { name }]) => ({ userId, name }));
  }

  private async matchingCohort(cohortId: string): Promise<RoundCohort> {
    const cohort = await this.input.cohort(cohortId);
    if (!cohort) throw MatchingException.cohortNotFound();
    if (cohort.status !== 'matching') throw MatchingException.roundCohortNotMatching(cohort.status);
    return cohort;
  }

  private async enqueue(
    round: Pick<
      MatchingRoundEntity,
      'cohortId' | 'previousRoundId' | 'objective' | 'mode' | 'fixedPairs' | 'forbiddenPairs'
    >,
  ): Promise<RoundViewDto> {
    const id = randomUUID();
    const added = await this.rounds.add({ id, ...round, createdBy: TenantContext.caller().userId });
    if (!added) throw MatchingException.roundInProgress(await this.rounds.inProgress(round.cohortId));
    await this.outbox.enqueue(matchingRoundJob, { roundId: id });
    return this.get(id);
  }

  /**
   * The round's decisions with the request's on top: a new fix moves its mentee, a forbid drops a
   * fix of the same pair, a release drops either. Every pair must name an enrolled mentee still
   * to be matched and an enrolled mentor of the cohort.
   */
  private async decide(
    base: MatchingRoundEntity,
    request: RerunRoundDto,
  ): Promise<{ fixedPairs: UserPair[]; forbiddenPairs: UserPair[] }> {
    const fix = request.fix ?? [];
    const forbid = request.forbid ?? [];
    const release = new Set((request.release ?? []).map(pairKey));
    const problems: FieldProblem[] = [];
    const [mentees, mentors] = await Promise.all([
      this.input.mentees(base.cohortId),
      this.input.mentors(base.cohortId, { kind: 'one-to-one', defaultMentorCapacity: 0, groupSize: null }),
    ]);
    const menteeIds = new Set(mentees.map((m) => m.userId));
    const mentorIds = new Set(mentors.map((m) => m.userId));
    const check = (field: string, pairs: readonly UserPair[]) =>
      pairs.forEach((pair, k) => {
        const wrong: string[] = [];
        if (!menteeIds.has(pair.menteeUserId))
          wrong.push('menteeUserId is not an enrolled mentee of the cohort still to be matched');
        if (!mentorIds.has(pair.mentorUserId))
          wrong.push('mentorUserId is not an enrolled mentor of the cohort');
        if (wrong.length > 0) problems.push({ field: `${field}.${k}`, problems: wrong });
      });
    check('fix', fix);
    check('forbid', forbid);
    const forbidKeys = new Set(forbid.map(pairKey));
    fix.forEach((pair, k) => {
      if (forbidKeys.has(pairKey(pair)))
        problems.push({ field: `fix.${k}`, problems: ['the pair is forbidden in the same request'] });
      if (fix.findIndex((other) => other.menteeUserId === pair.menteeUserId) !== k)
        problems.push({ field: `fix.${k}`, problems: ['the mentee is fixed twice'] });
    });
    if (problems.length > 0) throw MatchingException.pairInvalid(problems);

    const fixedMentees = new Set(fix.map((p) => p.menteeUserId));
    const fixedPairs = [
      ...base.fixedPairs.filter(
        (p) => !release.has(pairKey(p)) && !forbidKeys.has(pairKey(p)) && !fixedMentees.has(p.menteeUserId),
      ),
      ...fix.map(({ menteeUserId, mentorUserId }) => ({ menteeUserId, mentorUserId })),
    ];
    const fixedKeys = new Set(fixedPairs.map(pairKey));
    const forbiddenPairs = uniquePairs([
      ...base.forbiddenPairs.filter((p) => !release.has(pairKey(p)) && !fixedKeys.has(pairKey(p))),
      ...forbid.map(({ menteeUserId, mentorUserId }) => ({ menteeUserId, mentorUserId })),
    ]);
    return { fixedPairs, forbiddenPairs };
  }
}

/** Re-runs and publishing start from a completed round; a published one is final. */
function assertReviewable(round: MatchingRoundEntity): void {
  if (round.status === 'published') throw MatchingException.roundPublished();
  if (round.status !== 'completed') throw MatchingException.roundNotCompleted(round.status);
}

const pairKey = (p: UserPair) => `${p.menteeUserId}:${p.mentorUserId}`;

function uniquePairs(pairs: UserPair[]): UserPair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => !seen.has(pairKey(p)) && seen.add(pairKey(p)));
}

/** Everyone a round names by id: its pairs, unmatched mentees, mentor load and diff. */
function roundUserIds(round: MatchingRoundEntity): string[] {
  return [
    ...[...round.fixedPairs, ...round.forbiddenPairs].flatMap((p) => [p.menteeUserId, p.mentorUserId]),
    ...(round.unmatched ?? []).map((u) => u.menteeUserId),
    ...(round.mentorLoad ?? []).map((m) => m.mentorUserId),
    ...(round.diff ? diffUserIds(round.diff) : []),
  ];
}

function diffUserIds(diff: RoundDiffRecord): string[] {
  return [
    ...diff.changed.flatMap((c) => [c.menteeUserId, c.fromMentorUserId, c.toMentorUserId]),
    ...[...diff.added, ...diff.removed].flatMap((p) => [p.menteeUserId, p.mentorUserId]),
  ];
}

/** The API's view of a round; `names` may hold more people than this round names. */
export function toRoundView(round: MatchingRoundEntity, names: readonly PersonNameDto[]): RoundViewDto {
  const mine = new Set(roundUserIds(round));
  return {
    id: round.id,
    cohortId: round.cohortId,
    previousRoundId: round.previousRoundId,
    status: round.status,
    objective: round.objective,
    mode: round.mode,
    phase: round.phase,
    percent: round.percent,
    failure: round.failureCode ? { code: round.failureCode, message: round.failureMessage ?? '' } : null,
    fixedPairs: round.fixedPairs,
    forbiddenPairs: round.forbiddenPairs,
    matchedCount: round.matchedCount,
    totalScore: round.totalScore,
    blockingPairs: round.blockingPairs,
    unmatched: round.unmatched ?? [],
    mentorLoad: round.mentorLoad ?? [],
    diff: round.diff,
    warmStarted: round.warmStarted,
    attempts: round.attempts,
    people: names.filter((p) => mine.has(p.userId)).sort((a, b) => a.userId.localeCompare(b.userId)),
    createdAt: round.createdAt.toISOString(),
    completedAt: round.completedAt?.toISOString() ?? null,
    publishedAt: round.publishedAt?.toISOString() ?? null,
  };
}
