import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type CohortStatus,
  type CohortView,
  type ImportRowPage,
  type ParticipantImportView,
  type ParticipantPage,
  type ParticipantView,
  type SkillView,
  type WaitlistPage,
} from '@mentorship/contracts';
import { CohortsApi, type ParticipantQuery } from '@mentorship/admin/data-access-programs';
import { SkillsApi } from '@mentorship/admin/data-access-people';
import { ErrorNotifier, tablePaging, type PageRequest } from '@mentorship/admin/ui';
import { EMPTY, Observable, catchError, filter, finalize, switchMap, takeWhile, tap, timer } from 'rxjs';

export type RosterFilters = Pick<ParticipantQuery, 'role' | 'status' | 'skillId' | 'q'>;

const FIRST_PAGE = { page: 1, pageSize: DEFAULT_PAGE_SIZE };
/** How often a queued or running import is asked for its progress. */
const IMPORT_POLL_MS = 1000;

/**
 * One cohort as a coordinator runs it: the cohort and its status steps, the roster with its
 * filters, the waitlist with the capacity gap, and a participant import from upload to commit.
 */
@Injectable()
export class CohortStore {
  private readonly api = inject(CohortsApi);
  private readonly skillsApi = inject(SkillsApi);
  private readonly notifier = inject(ErrorNotifier);

  private readonly ids = signal<{ orgId: string; cohortId: string } | null>(null);
  private readonly version = signal(0);
  readonly cohort = signal<CohortView | null>(null);
  readonly rosterQuery = signal<ParticipantQuery>({ ...FIRST_PAGE });
  readonly roster = signal<ParticipantPage | null>(null);
  readonly loadingRoster = signal(false);
  readonly waitlistQuery = signal<PageRequest>({ ...FIRST_PAGE });
  readonly waitlist = signal<WaitlistPage | null>(null);
  readonly rosterPaging = tablePaging(this.roster, this.rosterQuery);
  readonly waitlistPaging = tablePaging(this.waitlist, this.waitlistQuery);
  readonly skills = signal<SkillView[]>([]);

  /** The import being looked at: validated (report shown), then committed. */
  readonly currentImport = signal<ParticipantImportView | null>(null);
  readonly rejectedRows = signal<ImportRowPage | null>(null);
  readonly rejectedQuery = signal<PageRequest>({ page: 1, pageSize: 50 });
  readonly rejectedPaging = tablePaging(this.rejectedRows, this.rejectedQuery);
  readonly importBusy = signal(false);
  /** Its id alone: the report is read again for another import, not for each progress step. */
  private readonly currentImportId = computed(() => this.currentImport()?.id ?? null);

  /** Mentor places missing for the mentees who wait; 0 when everyone can be placed. */
  readonly capacityGap = computed(() => this.waitlist()?.capacity.gap ?? 0);
  readonly hasFilters = computed(() => {
    const { role, status, skillId, q } = this.rosterQuery();
    return !!(role || status || skillId || q);
  });

  constructor() {
    toObservable(computed(() => ({ ids: this.ids(), query: this.rosterQuery(), version: this.version() })))
      .pipe(
        filter(hasIds),
        tap(() => this.loadingRoster.set(true)),
        switchMap(({ ids, query }) =>
          this.api.roster(ids.orgId, ids.cohortId, query).pipe(
            catchError((error: unknown) => this.fail(error)),
            finalize(() => this.loadingRoster.set(false)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.roster.set(page));

    toObservable(computed(() => ({ ids: this.ids(), query: this.waitlistQuery(), version: this.version() })))
      .pipe(
        filter(hasIds),
        switchMap(({ ids, query }) =>
          this.api
            .waitlist(ids.orgId, ids.cohortId, query)
            .pipe(catchError((error: unknown) => this.fail(error))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.waitlist.set(page));

    toObservable(
      computed(() => ({ ids: this.ids(), query: this.rejectedQuery(), current: this.currentImportId() })),
    )
      .pipe(
        filter(hasIds),
        switchMap(({ ids, query, current }) =>
          current === null
            ? EMPTY
            : this.api
                .importRows(ids.orgId, ids.cohortId, current, { ...query, status: 'rejected' })
                .pipe(catchError((error: unknown) => this.fail(error))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.rejectedRows.set(page));
  }

  open(orgId: string, cohortId: string): void {
    const current = this.ids();
    if (current?.orgId === orgId && current.cohortId === cohortId) return;
    this.cohort.set(null);
    this.roster.set(null);
    this.waitlist.set(null);
    this.clearImport();
    this.rosterQuery.set({ ...FIRST_PAGE });
    this.waitlistQuery.set({ ...FIRST_PAGE });
    this.ids.set({ orgId, cohortId });
    this.api.get(orgId, cohortId).subscribe({
      next: (cohort) => this.cohort.set(cohort),
      error: (error: unknown) => this.notifier.show(error),
    });
    this.skillsApi.list(orgId, { page: 1, pageSize: MAX_PAGE_SIZE, status: 'active' }).subscribe({
      next: (page) => this.skills.set(page.items),
      error: () => this.skills.set([]),
    });
  }

  /** A changed filter shows its first page. */
  filterRoster(filters: RosterFilters): void {
    this.rosterQuery.update((query) => ({ ...query, ...filters, page: 1 }));
  }

  rosterPage({ page, pageSize }: PageRequest): void {
    this.rosterQuery.update((query) => ({ ...query, page, pageSize }));
  }

  transition(status: CohortStatus): Observable<CohortView> {
    const { orgId, cohortId } = this.requireIds();
    return this.api.transition(orgId, cohortId, status).pipe(tap((cohort) => this.cohort.set(cohort)));
  }

  approve(participant: ParticipantView): Observable<ParticipantView> {
    const { orgId, cohortId } = this.requireIds();
    return this.api.approve(orgId, cohortId, participant.id).pipe(tap(() => this.reload()));
  }

  reject(participant: ParticipantView): Observable<ParticipantView> {
    const { orgId, cohortId } = this.requireIds();
    return this.api.reject(orgId, cohortId, participant.id).pipe(tap(() => this.reload()));
  }

  /** Uploads the file: the API checks every row and keeps the report; nothing is imported yet. */
  validateImport(csv: string): Observable<ParticipantImportView> {
    const { orgId, cohortId } = this.requireIds();
    this.clearImport();
    this.importBusy.set(true);
    return this.api.validateImport(orgId, cohortId, csv).pipe(
      tap((validated) => this.currentImport.set(validated)),
      finalize(() => this.importBusy.set(false)),
    );
  }

  /**
   * Imports the valid rows. A small file is done at once; a large one is a job, followed here
   * until it completes or fails. Emits each state of the import.
   */
  commitImport(): Observable<ParticipantImportView> {
    const { orgId, cohortId } = this.requireIds();
    const current = this.currentImport();
    if (!current) throw new Error('CohortStore: no import to commit.');
    this.importBusy.set(true);
    return this.api.commitImport(orgId, cohortId, current.id).pipe(
      switchMap((committed) =>
        isFinished(committed)
          ? [committed]
          : timer(0, IMPORT_POLL_MS).pipe(
              switchMap(() => this.api.getImport(orgId, cohortId, current.id)),
              takeWhile((state) => !isFinished(state), true),
            ),
      ),
      tap((state) => {
        this.currentImport.set(state);
        if (state.status === 'completed') this.reload();
      }),
      finalize(() => this.importBusy.set(false)),
    );
  }

  discardImport(): Observable<void> {
    const { orgId, cohortId } = this.requireIds();
    const current = this.currentImport();
    if (!current) return EMPTY;
    return this.api.discardImport(orgId, cohortId, current.id).pipe(tap(() => this.clearImport()));
  }

  clearImport(): void {
    this.currentImport.set(null);
    this.rejectedRows.set(null);
    this.rejectedQuery.set({ page: 1, pageSize: 50 });
  }

  /** The roster and the waitlist again, after a change. */
  reload(): void {
    this.version.update((v) => v + 1);
  }

  private requireIds(): { orgId: string; cohortId: string } {
    const ids = this.ids();
    if (!ids) throw new Error('CohortStore: no cohort is open.');
    return ids;
  }

  private fail(error: unknown): Observable<never> {
    this.notifier.show(error);
    return EMPTY;
  }
}

interface CohortIds {
  orgId: string;
  cohortId: string;
}

/** A request of the open cohort (none before one is opened). */
function hasIds<T extends { ids: CohortIds | null }>(request: T): request is T & { ids: CohortIds } {
  return request.ids !== null;
}

function isFinished(state: ParticipantImportView): boolean {
  return state.status === 'completed' || state.status === 'failed' || state.status === 'discarded';
}
