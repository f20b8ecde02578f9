// The dashboard's charts as labels and series, computed from the API's answers (pure functions:
// the page draws them, the table view and the CSV download show the same numbers).
import type { ChartSeries } from '@mentorship/admin/ui';
import type {
  EngagementView,
  ParticipationView,
  RetentionView,
  TimeToMatchView,
  TrialFunnelView,
  UtilizationView,
} from '@mentorship/admin/data-access-analytics';

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
}

/** A share in whole percent, or null where there was nobody to count. */
export const percent = (rate: number | null | undefined): number | null =>
  rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;

const hasValues = (chart: ChartData) => chart.series.some((s) => s.values.some((v) => v !== null && v !== 0));

/** Retention curves: one line per cohort (and all together), the share still in a match at each horizon. */
export function retentionChart(view: RetentionView): ChartData {
  const days = [...new Set([view.overall, ...view.cohorts].flatMap((c) => c.points.map((p) => p.days)))].sort(
    (a, b) => a - b,
  );
  const curve = (label: string, points: RetentionView['overall']['points']) => ({
    label,
    values: days.map((d) => percent(points.find((p) => p.days === d)?.rate)),
  });
  return {
    labels: days.map((d) => (d === 0 ? 'Start' : `${d} days`)),
    series: [
      curve('All cohorts', view.overall.points),
      ...view.cohorts.map((c) => curve(c.cohortName ?? 'Cohort', c.points)),
    ],
  };
}

const STAGE_LABELS: Record<string, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  trial: 'Trial',
  active: 'Active',
  completed: 'Completed',
};

export function funnelChart(view: TrialFunnelView): ChartData {
  return {
    labels: view.stages.map((s) => STAGE_LABELS[s.stage] ?? s.stage),
    series: [{ label: 'Matches', values: view.stages.map((s) => s.matches) }],
  };
}

export function engagementChart(view: EngagementView): ChartData {
  return {
    labels: view.points.map((p) => p.period),
    series: [
      {
        label: 'Active matches (average)',
        values: view.points.map((p) => Math.round(p.activeMatches * 10) / 10),
      },
      { label: 'Check-ins', values: view.points.map((p) => p.checkIns) },
      { label: 'Milestones completed', values: view.points.map((p) => p.milestonesCompleted) },
      { label: 'New matches', values: view.points.map((p) => p.newMatches) },
    ],
  };
}

/** Feedback over time: pulse average (1-5) and check-ins per active match, on one small scale. */
export function feedbackChart(view: EngagementView): ChartData {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    labels: view.points.map((p) => p.period),
    series: [
      { label: 'Pulse average (1-5)', values: view.points.map((p) => round(p.pulseAverage)) },
      {
        label: 'Check-ins per active match',
        values: view.points.map((p) => round(p.checkInsPerActiveMatch)),
      },
    ],
  };
}

export function utilizationChart(view: UtilizationView): ChartData {
  return {
    labels: view.buckets.map((b) =>
      b.fromPercent >= 100 ? 'All places used' : `${b.fromPercent}–${b.toPercent} %`,
    ),
    series: [{ label: 'Mentors', values: view.buckets.map((b) => b.mentors) }],
  };
}

export function timeToMatchChart(view: TimeToMatchView): ChartData {
  return {
    labels: view.histogram.map((b) => (b.days === 1 ? '1 day' : `${b.days} days`)),
    series: [{ label: 'Matches', values: view.histogram.map((b) => b.matches) }],
  };
}

/** Still members after 6 and 12 months, in percent: those who took part vs those who did not. */
export function participationChart(view: ParticipationView): ChartData {
  return {
    labels: view.horizons.map((h) => `After ${h.months} months`),
    series: [
      { label: 'Took part in a mentorship', values: view.horizons.map((h) => percent(h.participants.rate)) },
      { label: 'Did not take part', values: view.horizons.map((h) => percent(h.nonParticipants.rate)) },
    ],
  };
}

/** Bars and lines are drawn only with something to draw; the page says what to do otherwise. */
export const chartHasData = hasValues;

/** A file name for a chart's CSV: the chart and the filtered range. */
export function csvName(chart: string, filter: { from: string; to: string }): string {
  return `${chart}-${filter.from}-to-${filter.to}.csv`;
}
