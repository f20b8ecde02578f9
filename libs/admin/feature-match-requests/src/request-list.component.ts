import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  contentChild,
  inject,
  input,
} from '@angular/core';
import type { MatchRequestView } from '@mentorship/contracts';
import {
  EmptyStateComponent,
  ListPagesComponent,
  LoadingStateComponent,
  type ListPage,
  type PagedList,
} from '@mentorship/admin/ui';

/** The card of one request in `mm-request-list`: `<ng-template mmRequestItem let-request>`. */
@Directive({ selector: 'ng-template[mmRequestItem]' })
export class RequestItemDirective {
  readonly template = inject<TemplateRef<{ $implicit: MatchRequestView }>>(TemplateRef);

  static ngTemplateContextGuard(
    _directive: RequestItemDirective,
    _context: unknown,
  ): _context is { $implicit: MatchRequestView } {
    return true;
  }
}

/**
 * A page of match requests, as both request pages show them: loading, then the page's words
 * for an empty list (projected with the `empty` attribute) or one card per request (the
 * `mmRequestItem` template), and the page turner under them.
 */
@Component({
  selector: 'mm-request-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, EmptyStateComponent, ListPagesComponent, LoadingStateComponent],
  template: `
    <mm-loading-state [loading]="list().loading()" [label]="loadingLabel()" />
    @if (list().page(); as p) {
      @if (p.items.length === 0) {
        <mm-empty-state><ng-content select="[empty]" /></mm-empty-state>
      } @else {
        <ul class="requests" [attr.aria-label]="label()">
          @for (request of p.items; track request.id) {
            <li><ng-container *ngTemplateOutlet="item().template; context: { $implicit: request }" /></li>
          }
        </ul>
        <mm-list-pages [page]="p" [label]="'Pages of ' + pagesLabel()" (turned)="list().turn($event)" />
      }
    }
  `,
  styles: `
    .requests {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
  `,
})
export class RequestListComponent {
  readonly list = input.required<PagedList<object, ListPage & { items: MatchRequestView[] }>>();
  /** Names the list ("My requests"). */
  readonly label = input.required<string>();
  /** Ends "Pages of …" ("my requests"). */
  readonly pagesLabel = input.required<string>();
  readonly loadingLabel = input.required<string>();
  protected readonly item = contentChild.required(RequestItemDirective);
}
