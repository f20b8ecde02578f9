import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { MATCH_STATUSES, type CohortView, type MatchOrigin, type MatchStatus } from '@mentorship/contracts';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import { CohortsApi } from '@mentorship/admin/data-access-programs';
import {
  EmptyStateComponent,
  ErrorNotifier,
  PagedList,
  PaginatedTableComponent,
  ChoiceFilterComponent,
} from '@mentorship/admin/ui';
import { instantLabel, matchStatusLabel, matchStatusTone } from './mentorship-words';

const ORIGIN: Record<MatchOrigin, string> = {
  request: 'Mentee’s request',
  round: 'Matching round',
  coordinator: 'Coordinator',
};

interface CohortMatchFilters {
  status: MatchStatus | null;
}
const EVERY_STATE: CohortMatchFilters = { status: null };

/**
 * `/orgs/:orgId/cohorts/:cohortId/matches` (coordinators and admins): every match of the cohort in
 * every state, the latest change first, each opening its match page — the list a coordinator
 * follows the cohort by, beside "needs attention" (what is late) and the feedback (how it went).
 */
@Component({
  selector: 'mm-cohort-matches-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ChoiceFilterComponent,
    RouterLink,
    MatButtonModule,

    MatTableModule,
    EmptyStateComponent,
    PaginatedTableComponent,
  ],
  template: `
    <div class="mm-page">
      <p class="crumb">
        <a [routerLink]="['/orgs', orgId(), 'cohorts', cohortId()]">← {{ cohort()?.name ?? 'Cohort' }}</a>
      </p>
      <header class="mm-page-header">
        <h1>Matches</h1>
        <div class="buttons">
          <a
            mat-stroked-button
            [routerLink]="['/orgs', orgId(), 'attention']"
            [queryParams]="{ cohortId: cohortId() }"
            >Needs attention</a
          >
          <a mat-stroked-button [routerLink]="['/orgs', orgId(), 'cohorts', cohortId(), 'feedback']"
            >Feedback</a
          >
        </div>
      </header>
      <mm-choice-filter
        class="status-filter"
        label="State"
        anyLabel="Any state"
        [choices]="statuses"
        [labelOf]="statusLabel"
        [value]="list.filters().status"
        (changed)="list.filter({ status: $event })"
      />
      @if (list.page(); as p) {
        @if (p.total === 0 && !list.loading()) {
          <mm-empty-state>
            @if (list.filters().status) {
              No match of this cohort is in this state.
            } @else {
              No match in this cohort yet: run a matching round while it is matching, or let mentees send
              requests when the program lets them choose.
            }
          </mm-empty-state>
        } @else {
          <mm-paginated-table itemsLabel="matches" [list]="list">
            <table mat-table [dataSource]="p.items" aria-label="Matches of the cohort">
              <ng-container matColumnDef="pair">
                <th mat-header-cell *matHeaderCellDef scope="col">Mentee and mentor</th>
                <td mat-cell *matCellDef="let match">
                  <a [routerLink]="['/orgs', orgId(), 'matches', match.id]"
                    >{{ match.mentee.displayName }} with {{ match.mentor.displayName }}</a
                  >
                </td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef scope="col">State</th>
                <td mat-cell *matCellDef="let match">
                  <span [class]="'mm-chip ' + tone(match.status)">{{ statusLabel(match.status) }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="since">
                <th mat-header-cell *matHeaderCellDef scope="col">Since</th>
                <td mat-cell *matCellDef="let match">{{ when(match.statusChangedAt) }}</td>
              </ng-container>
              <ng-container matColumnDef="origin">
                <th mat-header-cell *matHeaderCellDef scope="col">Matched by</th>
                <td mat-cell *matCellDef="let match">{{ origin(match.origin) }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          </mm-paginated-table>
        }
      }
    </div>
  `,
  styleUrl: './mentorships.css',
})
export class CohortMatchesPage {
  readonly orgId = input.required<string>();
  readonly cohortId = input.required<string>();
  private readonly api = inject(MentorshipsApi);
  private readonly cohorts = inject(CohortsApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly statuses = MATCH_STATUSES;
  protected readonly columns = ['pair', 'status', 'since', 'origin'];
  protected readonly statusLabel = matchStatusLabel;
  protected readonly tone = matchStatusTone;
  protected readonly when = instantLabel;
  protected readonly origin = (origin: MatchOrigin) => ORIGIN[origin];
  protected readonly cohort = signal<CohortView | null>(null);
  protected readonly list = new PagedList(
    (query) => this.api.ofCohort(this.orgId(), this.cohortId(), query),
    this.notifier,
    EVERY_STATE,
  );

  constructor() {
    effect((onCleanup) => {
      const subscription = this.cohorts.get(this.orgId(), this.cohortId()).subscribe({
        next: (cohort) => this.cohort.set(cohort),
        error: (error: unknown) => this.notifier.show(error),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
