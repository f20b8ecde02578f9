import { effect, signal, type Signal, type WritableSignal } from '@angular/core';
import { DEFAULT_PAGE_SIZE } from '@mentorship/contracts';
import type { Observable } from 'rxjs';
import type { ErrorNotifier } from '../error-notifier';

/** The page a list asks for, with its filters. */
export type PagedQuery<F> = F & { page: number; pageSize: number };

/**
 * One page of a filtered list from the API: what every list page of the admin shows (my
 * mentorships, needs attention, a cohort's matches, match requests). Create it in a field
 * initializer (it starts an effect, which needs the component's injection context). It loads
 * again whenever a filter, the page, a signal `load` reads (such as the route's organization)
 * or `reload()` changes, and drops an answer that a newer load overtook (the effect's cleanup
 * unsubscribes the older request).
 */
export class PagedList<F extends object, P> {
  private readonly filterState: WritableSignal<F>;
  private readonly pageState = signal(1);
  private readonly pageSizeState: WritableSignal<number>;
  private readonly version = signal(0);
  readonly filters: Signal<F>;
  readonly pageNumber: Signal<number>;
  readonly pageSize: Signal<number>;
  readonly page = signal<P | null>(null);
  readonly loading = signal(false);

  constructor(
    load: (query: PagedQuery<F>) => Observable<P>,
    notifier: Pick<ErrorNotifier, 'show'>,
    initialFilters: F,
    pageSize = DEFAULT_PAGE_SIZE,
  ) {
    this.filterState = signal(initialFilters);
    this.filters = this.filterState.asReadonly();
    this.pageNumber = this.pageState.asReadonly();
    this.pageSizeState = signal(pageSize);
    this.pageSize = this.pageSizeState.asReadonly();
    effect((onCleanup) => {
      this.version();
      const query = { ...this.filterState(), page: this.pageState(), pageSize: this.pageSizeState() };
      this.loading.set(true);
      const subscription = load(query).subscribe({
        next: (page) => {
          this.page.set(page);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          notifier.show(error);
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  /** A changed filter starts again at the first page. */
  filter(change: Partial<F>): void {
    this.filterState.update((filters) => ({ ...filters, ...change }));
    this.pageState.set(1);
  }

  /** Another page (a table's paginator may change the page size too). */
  turn(page: number, pageSize = this.pageSizeState()): void {
    this.pageState.set(page);
    this.pageSizeState.set(pageSize);
  }

  /** After an action moved something on the page: read the same page again. */
  reload(): void {
    this.version.update((v) => v + 1);
  }
}
