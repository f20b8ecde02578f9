import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SkillImportReport,
  type SkillPage,
  type SkillStatus,
  type SkillView,
} from '@mentorship/contracts';
import { SkillsApi, type SkillQuery } from '@mentorship/admin/data-access-people';
import { ErrorNotifier, tablePaging, type PageRequest } from '@mentorship/admin/ui';
import { ERROR_CODES } from '@mentorship/contracts';
import { errorBodyOf } from '@mentorship/admin/util';
import { EMPTY, Observable, catchError, filter, finalize, switchMap, tap } from 'rxjs';

/** A line of a refused CSV file and why (the API's `csv_rows_rejected` details). */
export interface RejectedLine {
  line: number;
  reasons: string[];
}

/** The lines a `csv_rows_rejected` answer lists, or none for any other answer. */
export function rejectedLinesOf(error: unknown): RejectedLine[] {
  const body = errorBodyOf(error);
  if (body?.code !== ERROR_CODES.csvRowsRejected) return [];
  const rejected = (body.details as { rejected?: unknown } | undefined)?.rejected;
  if (!Array.isArray(rejected)) return [];
  return rejected.filter(
    (entry): entry is RejectedLine =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as RejectedLine).line === 'number' &&
      Array.isArray((entry as RejectedLine).reasons),
  );
}

/** The skills catalogue page: one page of skills, the search and status filter, the changes. */
@Injectable()
export class SkillsStore {
  private readonly api = inject(SkillsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly orgId = signal<string | null>(null);
  private readonly version = signal(0);
  readonly query = signal<SkillQuery>({ page: 1, pageSize: DEFAULT_PAGE_SIZE, status: 'active', q: null });
  readonly skills = signal<SkillPage | null>(null);
  readonly loading = signal(false);
  readonly paging = tablePaging(this.skills, this.query);
  /** Every active skill, for the merge target list. */
  readonly activeSkills = signal<SkillView[]>([]);
  readonly lastImport = signal<SkillImportReport | null>(null);
  readonly rejectedLines = signal<RejectedLine[]>([]);

  private readonly request = computed(() => {
    const orgId = this.orgId();
    return orgId ? { orgId, query: this.query(), version: this.version() } : null;
  });

  constructor() {
    toObservable(this.request)
      .pipe(
        filter((request): request is NonNullable<typeof request> => request !== null),
        tap(() => this.loading.set(true)),
        switchMap((request) =>
          this.api.list(request.orgId, request.query).pipe(
            catchError((error: unknown) => {
              this.notifier.show(error);
              return EMPTY;
            }),
            finalize(() => this.loading.set(false)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.skills.set(page));
  }

  open(orgId: string): void {
    if (this.orgId() === orgId) return;
    this.orgId.set(orgId);
    this.loadActive();
  }

  search(q: string): void {
    this.query.update((query) => ({ ...query, q: q.trim() || null, page: 1 }));
  }

  filterStatus(status: SkillStatus | null): void {
    this.query.update((query) => ({ ...query, status, page: 1 }));
  }

  goToPage({ page, pageSize }: PageRequest): void {
    this.query.update((query) => ({ ...query, page, pageSize }));
  }

  add(name: string): Observable<SkillView> {
    return this.api.add(this.requireOrgId(), { name: name.trim() }).pipe(tap(() => this.changed()));
  }

  rename(skill: SkillView, name: string): Observable<SkillView> {
    return this.api
      .update(this.requireOrgId(), skill.id, { name: name.trim() })
      .pipe(tap(() => this.changed()));
  }

  setStatus(skill: SkillView, status: SkillStatus): Observable<SkillView> {
    return this.api.update(this.requireOrgId(), skill.id, { status }).pipe(tap(() => this.changed()));
  }

  merge(skill: SkillView, intoSkillId: string) {
    return this.api.merge(this.requireOrgId(), skill.id, intoSkillId).pipe(tap(() => this.changed()));
  }

  /** Adds the file's new skills, or none: a refused file's lines are kept to show. */
  importCsv(csv: string): Observable<SkillImportReport> {
    this.lastImport.set(null);
    this.rejectedLines.set([]);
    return this.api.importCsv(this.requireOrgId(), csv).pipe(
      tap((report) => {
        this.lastImport.set(report);
        this.changed();
      }),
      catchError((error: unknown) => {
        this.rejectedLines.set(rejectedLinesOf(error));
        throw error;
      }),
    );
  }

  private changed(): void {
    this.version.update((v) => v + 1);
    this.loadActive();
  }

  private loadActive(): void {
    const orgId = this.orgId();
    if (!orgId) return;
    this.api.list(orgId, { page: 1, pageSize: MAX_PAGE_SIZE, status: 'active' }).subscribe({
      next: (page) => this.activeSkills.set(page.items),
      error: () => this.activeSkills.set([]),
    });
  }

  private requireOrgId(): string {
    const orgId = this.orgId();
    if (!orgId) throw new Error('SkillsStore: no organization is open.');
    return orgId;
  }
}
