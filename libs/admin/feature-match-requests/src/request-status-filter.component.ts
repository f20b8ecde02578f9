import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MATCH_REQUEST_STATUSES, type MatchRequestStatus } from '@mentorship/contracts';
import { ChoiceFilterComponent } from '@mentorship/admin/ui';
import { matchRequestStatusLabel } from '@mentorship/admin/util';

/** What a list of requests is filtered by. */
export interface RequestFilters {
  status: MatchRequestStatus | null;
}

/** The "Status" select above a list of requests: one status, or any. */
@Component({
  selector: 'mm-request-status-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChoiceFilterComponent],
  template: `
    <mm-choice-filter
      class="status-filter"
      label="Status"
      anyLabel="Any status"
      [choices]="statuses"
      [labelOf]="statusLabel"
      [value]="status()"
      (changed)="changed.emit($event)"
    />
  `,
  styles: ['.status-filter { width: 240px; }'],
})
export class RequestStatusFilterComponent {
  readonly status = input.required<MatchRequestStatus | null>();
  readonly changed = output<MatchRequestStatus | null>();
  protected readonly statuses = MATCH_REQUEST_STATUSES;
  protected readonly statusLabel = matchRequestStatusLabel;
}
