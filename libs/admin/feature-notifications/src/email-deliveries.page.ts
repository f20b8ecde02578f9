import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { NotificationsApi } from '@mentorship/admin/data-access-notifications';
import {
  ChoiceFilterComponent,
  ErrorNotifier,
  PagedList,
  PaginatedTableComponent,
} from '@mentorship/admin/ui';
import { TableRowsComponent } from '@mentorship/admin/ui/row-actions';
import type { EmailDeliveryStatus, EmailDeliveryView } from '@mentorship/contracts';

const STATUS_WORDS: Record<EmailDeliveryStatus, string> = {
  sending: 'Sending',
  retrying: 'Retrying',
  sent: 'Sent',
  failed: 'Failed',
};

/**
 * The organization's delivery log, for admins: every email the product sent or tried to send,
 * newest first, with the attempts it took and, for one that failed, what the mail server said.
 */
@Component({
  selector: 'mm-email-deliveries-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChoiceFilterComponent, DatePipe, MatTableModule, PaginatedTableComponent, TableRowsComponent],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>Email delivery log</h1>
        <mm-choice-filter
          class="status-filter"
          label="Filter by status"
          anyLabel="All emails"
          [choices]="statuses"
          [labelOf]="statusWords"
          [value]="list.filters().status"
          (changed)="list.filter({ status: $event })"
        />
      </header>
      <p class="intro">
        A send the mail server refuses or does not answer is tried again, a little later each time; after the
        last attempt it is marked failed, with the server's answer.
      </p>
      <mm-paginated-table itemsLabel="emails" [list]="list">
        <table mat-table [dataSource]="list.page()?.items ?? []" aria-label="Emails">
          <ng-container matColumnDef="createdAt">
            <th mat-header-cell *matHeaderCellDef scope="col">Queued</th>
            <td mat-cell *matCellDef="let row">{{ row.createdAt | date: 'medium' }}</td>
          </ng-container>
          <ng-container matColumnDef="recipient">
            <th mat-header-cell *matHeaderCellDef scope="col">To</th>
            <td mat-cell *matCellDef="let row" class="recipient">{{ row.recipient }}</td>
          </ng-container>
          <ng-container matColumnDef="subject">
            <th mat-header-cell *matHeaderCellDef scope="col">Subject</th>
            <td mat-cell *matCellDef="let row" class="wrap">{{ row.subject }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
            <td mat-cell *matCellDef="let row">
              <span class="status status-{{ row.status }}">{{ statusOf(row) }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="attempts">
            <th mat-header-cell *matHeaderCellDef scope="col">Attempts</th>
            <td mat-cell *matCellDef="let row">{{ row.attempts }}</td>
          </ng-container>
          <ng-container matColumnDef="outcome">
            <th mat-header-cell *matHeaderCellDef scope="col">Outcome</th>
            <td mat-cell *matCellDef="let row" class="wrap">
              @if (row.lastError) {
                <span class="reason">{{ row.lastError }}</span>
              } @else if (row.sentAt) {
                Sent {{ row.sentAt | date: 'medium' }}
              }
            </td>
          </ng-container>
          <mm-table-rows [columns]="columns" [empty]="emptyText()" />
        </table>
      </mm-paginated-table>
    </div>
  `,
  styles: `
    .intro {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .status-filter {
      min-width: 200px;
    }
    table {
      width: 100%;
    }
    .wrap {
      overflow-wrap: anywhere;
      min-width: 140px;
    }
    .recipient {
      white-space: nowrap;
    }
    .status {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      white-space: nowrap;
    }
    .status-failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .status-sent {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .reason {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class EmailDeliveriesPage {
  readonly orgId = input.required<string>();
  private readonly api = inject(NotificationsApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly statuses = Object.keys(STATUS_WORDS) as EmailDeliveryStatus[];
  protected readonly statusWords = (status: EmailDeliveryStatus) => STATUS_WORDS[status];
  // Status first: on a phone the table scrolls sideways and what happened shows without scrolling.
  protected readonly columns = ['status', 'recipient', 'subject', 'attempts', 'outcome', 'createdAt'];
  protected readonly list = new PagedList(
    ({ status, ...query }) => this.api.deliveries(this.orgId(), { ...query, ...(status ? { status } : {}) }),
    this.notifier,
    { status: null as EmailDeliveryStatus | null },
  );

  protected emptyText(): string {
    if (this.list.loading() && !this.list.page()) return 'Loading emails…';
    return this.list.filters().status ? 'No email in this state.' : 'No email sent yet.';
  }

  protected statusOf(row: EmailDeliveryView): string {
    const word = STATUS_WORDS[row.status];
    return row.retried && row.status === 'sent' ? `${word} after retries` : word;
  }
}
