import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  COHORT_STATUSES,
  type CohortStatus,
  type CohortView,
  type ParticipantRole,
} from '@mentorship/contracts';
import { CohortsApi } from '@mentorship/admin/data-access-programs';
import { OrganizationStore, canManagePrograms } from '@mentorship/admin/data-access-organizations';
import {
  ErrorNotifier,
  PagedList,
  PaginatedTableComponent,
  injectNarrowScreen,
  ChoiceFilterComponent,
} from '@mentorship/admin/ui';
import { TableRowsComponent } from '@mentorship/admin/ui/row-actions';
import { cohortStatusLabel, participantRoleLabel, participantStatusLabel } from '@mentorship/admin/util';
import type { Observable } from 'rxjs';

/**
 * Coordinators and admins: every cohort, filtered by status, each opening its roster.
 * Mentors and mentees: the cohorts they are in and those open for enrollment, with their place.
 */
@Component({
  selector: 'mm-cohorts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ChoiceFilterComponent,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatTableModule,
    PaginatedTableComponent,
    TableRowsComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>{{ manages() ? 'Cohorts' : 'My cohorts' }}</h1>
        @if (manages()) {
          <mm-choice-filter
            class="status-filter"
            label="Status"
            anyLabel="Any status"
            [choices]="statuses"
            [labelOf]="statusLabel"
            [value]="list.filters().status"
            (changed)="list.filter({ status: $event })"
          />
          <a mat-button [routerLink]="['/orgs', orgId(), 'programs']">Start a cohort from a program</a>
        }
      </header>
      @if (!manages()) {
        <p class="intro">Cohorts you take part in, and those open for enrollment that you can apply to.</p>
      }
      <mm-paginated-table itemsLabel="cohorts" [list]="list">
        <table mat-table [dataSource]="list.page()?.items ?? []" aria-label="Cohorts">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">Cohort</th>
            <td mat-cell *matCellDef="let cohort">
              @if (manages()) {
                <a [routerLink]="['/orgs', orgId(), 'cohorts', cohort.id]">{{ cohort.name }}</a>
              } @else {
                {{ cohort.name }}
              }
              <span class="program">{{ cohort.programName }}</span>
              @if (narrow()) {
                <span class="program"
                  >{{ statusLabel(cohort.status) }} · {{ cohort.startsOn | date: 'mediumDate' }} –
                  {{ cohort.endsOn | date: 'mediumDate' }}</span
                >
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
            <td mat-cell *matCellDef="let cohort">{{ statusLabel(cohort.status) }}</td>
          </ng-container>
          <ng-container matColumnDef="dates">
            <th mat-header-cell *matHeaderCellDef scope="col">Runs</th>
            <td mat-cell *matCellDef="let cohort" class="dates">
              {{ cohort.startsOn | date: 'mediumDate' }} – {{ cohort.endsOn | date: 'mediumDate' }}
            </td>
          </ng-container>
          <ng-container matColumnDef="place">
            <th mat-header-cell *matHeaderCellDef scope="col">Your place</th>
            <td mat-cell *matCellDef="let cohort" class="place">
              @if (cohort.participation; as mine) {
                <span>{{ roleLabel(mine.role) }} · {{ participantStatus(mine.status) }}</span>
                @if (choosesMentor(cohort)) {
                  <a
                    mat-flat-button
                    [routerLink]="['/orgs', orgId(), 'cohorts', cohort.id, 'mentors']"
                    [attr.aria-label]="'Find a mentor in ' + cohort.name"
                    >Find a mentor</a
                  >
                }
                @if (mine.status === 'invited') {
                  <button mat-flat-button type="button" (click)="accept(cohort)">Accept</button>
                  <button mat-button type="button" (click)="decline(cohort)">Decline</button>
                }
              } @else if (cohort.status === 'enrolling') {
                <button mat-stroked-button type="button" (click)="apply(cohort, 'mentee')">
                  Apply as mentee
                </button>
                <button mat-stroked-button type="button" (click)="apply(cohort, 'mentor')">
                  Apply as mentor
                </button>
              }
            </td>
          </ng-container>
          <mm-table-rows [columns]="columns()" [empty]="emptyText()" />
        </table>
      </mm-paginated-table>
    </div>
  `,
  styles: `
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    .status-filter {
      width: 180px;
    }
    table {
      width: 100%;
    }
    .program {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    @media (min-width: 600px) {
      .place {
        white-space: nowrap;
      }
    }
    .place span {
      margin-inline-end: 8px;
    }
    .place button,
    .place a {
      margin: 4px 8px 4px 0;
    }
  `,
})
export class CohortsPage {
  readonly orgId = input.required<string>();
  private readonly api = inject(CohortsApi);
  private readonly organizations = inject(OrganizationStore);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly statuses = COHORT_STATUSES;
  protected readonly statusLabel = cohortStatusLabel;
  protected readonly roleLabel = participantRoleLabel;
  protected readonly participantStatus = participantStatusLabel;
  protected readonly manages = computed(() =>
    canManagePrograms(this.organizations.find(this.orgId())?.roles ?? []),
  );
  protected readonly list = new PagedList((query) => this.api.list(this.orgId(), query), this.notifier, {
    status: null as CohortStatus | null,
  });
  /** Under 600 px status and dates go under the cohort's name, so the table needs no scrolling. */
  protected readonly narrow = injectNarrowScreen();
  protected readonly columns = computed(() => {
    if (this.narrow()) return this.manages() ? ['name'] : ['name', 'place'];
    return this.manages() ? ['name', 'status', 'dates'] : ['name', 'status', 'dates', 'place'];
  });
  protected readonly emptyText = computed(() => {
    if (this.list.loading() && !this.list.page()) return 'Loading cohorts…';
    if (this.manages())
      return this.list.filters().status
        ? 'No cohort has this status.'
        : 'No cohorts yet. Start one from a program.';
    return 'You are in no cohort yet, and none is open for enrollment.';
  });

  /** An enrolled mentee of a cohort where mentees choose, while it is matching or running. */
  protected choosesMentor(cohort: CohortView): boolean {
    return (
      cohort.participation?.role === 'mentee' &&
      cohort.participation.status === 'enrolled' &&
      cohort.settings.matchingMode === 'mentee-choice' &&
      (cohort.status === 'matching' || cohort.status === 'running')
    );
  }

  protected apply(cohort: CohortView, role: ParticipantRole): void {
    this.act(this.api.apply(this.orgId(), cohort.id, { role }), `You applied to ${cohort.name} as ${role}.`);
  }

  protected accept(cohort: CohortView): void {
    this.act(this.api.acceptInvitation(this.orgId(), cohort.id), `You are enrolled in ${cohort.name}.`);
  }

  protected decline(cohort: CohortView): void {
    this.act(this.api.declineInvitation(this.orgId(), cohort.id), `You declined ${cohort.name}.`);
  }

  private act(request: Observable<unknown>, done: string): void {
    request.subscribe({
      next: () => {
        this.notifier.info(done);
        this.list.reload();
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
