import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { type MatchRequestView } from '@mentorship/contracts';
import type { RequestFilters } from './request-status-filter.component';
import { MatchingApi } from '@mentorship/admin/data-access-matching';
import { ConfirmDialog, ErrorNotifier, type ConfirmDialogData } from '@mentorship/admin/ui';
import { RequestCardComponent, type RequestAction } from './request-card.component';
import { RequestDetailsComponent } from './request-details.component';
import { RequestItemDirective, RequestListComponent } from './request-list.component';
import { requestPageList } from './request-page-list';
import { RequestStatusFilterComponent } from './request-status-filter.component';
import { TimeZoneStore } from './time-zone.store';

/** `/orgs/:orgId/requests/sent`: the requests a mentee sent, newest first, with withdraw. */
const ANY_STATUS: RequestFilters = { status: null };

@Component({
  selector: 'mm-my-requests-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [TimeZoneStore],
  imports: [
    RouterLink,
    RequestStatusFilterComponent,
    RequestDetailsComponent,
    RequestCardComponent,
    RequestItemDirective,
    RequestListComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>My requests</h1>
        <mm-request-status-filter
          [status]="list.filters().status"
          (changed)="list.filter({ status: $event })"
        />
      </header>
      <p class="intro">
        The requests you sent to mentors. An unanswered request expires at the time shown, in your time zone;
        you may withdraw it before, e.g. to ask someone else.
      </p>
      <mm-request-list
        [list]="list"
        label="My requests"
        pagesLabel="my requests"
        loadingLabel="Loading your requests"
      >
        <ng-container empty>
          @if (list.filters().status) {
            No request has this status.
          } @else {
            You have sent no request yet. Open a cohort where mentees choose under
            <a [routerLink]="['/orgs', orgId(), 'cohorts']">My cohorts</a> and pick “Find a mentor”.
          }
        </ng-container>
        <ng-template mmRequestItem let-request>
          <mm-request-card [request]="request" [actions]="actionsOf(request)">
            @if (request.declineNote) {
              <blockquote class="note">“{{ request.declineNote }}”</blockquote>
            }
            @if (request.suggestedMentor; as other) {
              <p>
                {{ request.mentor.displayName }} suggests asking {{ other.displayName }}.
                <a [routerLink]="['/orgs', orgId(), 'cohorts', request.cohortId, 'mentors']"
                  >Find a mentor in {{ request.cohortName }}</a
                >
              </p>
            }
            <details>
              <summary>What I wrote</summary>
              <mm-request-details [request]="request" />
            </details>
          </mm-request-card>
        </ng-template>
      </mm-request-list>
    </div>
  `,
  styleUrl: './requests.css',
})
export class MyRequestsPage {
  readonly orgId = input.required<string>();
  private readonly api = inject(MatchingApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly dialog = inject(MatDialog);
  protected readonly list = requestPageList(
    this.orgId,
    (api, orgId, query) => api.sent(orgId, query),
    ANY_STATUS,
  );

  /** An open request can be withdrawn; the others are history. */
  protected actionsOf(request: MatchRequestView): RequestAction[] {
    if (request.status !== 'open') return [];
    return [
      {
        label: 'Withdraw',
        ariaLabel: `Withdraw the request to ${request.mentor.displayName}`,
        run: () => this.withdraw(request),
      },
    ];
  }

  private withdraw(request: MatchRequestView): void {
    this.notifier.dismiss();
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: 'Withdraw the request?',
          message: `${request.mentor.displayName} will no longer see it. You can send a new request afterwards.`,
          confirmLabel: 'Withdraw',
        },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.api.withdraw(this.orgId(), request.id).subscribe({
          next: () => {
            this.notifier.info('Request withdrawn.');
            this.list.reload();
          },
          error: (error: unknown) => {
            this.notifier.show(error);
            this.list.reload();
          },
        });
      });
  }
}
