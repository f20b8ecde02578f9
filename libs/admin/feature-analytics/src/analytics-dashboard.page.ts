import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CohortView, ProgramView } from '@mentorship/contracts';
import { CohortsApi, ProgramsApi } from '@mentorship/admin/data-access-programs';
import {
  ChoiceFilterComponent,
  EmptyStateComponent,
  ErrorNotifier,
  LoadingStateComponent,
} from '@mentorship/admin/ui';
import {
  type ChartData,
  csvName,
  engagementChart,
  feedbackChart,
  funnelChart,
  participationChart,
  percent,
  retentionChart,
  timeToMatchChart,
  utilizationChart,
} from './analytics-charts';
import { AnalyticsStore, type Dashboard } from './analytics.store';
import { CohortComparisonComponent } from './cohort-comparison.component';
import { DashboardCardComponent } from './dashboard-card.component';

/**
 * `/orgs/:orgId/analytics` (admins and coordinators): does the program keep people? Every chart
 * reads the nightly rollups for one filter (program, cohort, dates), shows its numbers as a
 * table on request and downloads them as CSV; the comparison table puts the cohorts side by
 * side and downloads each one's matches, check-ins and feedback.
 */
@Component({
  selector: 'mm-analytics-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AnalyticsStore],
  imports: [
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ChoiceFilterComponent,
    EmptyStateComponent,
    LoadingStateComponent,
    CohortComparisonComponent,
    DashboardCardComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>Analytics</h1>
      </header>
      <p class="intro">
        Does the program keep people? Retention, trials and engagement per cohort, from the rollups made every
        night (yesterday is the last day counted).
      </p>

      <form class="filters" aria-label="Filters" (submit)="$event.preventDefault()">
        <mm-choice-filter
          label="Program"
          anyLabel="All programs"
          [choices]="programIds()"
          [labelOf]="programName"
          [value]="filter().programId ?? null"
          (changed)="setProgram($event)"
        />
        <mm-choice-filter
          label="Cohort"
          anyLabel="All cohorts"
          [choices]="cohortChoices()"
          [labelOf]="cohortName"
          [value]="filter().cohortId ?? null"
          (changed)="setCohort($event)"
        />
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>From</mat-label>
          <input
            matInput
            type="date"
            [value]="filter().from"
            [max]="filter().to"
            (change)="setDay('from', $event)"
          />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>To</mat-label>
          <input
            matInput
            type="date"
            [value]="filter().to"
            [min]="filter().from"
            (change)="setDay('to', $event)"
          />
        </mat-form-field>
      </form>

      @if (store.problem(); as problem) {
        <p class="problem" role="alert">{{ problem }}</p>
      }
      <mm-loading-state [loading]="store.loading() && !dashboard()" label="Reading the rollups" />
      @if (dashboard(); as d) {
        <div class="grid" [attr.aria-busy]="store.loading()">
          <mm-dashboard-card
            class="wide"
            kind="line"
            caption="Cohort retention: mentees still in a running or completed match after starting (%)"
            heading="Cohort retention"
            categoryLabel="After"
            [chart]="retention()"
            [percent]="true"
            [csvFilename]="csv('retention')"
            [empty]="noData + ' Retention counts mentees from their first match on.'"
          />

          <mm-dashboard-card
            kind="bar"
            caption="Trial funnel: matches that reached each stage"
            heading="Trial funnel"
            categoryLabel="Stage"
            [chart]="funnel()"
            [csvFilename]="csv('trial-funnel')"
            [empty]="noData + ' Run a matching round or let mentees send requests.'"
          >
            <p facts class="facts">
              Trials: {{ d.funnel.trials.started }} started, {{ d.funnel.trials.converted }} went on,
              {{ d.funnel.trials.declined }} declined{{ rate(d.funnel.trials.conversionRate, ' converted') }}.
              Requests: {{ d.funnel.requests.sent }} sent, {{ d.funnel.requests.accepted }} accepted,
              {{ d.funnel.requests.declined }} declined, {{ d.funnel.requests.expired }} expired.
            </p>
          </mm-dashboard-card>

          <mm-dashboard-card
            kind="bar"
            caption="Time to match: days from request or enrollment to an accepted match"
            heading="Time to match"
            categoryLabel="Waited"
            [chart]="timeToMatch()"
            [csvFilename]="csv('time-to-match')"
            [empty]="noData + ' It counts matches accepted in the range.'"
          >
            <p facts class="facts">
              {{ d.timeToMatch.matches }} matches; median {{ days(d.timeToMatch.medianDays) }}, 90th
              percentile {{ days(d.timeToMatch.p90Days) }}.
            </p>
          </mm-dashboard-card>

          <mm-dashboard-card
            class="wide"
            kind="line"
            [caption]="'Engagement over time, by ' + d.engagement.granularity"
            heading="Engagement over time"
            categoryLabel="Period from"
            [chart]="engagement()"
            [csvFilename]="csv('engagement')"
            [empty]="noData + ' Check-ins and milestones count once pairs log them.'"
          />

          <mm-dashboard-card
            kind="line"
            caption="Pulse average and check-ins per active match"
            heading="Pulse and check-ins"
            categoryLabel="Period from"
            [chart]="feedback()"
            [csvFilename]="csv('pulse-and-check-ins')"
            [empty]="noData + ' Pulses come from pairs in trial or active matches.'"
          />

          <mm-dashboard-card
            kind="bar"
            [caption]="
              'Mentor utilization on ' + d.utilization.day + ': mentors by share of their places used'
            "
            heading="Mentor utilization"
            categoryLabel="Places used"
            [chart]="utilization()"
            [csvFilename]="csv('mentor-utilization')"
            [empty]="noData + ' Mentors count from the day they are enrolled in a cohort.'"
          >
            <p facts class="facts">
              {{ d.utilization.placesUsed }} of {{ d.utilization.placesOffered }} places used{{
                rate(d.utilization.utilization, '')
              }}.
            </p>
          </mm-dashboard-card>

          <mm-dashboard-card
            class="wide"
            kind="bar"
            caption="Participants vs non-participants: members still in the organization after joining (%)"
            heading="Participants vs non-participants"
            categoryLabel="Members who joined in the range"
            [chart]="participation()"
            [csvFilename]="csv('participants-vs-non-participants')"
            empty="No members joined in the range long enough ago: widen the range to members who joined 6 or 12 months before its end."
          >
            <p facts class="facts">
              @for (h of d.participation.horizons; track h.months) {
                After {{ h.months }} months: {{ h.participants.stillMembers }} of
                {{ h.participants.members }} who took part, {{ h.nonParticipants.stillMembers }} of
                {{ h.nonParticipants.members }} who did not.
              }
            </p>
            <p note class="note">
              How staying is measured: a membership that ends (the person is removed from the organization) is
              the outcome proxy. It is organization-wide: the program and cohort filters do not narrow it.
            </p>
          </mm-dashboard-card>

          <mat-card appearance="outlined" class="wide">
            <mat-card-content>
              <h2 class="title">Cohorts compared</h2>
              @if (d.cohorts.cohorts.length > 0) {
                <mm-cohort-comparison
                  [orgId]="orgId()"
                  [rows]="d.cohorts.cohorts"
                  [filename]="csv('cohorts')"
                />
              } @else {
                <mm-empty-state>{{ noData }}</mm-empty-state>
              }
            </mat-card-content>
          </mat-card>
        </div>
      }
    </div>
  `,
  styles: `
    .intro {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 16px;
    }
    .filters > * {
      flex: 1 1 200px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    @media (max-width: 899.98px) {
      .grid {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .title {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .facts,
    .note {
      font: var(--mat-sys-body-medium);
      margin: 8px 0 0;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class AnalyticsDashboardPage {
  readonly orgId = input.required<string>();

  protected readonly store = inject(AnalyticsStore);
  private readonly programsApi = inject(ProgramsApi);
  private readonly cohortsApi = inject(CohortsApi);
  private readonly notifier = inject(ErrorNotifier);

  protected readonly noData =
    'Nothing in the rollups for these filters yet. Widen the dates or choose another cohort; with no cohort running yet, start one from Programs, enroll people and match them: activity shows here the morning after it happens.';
  protected readonly programs = signal<ProgramView[]>([]);
  protected readonly cohorts = signal<CohortView[]>([]);
  protected readonly filter = this.store.filter;
  protected readonly dashboard = this.store.dashboard;
  protected readonly programIds = computed(() => this.programs().map((p) => p.id));
  /** The cohorts of the chosen program, or every cohort. */
  protected readonly cohortChoices = computed(() => {
    const programId = this.filter().programId;
    const cohorts = programId ? this.cohorts().filter((c) => c.programId === programId) : this.cohorts();
    return cohorts.map((c) => c.id);
  });
  protected readonly programName = (id: string) => this.programs().find((p) => p.id === id)?.name ?? id;
  protected readonly cohortName = (id: string) => this.cohorts().find((c) => c.id === id)?.name ?? id;

  protected readonly retention = this.chartOf((d) => retentionChart(d.retention));
  protected readonly funnel = this.chartOf((d) => funnelChart(d.funnel));
  protected readonly engagement = this.chartOf((d) => engagementChart(d.engagement));
  protected readonly feedback = this.chartOf((d) => feedbackChart(d.engagement));
  protected readonly utilization = this.chartOf((d) => utilizationChart(d.utilization));
  protected readonly timeToMatch = this.chartOf((d) => timeToMatchChart(d.timeToMatch));
  protected readonly participation = this.chartOf((d) => participationChart(d.participation));

  /** A chart of the current answers (nothing before the first answer: the page shows none then). */
  private chartOf(chart: (d: Dashboard) => ChartData) {
    return computed(() => {
      const d = this.dashboard();
      return d ? chart(d) : { labels: [], series: [] };
    });
  }

  constructor() {
    effect(() => {
      const orgId = this.orgId();
      untracked(() => {
        this.store.load(orgId);
        this.programsApi.list(orgId, { page: 1, pageSize: 100 }).subscribe({
          next: (page) => this.programs.set(page.items),
          error: (error: unknown) => this.notifier.show(error),
        });
        this.cohortsApi.list(orgId, { page: 1, pageSize: 100 }).subscribe({
          next: (page) => this.cohorts.set(page.items),
          error: (error: unknown) => this.notifier.show(error),
        });
      });
    });
  }

  protected setProgram(programId: string | null): void {
    const programOf = (id: string) => this.cohorts().find((c) => c.id === id)?.programId ?? null;
    this.store.setFilter(this.orgId(), { programId }, programOf);
  }

  protected setCohort(cohortId: string | null): void {
    this.store.setFilter(this.orgId(), { cohortId });
  }

  protected setDay(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    // An emptied or half-typed date keeps the last valid one.
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) this.store.setFilter(this.orgId(), { [which]: value });
  }

  protected csv(chart: string): string {
    const { from, to } = this.dashboard()?.retention.filter ?? this.filter();
    return csvName(chart, { from: from ?? '', to: to ?? '' });
  }

  protected rate(value: number | null, words: string): string {
    const p = percent(value);
    return p === null ? '' : ` (${p} %${words})`;
  }

  protected days(value: number | null): string {
    return value === null ? '–' : value === 1 ? '1 day' : `${value} days`;
  }
}
