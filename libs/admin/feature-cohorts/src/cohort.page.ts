import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { COHORT_STATUSES, type CohortStatus } from '@mentorship/contracts';
import { ErrorNotifier } from '@mentorship/admin/ui';
import { cohortStatusLabel, cohortStepLabel } from '@mentorship/admin/util';
import { CohortStore } from './cohort.store';
import { ParticipantImportComponent } from './participant-import.component';
import { RosterComponent } from './roster.component';
import { WaitlistComponent } from './waitlist.component';

/** `/orgs/:orgId/cohorts/:cohortId`: one cohort as its coordinator runs it. */
@Component({
  selector: 'mm-cohort-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatTabsModule,
    RosterComponent,
    ParticipantImportComponent,
    WaitlistComponent,
  ],
  template: `
    <div class="mm-page">
      @if (store.cohort(); as cohort) {
        <header class="mm-page-header">
          <h1>{{ cohort.name }}</h1>
          <a mat-button [routerLink]="['/orgs', orgId(), 'programs', cohort.programId]">{{
            cohort.programName
          }}</a>
        </header>
        <p class="dates">
          Runs {{ cohort.startsOn | date: 'mediumDate' }} – {{ cohort.endsOn | date: 'mediumDate' }}
          @if (cohort.enrollmentOpensOn || cohort.enrollmentClosesOn) {
            · enrollment
            {{ cohort.enrollmentOpensOn ? (cohort.enrollmentOpensOn | date: 'mediumDate') : 'now' }} –
            {{ cohort.enrollmentClosesOn ? (cohort.enrollmentClosesOn | date: 'mediumDate') : 'open end' }}
          }
        </p>
        <section class="status" aria-labelledby="status-title">
          <h2 id="status-title" class="cdk-visually-hidden">Status</h2>
          <ol class="steps" aria-label="Cohort status">
            @for (status of statuses; track status) {
              <li
                [class.done]="isBefore(status, cohort.status)"
                [class.current]="status === cohort.status"
                [attr.aria-current]="status === cohort.status ? 'step' : null"
              >
                {{ statusLabel(status) }}
              </li>
            }
          </ol>
          <div class="transitions">
            @for (next of cohort.allowedTransitions; track next) {
              @if (isBefore(cohort.status, next)) {
                <button mat-flat-button type="button" (click)="transition(next)">
                  {{ stepLabel(next) }}
                </button>
              } @else {
                <button mat-stroked-button type="button" (click)="transition(next)">
                  {{ stepLabel(next) }}
                </button>
              }
            }
          </div>
          @if (cohort.status === 'matching') {
            <p class="rounds">
              <a mat-flat-button [routerLink]="['/orgs', orgId(), 'cohorts', cohort.id, 'rounds']"
                >Run a matching round</a
              >
              <span class="note">Pairs every mentee at once, with a score and reasons you review first.</span>
            </p>
          }
          <nav class="follow" aria-label="Follow the cohort">
            <a mat-stroked-button [routerLink]="['/orgs', orgId(), 'cohorts', cohort.id, 'matches']"
              >Matches</a
            >
            <a
              mat-stroked-button
              [routerLink]="['/orgs', orgId(), 'attention']"
              [queryParams]="{ cohortId: cohort.id }"
              >Needs attention</a
            >
            <a mat-stroked-button [routerLink]="['/orgs', orgId(), 'cohorts', cohort.id, 'feedback']"
              >Feedback</a
            >
          </nav>
          @if (cohort.settingsFrozenAt) {
            <p class="note">
              Program settings frozen on {{ cohort.settingsFrozenAt | date: 'mediumDate' }}: later edits to
              the program do not change this cohort.
            </p>
          }
        </section>

        <mat-tab-group class="tabs" mat-stretch-tabs="false" dynamicHeight>
          <mat-tab [label]="rosterLabel()">
            <mm-roster />
          </mat-tab>
          <mat-tab label="Import participants">
            <mm-participant-import />
          </mat-tab>
          <mat-tab [label]="waitlistLabel()">
            <mm-waitlist />
          </mat-tab>
        </mat-tab-group>
      } @else {
        <p class="note">Loading the cohort…</p>
      }
    </div>
  `,
  styles: `
    .dates,
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      list-style: none;
      padding: 0;
      margin: 8px 0;
    }
    .steps li {
      padding: 4px 12px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      border: 1px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface-variant);
    }
    .steps li.done {
      color: var(--mat-sys-on-surface);
    }
    .steps li.current {
      background: var(--mat-sys-primary);
      border-color: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .transitions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .tabs {
      margin-top: 24px;
    }
    .follow {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 16px 0 0;
    }
    .rounds {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin: 16px 0 0;
    }
  `,
})
export class CohortPage {
  readonly orgId = input.required<string>();
  readonly cohortId = input.required<string>();
  protected readonly store = inject(CohortStore);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly statuses = COHORT_STATUSES;
  protected readonly statusLabel = cohortStatusLabel;
  protected readonly stepLabel = cohortStepLabel;
  protected readonly rosterLabel = computed(() => {
    const total = this.store.roster()?.total;
    return total === undefined || this.store.hasFilters() ? 'Roster' : `Roster (${total})`;
  });
  protected readonly waitlistLabel = computed(() => {
    const waiting = this.store.waitlist()?.capacity.waiting;
    return waiting ? `Waitlist (${waiting})` : 'Waitlist';
  });

  constructor() {
    effect(() => this.store.open(this.orgId(), this.cohortId()));
  }

  protected isBefore(a: CohortStatus, b: CohortStatus): boolean {
    return COHORT_STATUSES.indexOf(a) < COHORT_STATUSES.indexOf(b);
  }

  protected transition(status: CohortStatus): void {
    this.store.transition(status).subscribe({
      next: (cohort) =>
        this.notifier.info(`The cohort is now ${cohortStatusLabel(cohort.status).toLowerCase()}.`),
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
