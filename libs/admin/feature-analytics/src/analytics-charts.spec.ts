import { chartCsv } from '@mentorship/admin/ui';
import type { ParticipationView, RetentionView } from '@mentorship/admin/data-access-analytics';
import { chartHasData, participationChart, retentionChart } from './analytics-charts';
import { defaultRange } from './analytics.store';

const FILTER = { programId: null, cohortId: null, from: '2026-01-01', to: '2026-12-01' };
const point = (days: number, started: number, retained: number) => ({
  days,
  started,
  retained,
  rate: started === 0 ? null : retained / started,
});

describe('analytics charts', () => {
  it('draws one retention curve per cohort and one for all, in percent, a gap where nobody started', () => {
    const view: RetentionView = {
      filter: FILTER,
      overall: {
        cohortId: null,
        cohortName: null,
        points: [point(0, 10, 10), point(30, 10, 8), point(90, 4, 3)],
      },
      cohorts: [
        { cohortId: 'c1', cohortName: 'Spring', points: [point(0, 6, 6), point(30, 6, 5), point(90, 0, 0)] },
      ],
    };
    expect(retentionChart(view)).toEqual({
      labels: ['Start', '30 days', '90 days'],
      series: [
        { label: 'All cohorts', values: [100, 80, 75] },
        { label: 'Spring', values: [100, 83.3, null] },
      ],
    });
  });

  it('compares participants with non-participants at each horizon, and has nothing to draw with no members', () => {
    const group = (members: number, stillMembers: number) => ({
      members,
      stillMembers,
      rate: members === 0 ? null : stillMembers / members,
    });
    const view: ParticipationView = {
      from: '2025-01-01',
      to: '2026-12-01',
      proxy: 'membership end',
      horizons: [
        { months: 6, participants: group(40, 38), nonParticipants: group(20, 13) },
        { months: 12, participants: group(0, 0), nonParticipants: group(0, 0) },
      ],
    };
    const chart = participationChart(view);
    expect(chart.series.map((s) => s.values)).toEqual([
      [95, null],
      [65, null],
    ]);
    expect(chartHasData(chart)).toBe(true);
    expect(chartHasData(participationChart({ ...view, horizons: [view.horizons[1]!] }))).toBe(false);
  });

  it("gives a chart's CSV the table's cells, quoted, formulas defused", () => {
    expect(
      chartCsv('Cohort', ['Spring, "pilot"', '=SUM(A1)'], [{ label: 'Matches', values: [3, null] }]),
    ).toBe('Cohort,Matches\r\n"Spring, ""pilot""",3\r\n\'=SUM(A1),\r\n');
  });

  it('reads the last twelve months up to yesterday by default', () => {
    expect(defaultRange(new Date('2026-12-02T10:00:00Z'))).toEqual({ from: '2025-12-02', to: '2026-12-01' });
  });
});
