import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  ERROR_CODES,
  ROUND_STATUSES_IN_PROGRESS,
  type CohortView,
  type DryRunRequest,
  type DryRunView,
  type ProposalPage,
  type RoundPage,
  type RoundPairView,
  type RoundView,
  type StartRoundRequest,
} from '@mentorship/contracts';
import { CohortsApi } from '@mentorship/admin/data-access-programs';
import { RoundsApi, type ProposalQuery } from '@mentorship/admin/data-access-rounds';
import { tablePaging } from '@mentorship/admin/ui';
import { errorBodyOf, errorMessageOf } from '@mentorship/admin/util';
import {
  EMPTY,
  Observable,
  catchError,
  filter,
  finalize,
  map,
  of,
  switchMap,
  repeat,
  takeWhile,
  tap,
  throwError,
} from 'rxjs';

/** How often a queued or running round is asked for its progress (it lasts seconds). */
export const ROUND_POLL_MS = 1000;

export type ProposalFilters = Partial<
  Pick<ProposalQuery, 'search' | 'mentorUserId' | 'minScore' | 'maxScore'>
>;

/** The coordinator's decisions for the next re-run, made row by row in the proposals table. */
export interface RoundDecisions {
  fix: RoundPairView[];
  forbid: RoundPairView[];
  release: RoundPairView[];
}

/** A refusal worded for the page, with the running round to open when that is the reason. */
export interface RoundProblem {
  message: string;
  runningRoundId?: string;
}

const NO_DECISIONS: RoundDecisions = { fix: [], forbid: [], release: [] };
const FIRST_PAGE = { page: 1, pageSize: 25 };

export const pairKey = (p: RoundPairView) => `${p.menteeUserId}:${p.mentorUserId}`;
export const isInProgress = (round: RoundView | null) =>
  !!round && (ROUND_STATUSES_IN_PROGRESS as readonly string[]).includes(round.status);

/**
 * One cohort's matching round as its coordinator reviews it: the round (polled while a worker
 * solves it), its proposals with filters, the fix/forbid decisions for the next re-run, a dry
 * run's diff, and the cohort's earlier rounds.
 */
@Injectable()
export class RoundStore {
  private readonly api = inject(RoundsApi);
  private readonly cohorts = inject(CohortsApi);

  private readonly ids = signal<{ orgId: string; cohortId: string; roundId: string | null } | null>(null);
  private readonly version = signal(0);
  readonly cohort = signal<CohortView | null>(null);
  readonly round = signal<RoundView | null>(null);
  readonly history = signal<RoundPage | null>(null);
  readonly proposalQuery = signal<ProposalQuery>({ ...FIRST_PAGE });
  readonly proposals = signal<ProposalPage | null>(null);
  readonly loadingProposals = signal(false);
  readonly proposalPaging = tablePaging(this.proposals, this.proposalQuery);
  readonly decisions = signal<RoundDecisions>(NO_DECISIONS);
  readonly dryRun = signal<DryRunView | null>(null);
  readonly problem = signal<RoundProblem | null>(null);
  readonly busy = signal(false);

  readonly running = computed(() => isInProgress(this.round()));
  readonly reviewable = computed(() => this.round()?.status === 'completed');
  readonly published = computed(() => this.round()?.status === 'published');
  readonly decisionCount = computed(() => {
    const d = this.decisions();
    return d.fix.length + d.forbid.length + d.release.length;
  });
  /** Everyone the round, its proposals and a dry run name, by user id. */
  readonly names = computed(() => {
    const names = new Map<string, string>();
    for (const p of [...(this.round()?.people ?? []), ...(this.dryRun()?.people ?? [])])
      names.set(p.userId, p.name);
    for (const p of this.proposals()?.items ?? []) {
      names.set(p.menteeUserId, p.menteeName);
      names.set(p.mentorUserId, p.mentorName);
    }
    return names;
  });
  /** The cohort's mentors of this round, by name: the mentor filter's choices. */
  readonly mentors = computed(() => {
    const names = this.names();
    return (this.round()?.mentorLoad ?? [])
      .map((m) => ({ userId: m.mentorUserId, name: names.get(m.mentorUserId) ?? 'Unknown mentor' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  constructor() {
    // The round: once when opened, then every ROUND_POLL_MS while it is queued or running.
    toObservable(computed(() => ({ ids: this.ids(), version: this.version() })))
      .pipe(
        map(({ ids }) => ids),
        filter((ids): ids is { orgId: string; cohortId: string; roundId: string } => !!ids?.roundId),
        switchMap((ids) =>
          // At once, then again ROUND_POLL_MS after each answer while it runs; a failure stops it.
          this.api.get(ids.orgId, ids.roundId).pipe(
            repeat({ delay: ROUND_POLL_MS }),
            takeWhile((round) => isInProgress(round), true),
            catchError((error: unknown) => this.fail(error)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((round) => {
        const was = this.round();
        this.round.set(round);
        // Finished while we watched: its proposals and the cohort's history are new.
        if (was?.id === round.id && isInProgress(was) && !isInProgress(round)) this.reloadLists();
      });

    toObservable(
      computed(() => ({
        ids: this.ids(),
        query: this.proposalQuery(),
        version: this.version(),
        done: !this.running() && !!this.round(),
      })),
    )
      .pipe(
        // Proposals exist once the round is done; none are asked for while it runs.
        filter(({ done }) => done),
        map(({ ids, query }) => ({ roundId: ids?.roundId, orgId: ids?.orgId, query })),
        filter(
          (at): at is { roundId: string; orgId: string; query: ProposalQuery } => !!at.roundId && !!at.orgId,
        ),
        tap(() => this.loadingProposals.set(true)),
        switchMap(({ orgId, roundId, query }) =>
          this.api.proposals(orgId, roundId, query).pipe(
            catchError((error: unknown) => this.fail(error)),
            finalize(() => this.loadingProposals.set(false)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.proposals.set(page));

    toObservable(computed(() => ({ ids: this.ids(), version: this.version() })))
      .pipe(
        map(({ ids }) => ids),
        filter(isSet),
        switchMap((ids) =>
          this.api
            .list(ids.orgId, ids.cohortId, { pageSize: 10 })
            .pipe(catchError((error: unknown) => this.fail(error))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.history.set(page));

    // The cohort (its name, status and settings): once per cohort, not per round.
    toObservable(computed(() => this.ids()?.orgId + ' ' + this.ids()?.cohortId))
      .pipe(
        map(() => this.ids()),
        filter(isSet),
        switchMap(({ orgId, cohortId }) =>
          this.cohorts.get(orgId, cohortId).pipe(catchError((error: unknown) => this.fail(error))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((cohort) => this.cohort.set(cohort));
  }

  /** Follows the route: another round starts with no decisions, filters or dry run. */
  open(orgId: string, cohortId: string, roundId: string | null): void {
    const current = this.ids();
    if (current?.orgId === orgId && current.cohortId === cohortId && current.roundId === roundId) return;
    if (current?.roundId !== roundId) {
      this.round.set(null);
      this.proposals.set(null);
      this.decisions.set(NO_DECISIONS);
      this.dryRun.set(null);
      this.proposalQuery.set({ ...FIRST_PAGE });
    }
    this.problem.set(null);
    this.ids.set({ orgId, cohortId, roundId });
  }

  filterProposals(filters: ProposalFilters): void {
    this.proposalQuery.update((query) => ({ ...query, ...filters, page: 1 }));
  }

  changeProposalPage(page: number, pageSize: number): void {
    this.proposalQuery.update((query) => ({ ...query, page, pageSize }));
  }

  /** Fix a pair in the next re-run (a mentee has one fixed mentor: a new fix replaces an old one). */
  fix(pair: RoundPairView): void {
    this.decide((d) => ({
      fix: [...d.fix.filter((p) => p.menteeUserId !== pair.menteeUserId), pick(pair)],
      forbid: d.forbid.filter((p) => pairKey(p) !== pairKey(pair)),
      release: d.release.filter((p) => pairKey(p) !== pairKey(pair)),
    }));
  }

  forbid(pair: RoundPairView): void {
    this.decide((d) => ({
      fix: d.fix.filter((p) => pairKey(p) !== pairKey(pair)),
      forbid: [...d.forbid.filter((p) => pairKey(p) !== pairKey(pair)), pick(pair)],
      release: d.release.filter((p) => pairKey(p) !== pairKey(pair)),
    }));
  }

  /** Lets go of a pair the round fixed or forbade. */
  release(pair: RoundPairView): void {
    this.decide((d) => ({
      fix: d.fix.filter((p) => pairKey(p) !== pairKey(pair)),
      forbid: d.forbid.filter((p) => pairKey(p) !== pairKey(pair)),
      release: [...d.release.filter((p) => pairKey(p) !== pairKey(pair)), pick(pair)],
    }));
  }

  /** Takes back a decision not sent yet. */
  undo(pair: RoundPairView): void {
    this.decide((d) => ({
      fix: d.fix.filter((p) => pairKey(p) !== pairKey(pair)),
      forbid: d.forbid.filter((p) => pairKey(p) !== pairKey(pair)),
      release: d.release.filter((p) => pairKey(p) !== pairKey(pair)),
    }));
  }

  clearDecisions(): void {
    this.decisions.set(NO_DECISIONS);
  }

  /** A new round of the cohort; the page then opens it. */
  start(request: StartRoundRequest): Observable<RoundView> {
    const ids = this.ids();
    if (!ids) return EMPTY;
    return this.act(this.api.start(ids.orgId, ids.cohortId, request));
  }

  /** This round's decisions solved again (same goal and mode), as a new round with a diff against this one. */
  rerun(): Observable<RoundView> {
    const ids = this.ids();
    const round = this.round();
    if (!ids?.roundId || !round) return EMPTY;
    return this.act(
      this.api.rerun(ids.orgId, ids.roundId, {
        objective: round.objective,
        mode: round.mode,
        ...this.decisions(),
      }),
    );
  }

  /** The same solve with other weights or rules (and the decisions made so far); saves nothing. */
  tryDryRun(request: Pick<DryRunRequest, 'criteria' | 'objective' | 'mode'>): Observable<DryRunView> {
    const ids = this.ids();
    if (!ids?.roundId) return EMPTY;
    // Its refusals (weights the engine refuses, a round too large) belong to its form.
    return this.act(this.api.dryRun(ids.orgId, ids.roundId, { ...request, ...this.decisions() }), false).pipe(
      tap((result) => this.dryRun.set(result)),
    );
  }

  closeDryRun(): void {
    this.dryRun.set(null);
  }

  publish(): Observable<RoundView> {
    const ids = this.ids();
    if (!ids?.roundId) return EMPTY;
    return this.act(this.api.publish(ids.orgId, ids.roundId)).pipe(
      tap((round) => {
        this.round.set(round);
        this.decisions.set(NO_DECISIONS);
        this.dryRun.set(null);
        this.reloadLists();
      }),
    );
  }

  dismissProblem(): void {
    this.problem.set(null);
  }

  private reloadLists(): void {
    this.version.update((v) => v + 1);
  }

  private decide(change: (d: RoundDecisions) => RoundDecisions): void {
    this.decisions.update(change);
  }

  /** One action at a time; its refusal goes to `problem`, worded for the page (unless `report` is false). */
  private act<T>(request: Observable<T>, report = true): Observable<T> {
    this.busy.set(true);
    this.problem.set(null);
    return request.pipe(
      catchError((error: unknown) => {
        if (report) this.problem.set(problemOf(error));
        return throwError(() => error);
      }),
      finalize(() => this.busy.set(false)),
    );
  }

  private fail(error: unknown): Observable<never> {
    this.problem.set(problemOf(error));
    return of();
  }
}

function isSet<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

function pick({ menteeUserId, mentorUserId }: RoundPairView): RoundPairView {
  return { menteeUserId, mentorUserId };
}

/** The API's refusal in words; a running round says which one it is. */
export function problemOf(error: unknown): RoundProblem {
  const body = errorBodyOf(error);
  if (body?.code === ERROR_CODES.roundInProgress) {
    const details = body.details as { roundId?: unknown } | undefined;
    return {
      message: 'A round of this cohort is already running. Wait for it to finish, or open it to follow it.',
      runningRoundId: typeof details?.roundId === 'string' ? details.roundId : undefined,
    };
  }
  // round_too_large and the rest: the API's own words (a too large round says how to split it).
  return { message: errorMessageOf(error) };
}
