import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@mentorship/contracts';
import { LoadingStateComponent } from '../states/loading-state.component';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * A frame for one page of an API list: a loading bar, the projected `mat-table` in a box that
 * scrolls sideways on narrow screens, and a paginator speaking the API's 1-based pages.
 */
@Component({
  selector: 'mm-paginated-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatPaginatorModule, LoadingStateComponent],
  template: `
    <mm-loading-state [loading]="loading()" [label]="'Loading ' + itemsLabel()" />
    <!-- Focusable: on a narrow screen the table may scroll sideways with nothing else to focus
         in it (axe: scrollable-region-focusable); a keyboard then scrolls it with the arrows. -->
    <div class="scroll" tabindex="0" role="region" [attr.aria-label]="'Table of ' + itemsLabel()">
      <ng-content />
    </div>
    <mat-paginator
      [length]="total()"
      [pageIndex]="page() - 1"
      [pageSize]="pageSize()"
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
  readonly pageChange = output<PageRequest>();

  protected changePage(event: PageEvent): void {
    // A new page size starts again from the first page.
    const page = event.pageSize === this.pageSize() ? event.pageIndex + 1 : 1;
    this.pageChange.emit({ page, pageSize: event.pageSize });
  }
}
