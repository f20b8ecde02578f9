import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatSelectModule } from '@angular/material/select';
import { MATCH_REQUEST_STATUSES, type MatchRequestStatus } from '@mentorship/contracts';
import { matchRequestStatusLabel } from '@mentorship/admin/util';

const ALL = 'all';

/** What a list of requests is filtered by. */
export interface RequestFilters {
  status: MatchRequestStatus | null;
}

/** The "Status" select above a list of requests: one status, or any. */
@Component({
  selector: 'mm-request-status-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatSelectModule],
  template: `
    <mat-form-field subscriptSizing="dynamic" class="status-filter">
      <mat-label>Status</mat-label>
      <mat-select [value]="status() ?? all" (selectionChange)="choose($event.value)">
        <mat-option [value]="all">Any status</mat-option>
        @for (s of statuses; track s) {
          <mat-option [value]="s">{{ statusLabel(s) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: ['.status-filter { width: 240px; }'],
})
export class RequestStatusFilterComponent {
  readonly status = input.required<MatchRequestStatus | null>();
  readonly changed = output<MatchRequestStatus | null>();
  protected readonly all = ALL;
  protected readonly statuses = MATCH_REQUEST_STATUSES;
  protected readonly statusLabel = matchRequestStatusLabel;

  protected choose(value: MatchRequestStatus | typeof ALL): void {
    this.changed.emit(value === ALL ? null : value);
  }
}
