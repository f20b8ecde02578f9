import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';

/** What a list answer says about its paging (every list route of the API answers it). */
export interface ListPage {
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/**
 * The page turner under a list of cards (a table has `mm-paginated-table`): shown only when the
 * list has more than one page, with the page size fixed by the page; `turned` gives the 1-based
 * page to load.
 */
@Component({
  selector: 'mm-list-pages',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatPaginatorModule],
  template: `
    @if (page().total > page().pageSize) {
      <mat-paginator
        [length]="page().total"
        [pageIndex]="page().page - 1"
        [pageSize]="page().pageSize"
        [hidePageSize]="true"
        [attr.aria-label]="label()"
        (page)="turned.emit($event.pageIndex + 1)"
      />
    }
  `,
})
export class ListPagesComponent {
  readonly page = input.required<ListPage>();
  /** Names the paginator for screen readers ("Pages of my requests"). */
  readonly label = input.required<string>();
  readonly turned = output<number>();
}
