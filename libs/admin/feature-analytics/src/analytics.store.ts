import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AnalyticsApi,
  type CohortComparisonView,
  type DashboardFilter,
  type EngagementView,
  type ParticipationView,
  type RetentionView,
  type TimeToMatchView,
  type TrialFunnelView,
  type UtilizationView,
} from '@mentorship/admin/data-access-analytics';
import { errorMessageOf } from '@mentorship/admin/util';
import { Subscription, forkJoin } from 'rxjs';

/** Every chart's answer for one filter: read together, so the page never mixes two filters. */
export interface Dashboard {
  retention: RetentionView;
  funnel: TrialFunnelView;
  engagement: EngagementView;
  utilization: UtilizationView;
  timeToMatch: TimeToMatchView;
  participation: ParticipationView;
  cohorts: CohortComparisonView;
}

/** A day as YYYY-MM-DD in UTC. */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The default range: the last twelve months up to yesterday (the last rolled-up day), so the
 * retention curves' 90- and 180-day points have mentees to count.
 */
export function defaultRange(today = new Date()): { from: string; to: string } {
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 1));
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate() + 1));
  return { from: isoDay(from), to: isoDay(to) };
}

/** The dashboard of one organization for one visit: the filter, and the charts read for it. */
@Injectable()
export class AnalyticsStore {
  private readonly api = inject(AnalyticsApi);
  private reading?: Subscription;

  readonly filter = signal<DashboardFilter>({ programId: null, cohortId: null, ...defaultRange() });
  readonly dashboard = signal<Dashboard | null>(null);
  readonly loading = signal(false);
  readonly problem = signal<string | null>(null);
  /** Weeks over a few months, months over a year or more: a readable number of points. */
  readonly granularity = computed(() => {
    const { from, to } = this.filter();
    if (!from || !to) return 'week' as const;
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    return days > 200 ? ('month' as const) : days > 45 ? ('week' as const) : ('day' as const);
  });

  /** Reads every chart for `orgId` and the current filter; a newer read replaces an older one. */
  load(orgId: string): void {
    const filter = this.filter();
    this.reading?.unsubscribe();
    this.loading.set(true);
    this.problem.set(null);
    this.reading = forkJoin({
      retention: this.api.retention(orgId, filter),
      funnel: this.api.trialFunnel(orgId, filter),
      engagement: this.api.engagement(orgId, { ...filter, granularity: this.granularity() }),
      utilization: this.api.utilization(orgId, filter),
      timeToMatch: this.api.timeToMatch(orgId, filter),
      participation: this.api.participation(orgId, filter),
      cohorts: this.api.cohorts(orgId, filter),
    }).subscribe({
      next: (dashboard) => {
        this.dashboard.set(dashboard);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(errorMessageOf(error));
        this.loading.set(false);
      },
    });
  }

  /** A new filter; the cohort is dropped when it is not of the chosen program. */
  setFilter(
    orgId: string,
    change: Partial<DashboardFilter>,
    cohortProgram?: (cohortId: string) => string | null,
  ): void {
    const next = { ...this.filter(), ...change };
    if (change.programId && next.cohortId && cohortProgram?.(next.cohortId) !== change.programId)
      next.cohortId = null;
    this.filter.set(next);
    this.load(orgId);
  }
}
