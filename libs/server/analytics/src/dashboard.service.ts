import { Injectable } from '@nestjs/common';
import { TenancyService, TenantContext } from '@mentorship/platform';
import { ProgramsException } from '@mentorship/programs';
import { addDays, AnalyticsDaysService, daysBetween, isPlausibleDay } from './analytics-days.service';
import { AnalyticsException } from './analytics.exception';
import { DashboardCache } from './dashboard-cache.service';
import {
  AppliedFilterDto,
  CohortComparisonDto,
  DashboardQueryDto,
  DateRangeQueryDto,
  EngagementDto,
  EngagementQueryDto,
  ExitsDto,
  NpsDto,
  ParticipationDto,
  RetentionCurveDto,
  RetentionDto,
  TimeToMatchDto,
  TrialCountsDto,
  TrialFunnelDto,
  UtilizationDto,
} from './dto/dashboard.dto';
import { MAX_RANGE_DAYS } from './dto/rollup-run.dto';
import { CohortComparisonRepository } from './repositories/cohort-comparison.repository';
import { CohortDayRepository } from './repositories/cohort-day.repository';
import { CohortDimensionRepository } from './repositories/cohort-dimension.repository';
import type { RollupFilter } from './repositories/dashboard-filter.repository';
import { ExitDayRepository } from './repositories/exit-day.repository';
import { MembershipOutcomeRepository } from './repositories/membership-outcome.repository';
import { RETENTION_HORIZONS, RetentionRepository } from './repositories/retention.repository';
import { RollupVersionRepository } from './repositories/rollup-version.repository';
import { TimeToMatchDayRepository } from './repositories/time-to-match-day.repository';
import { UtilizationDayRepository } from './repositories/utilization-day.repository';

/** Days the dashboard shows when no range is asked for. */
const DEFAULT_DAYS = 90;

export const MEMBERSHIP_PROXY =
  'A member counts as staying while their membership of the organization lasts: the end of a membership (their removal) is the outcome proxy, not a record of why they left.';

type Range = { from: string; to: string };

/**
 * The dashboard's charts, each read from the rollup tables only (the program and cohort names
 * aside, to label them). Every chart takes the same filter, checked here: a program or cohort of
 * another organization is not found, a cohort of another program than the one asked is refused.
 *
 * Answers are kept per organization under the state they were read at (`DashboardCache`): a
 * request reads the state with its COMMIT, and answers from what is kept under that state, or
 * reads the chart in a tenant transaction of its own and keeps it.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly days: AnalyticsDaysService,
    private readonly versions: RollupVersionRepository,
    private readonly cache: DashboardCache,
    private readonly tenancy: TenancyService,
    private readonly dimensions: CohortDimensionRepository,
    private readonly cohortDays: CohortDayRepository,
    private readonly timeToMatchDays: TimeToMatchDayRepository,
    private readonly utilizationDays: UtilizationDayRepository,
    private readonly exitDays: ExitDayRepository,
    private readonly retentionRows: RetentionRepository,
    private readonly membershipOutcomes: MembershipOutcomeRepository,
    private readonly comparison: CohortComparisonRepository,
  ) {}

  retention(query: DashboardQueryDto): Promise<RetentionDto> {
    return this.answer('retention', query, async (range) => {
      const filter = await this.filterOf(query, range);
      const rows = await this.retentionRows.curves(filter);
      const names = new Map(rows.map((row) => [row.cohort_id, row.cohort_name]));
      const curveOf = (cohortId: string | null, picked: typeof rows): RetentionCurveDto => {
        const points = RETENTION_HORIZONS.map((days) => {
          const at = picked.filter((row) => row.horizon_days === days);
          const started = sum(at.map((row) => row.started));
          const retained = sum(at.map((row) => row.retained));
          return { days, started, retained, rate: ratio(retained, started) };
        });
        const first = points[0]!.started;
        return {
          cohortId,
          cohortName: cohortId ? (names.get(cohortId) ?? null) : null,
          points: [{ days: 0, started: first, retained: first, rate: first > 0 ? 1 : null }, ...points],
        };
      };
      const cohortIds = [...new Set(rows.map((row) => row.cohort_id))];
      return {
        filter,
        overall: curveOf(null, rows),
        cohorts: cohortIds.map((id) =>
          curveOf(
            id,
            rows.filter((row) => row.cohort_id === id),
          ),
        ),
      };
    });
  }

  trialFunnel(query: DashboardQueryDto): Promise<TrialFunnelDto> {
    return this.answer('trial-funnel', query, async (range) => {
      const filter = await this.filterOf(query, range);
      const t = await this.cohortDays.totals(filter);
      return {
        filter,
        stages: [
          { stage: 'proposed', matches: t.new_matches },
          { stage: 'accepted', matches: t.matches_accepted },
          { stage: 'trial', matches: t.trials_started },
          { stage: 'active', matches: t.matches_activated },
          { stage: 'completed', matches: t.matches_completed },
        ],
        trials: trialsOf(t),
        requests: {
          sent: t.requests_sent,
          accepted: t.requests_accepted,
          declined: t.requests_declined,
          expired: t.requests_expired,
        },
      };
    });
  }

  engagement(query: EngagementQueryDto): Promise<EngagementDto> {
    const granularity = query.granularity ?? 'week';
    return this.answer(`engagement-${granularity}`, query, async (range) => {
      const filter = await this.filterOf(query, range);
      const rows = await this.cohortDays.perPeriod(filter, granularity);
      return {
        filter,
        granularity,
        points: rows.map((row) => {
          const days = daysOfPeriod(row.period, granularity, filter);
          const activeMatches = round(row.active_matches / days);
          return {
            period: row.period,
            activeMatches,
            newMatches: row.new_matches,
            checkIns: row.check_ins,
            checkInsPerActiveMatch:
              activeMatches > 0 ? round(row.check_ins / (row.active_matches / days)) : null,
            milestonesCompleted: row.milestones_completed,
            pulseAnswers: row.pulse_answers,
            pulseAverage: ratio(row.pulse_rating_sum, row.pulse_answers),
            nps: npsOf(row),
          };
        }),
      };
    });
  }

  utilization(query: DashboardQueryDto): Promise<UtilizationDto> {
    return this.answer('utilization', query, async (range) => {
      const filter = await this.filterOf(query, range);
      const last = await this.utilizationDays.lastDay(filter);
      const counts = new Map(last.buckets.map((row) => [row.bucket, row.mentors]));
      return {
        filter,
        day: filter.to,
        placesOffered: last.places_offered,
        placesUsed: last.places_used,
        utilization: ratio(last.places_used, last.places_offered),
        buckets: Array.from({ length: 11 }, (_, bucket) => ({
          fromPercent: bucket * 10,
          toPercent: Math.min(100, bucket * 10 + 10),
          mentors: counts.get(bucket) ?? 0,
        })),
      };
    });
  }

  timeToMatch(query: DashboardQueryDto): Promise<TimeToMatchDto> {
    return this.answer('time-to-match', query, async (range) => {
      const filter = await this.filterOf(query, range);
      const bars = new Map<number, number>();
      for (const row of await this.timeToMatchDays.histogram(filter))
        bars.set(row.days_to_match, (bars.get(row.days_to_match) ?? 0) + row.matches);
      const histogram = [...bars]
        .map(([days, matches]) => ({ days, matches }))
        .sort((a, b) => a.days - b.days);
      return {
        filter,
        matches: sum(histogram.map((bar) => bar.matches)),
        medianDays: nearestRank(histogram, 0.5),
        p90Days: nearestRank(histogram, 0.9),
        histogram,
      };
    });
  }

  participation(query: DateRangeQueryDto): Promise<ParticipationDto> {
    return this.answer('participation', query, async ({ from, to }) => {
      const rows = await this.membershipOutcomes.outcomes({ from, to });
      const groupOf = (months: number, participant: boolean) => {
        const row = rows.find((r) => r.horizon_months === months && r.participant === participant);
        const members = row?.members ?? 0;
        const stillMembers = row?.still_members ?? 0;
        return { members, stillMembers, rate: ratio(stillMembers, members) };
      };
      return {
        from,
        to,
        proxy: MEMBERSHIP_PROXY,
        horizons: [6, 12].map((months) => ({
          months,
          participants: groupOf(months, true),
          nonParticipants: groupOf(months, false),
        })),
      };
    });
  }

  exits(query: DashboardQueryDto): Promise<ExitsDto> {
    return this.answer('exits', query, async (range) => {
      const filter = await this.filterOf(query, range);
      const rows = await this.exitDays.counts(filter);
      const of = (exit: 'ended' | 'trial_declined') =>
        rows
          .filter((row) => row.exit === exit)
          .map((row) => ({ endedBy: row.ended_by, matches: row.matches }));
      return { filter, ended: of('ended'), trialDeclined: of('trial_declined') };
    });
  }

  cohortComparison(query: DashboardQueryDto): Promise<CohortComparisonDto> {
    return this.answer('cohorts', query, async (range) => {
      const filter = await this.filterOf(query, range);
      const rows = await this.comparison.compare(filter);
      const days = daysBetween(filter.from, filter.to) + 1;
      return {
        filter,
        cohorts: rows.map((row) => {
          const meanActive = row.active_matches / days;
          return {
            cohortId: row.cohort_id,
            cohortName: row.cohort_name,
            programId: row.program_id,
            programName: row.program_name,
            newMatches: row.new_matches,
            activeMatches: row.last_active,
            trials: trialsOf(row),
            checkIns: row.check_ins,
            checkInsPerActiveMatch: meanActive > 0 ? round(row.check_ins / meanActive) : null,
            milestonesCompleted: row.milestones_completed,
            pulseAverage: ratio(row.pulse_rating_sum, row.pulse_answers),
            npsScore: npsOf(row).score,
            retention90: ratio(row.retained_90, row.started_90),
            medianDaysToMatch: nearestRank(row.waits, 0.5),
            utilization: ratio(row.last_used, row.last_offered),
          };
        }),
      };
    });
  }

  /**
   * The chart's answer for the filter: the state read with the request's COMMIT, then the answer
   * kept under that state, else `read` in a tenant transaction of its own (the request's is
   * committed), kept. The read does not depend on who asks (the guard checked their roles), so
   * requests asking the same at once share it. A request whose read sees a rollup committed after its state was read keeps
   * a newer answer under the older state: only requests that still read that state get it.
   */
  private async answer<T>(
    chart: string,
    query: DateRangeQueryDto & { programId?: string; cohortId?: string },
    read: (range: Range) => Promise<T>,
  ): Promise<T> {
    const organizationId = TenantContext.organizationId();
    const state = await this.versions.dashboardState();
    const range = this.rangeOf(query, state.timeZone);
    const stateKey = `${state.version}:${state.dimensions}`;
    const key = `${chart}:${range.from}:${range.to}:${query.programId ?? ''}:${query.cohortId ?? ''}`;
    const caller = TenantContext.caller();
    return this.cache.answer(organizationId, stateKey, key, () =>
      this.tenancy.runInTenant(organizationId, () => read(range), caller),
    );
  }

  /** The filter checked and completed: the program and cohort in this organization. */
  private async filterOf(query: DashboardQueryDto, range: Range): Promise<AppliedFilterDto & RollupFilter> {
    if (query.programId && !(await this.dimensions.programExists(query.programId)))
      throw ProgramsException.programNotFound();
    if (query.cohortId) {
      const cohort = await this.dimensions.cohort(query.cohortId);
      if (!cohort) throw ProgramsException.cohortNotFound();
      if (query.programId && cohort.programId !== query.programId)
        throw AnalyticsException.invalidFields([
          { field: 'cohortId', problems: ['is a cohort of another program than programId'] },
        ]);
    }
    return { programId: query.programId ?? null, cohortId: query.cohortId ?? null, ...range };
  }

  /** The range asked, checked, or the default: the 90 days up to yesterday in the organization's zone. */
  private rangeOf(query: DateRangeQueryDto, timeZone: string): Range {
    for (const field of ['from', 'to'] as const) {
      const day = query[field];
      if (day !== undefined && !isPlausibleDay(day))
        throw AnalyticsException.invalidFields([
          { field, problems: ['must be a day between 1900 and 2999'] },
        ]);
    }
    const to = query.to ?? addDays(this.days.today(timeZone), -1);
    const from = query.from ?? addDays(to, 1 - DEFAULT_DAYS);
    if (from > to)
      throw AnalyticsException.invalidFields([{ field: 'from', problems: ['must not be after to'] }]);
    if (daysBetween(from, to) >= MAX_RANGE_DAYS)
      throw AnalyticsException.invalidFields([
        { field: 'from', problems: [`the range must span at most ${MAX_RANGE_DAYS} days`] },
      ]);
    return { from, to };
  }
}

/**
 * The nearest-rank percentile of a histogram: the least value with at least `p` of the
 * observations at or below it (null when there are none).
 */
export function nearestRank(
  histogram: readonly { days: number; matches: number }[],
  p: number,
): number | null {
  const sorted = [...histogram].filter((bar) => bar.matches > 0).sort((a, b) => a.days - b.days);
  const total = sum(sorted.map((bar) => bar.matches));
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bar of sorted) {
    seen += bar.matches;
    if (seen >= rank) return bar.days;
  }
  return sorted[sorted.length - 1]!.days;
}

function trialsOf(t: {
  trials_started: number;
  trials_converted: number;
  trials_declined: number;
}): TrialCountsDto {
  return {
    started: t.trials_started,
    converted: t.trials_converted,
    declined: t.trials_declined,
    conversionRate: ratio(t.trials_converted, t.trials_converted + t.trials_declined),
  };
}

function npsOf(t: { nps_promoters: number; nps_passives: number; nps_detractors: number }): NpsDto {
  const answers = t.nps_promoters + t.nps_passives + t.nps_detractors;
  return {
    promoters: t.nps_promoters,
    passives: t.nps_passives,
    detractors: t.nps_detractors,
    score: answers > 0 ? Math.round(((t.nps_promoters - t.nps_detractors) * 100) / answers) : null,
  };
}

/** The period's days inside the range (a week or month cut by the range counts its days in it). */
function daysOfPeriod(period: string, granularity: 'day' | 'week' | 'month', range: RollupFilter): number {
  const end =
    granularity === 'day'
      ? period
      : granularity === 'week'
        ? addDays(period, 6)
        : addDays(addMonth(period), -1);
  const first = period < range.from ? range.from : period;
  const last = end > range.to ? range.to : end;
  return daysBetween(first, last) + 1;
}

function addMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return `${next}-01`;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole) : null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
