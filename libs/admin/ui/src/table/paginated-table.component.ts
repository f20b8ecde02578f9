import { ChangeDetectionStrategy, Component, computed, input, output, type Signal } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@mentorship/contracts';
import { LoadingStateComponent } from '../states/loading-state.component';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** A list that pages itself (`PagedList` is one): the table reads its paging and turns it. */
export interface PagedTableSource {
  readonly page: Signal<{ total: number } | null>;
  readonly pageNumber: Signal<number>;
  readonly pageSize: Signal<number>;
  readonly loading: Signal<boolean>;
  turn(page: number, pageSize: number): void;
}

/** What a table shows of its paging, for a store that keeps its own page (`[paging]`). */
export interface TablePaging {
  total: number;
  page: number;
  pageSize: number;
}

/** A store's last page and the page it asks for, as one table's `[paging]`. */
export function tablePaging(
  page: Signal<{ total: number } | null>,
  query: Signal<PageRequest>,
): Signal<TablePaging> {
  return computed(() => ({ total: page()?.total ?? 0, page: query().page, pageSize: query().pageSize }));
}

/**
 * A frame for one page of an API list: a loading bar, the projected `mat-table` in a box that
 * scrolls sideways on narrow screens, and a paginator speaking the API's 1-based pages.
 * Give it a `[list]` (a `PagedList`), which it reads and turns itself; or a store's `[paging]`
 * with `[loading]`, answering `pageChange`; or each of `total`, `page`, `pageSize` on its own.
 */
@Component({
  selector: 'mm-paginated-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatPaginatorModule, LoadingStateComponent],
  template: `
    <mm-loading-state [loading]="shownLoading()" [label]="'Loading ' + itemsLabel()" />
    <!-- Focusable: on a narrow screen the table may scroll sideways with nothing else to focus
         in it (axe: scrollable-region-focusable); a keyboard then scrolls it with the arrows. -->
    <div class="scroll" tabindex="0" role="region" [attr.aria-label]="'Table of ' + itemsLabel()">
      <ng-content />
    </div>
    <mat-paginator
      [length]="shown().total"
      [pageIndex]="shown().page - 1"
      [pageSize]="shown().pageSize"
      [pageSizeOptions]="pageSizeOptions()"
      (page)="changePage($event)"
      [attr.aria-label]="'Pages of ' + itemsLabel()"
    />
  `,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow: hidden;
    }
    .scroll {
      overflow-x: auto;
    }
    /* A rule between the last row and the paginator: on a phone the paginator wraps onto two
       lines right under a last row whose cells wrap too, and without it the two read as one. */
    mat-paginator {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    /* Inside the rounded frame, which clips anything drawn outside it. */
    .scroll:focus-visible {
      outline-offset: -2px;
    }
  `,
})
export class PaginatedTableComponent {
  /** What the rows are, in the plural ("members"): names the paginator and the loading bar. */
  readonly itemsLabel = input.required<string>();
  readonly total = input(0);
  readonly page = input(1);
  readonly pageSize = input(DEFAULT_PAGE_SIZE);
  readonly loading = input(false);
  readonly pageSizeOptions = input<number[]>([10, DEFAULT_PAGE_SIZE, 50, MAX_PAGE_SIZE]);
  /** A list that pages itself: the table reads total, page, size and loading from it and turns it. */
  readonly list = input<PagedTableSource | null>(null);
  /** A store's paging in one input (the `total`, `page` and `pageSize` inputs then do not count). */
  readonly paging = input<TablePaging | null>(null);
  readonly pageChange = output<PageRequest>();

  protected readonly shown = computed<TablePaging>(() => {
    const list = this.list();
    if (list) return { total: list.page()?.total ?? 0, page: list.pageNumber(), pageSize: list.pageSize() };
    return this.paging() ?? { total: this.total(), page: this.page(), pageSize: this.pageSize() };
  });
  protected readonly shownLoading = computed(() => this.list()?.loading() ?? this.loading());

  protected changePage(event: PageEvent): void {
    // A new page size starts again from the first page.
    const page = event.pageSize === this.shown().pageSize ? event.pageIndex + 1 : 1;
    this.list()?.turn(page, event.pageSize);
    this.pageChange.emit({ page, pageSize: event.pageSize });
  }
}
