import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { Clock, JobOutbox, TenantContext } from '@mentorship/platform';
import { AnalyticsAudit } from './analytics.audit';
import { AnalyticsDaysService, daysBetween, isPlausibleDay } from './analytics-days.service';
import { AnalyticsException } from './analytics.exception';
import { MAX_RANGE_DAYS, RollupRunInputDto, RollupRunViewDto } from './dto/rollup-run.dto';
import type { RollupRunEntity } from './entities/rollup-run.entity';
import { rollupRerunJob } from './jobs/analytics-rollup.job';
import { AnalyticsSettingsRepository } from './repositories/analytics-settings.repository';
import { RollupRunRepository } from './repositories/rollup-run.repository';
import { RollupService } from './rollup.service';

/** Re-runs of a range of days, asked for by an admin after late data, done by a job. */
@Injectable()
export class RollupRunsService {
  constructor(
    private readonly clock: Clock,
    private readonly days: AnalyticsDaysService,
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
    private readonly settings: AnalyticsSettingsRepository,
    private readonly runs: RollupRunRepository,
    private readonly rollups: RollupService,
  ) {}

  async request(input: RollupRunInputDto): Promise<RollupRunViewDto> {
    for (const field of ['from', 'to'] as const)
      if (!isPlausibleDay(input[field]))
        throw AnalyticsException.invalidFields([
          { field, problems: ['must be a day between 1900 and 2999'] },
        ]);
    const today = this.days.today(await this.settings.timeZone());
    if (input.to > today)
      throw AnalyticsException.invalidFields([
        { field: 'to', problems: [`must be at most today (${today})`] },
      ]);
    if (input.from > input.to)
      throw AnalyticsException.invalidFields([{ field: 'from', problems: ['must not be after to'] }]);
    if (daysBetween(input.from, input.to) >= MAX_RANGE_DAYS)
      throw AnalyticsException.invalidFields([
        { field: 'from', problems: [`the range must span at most ${MAX_RANGE_DAYS} days`] },
      ]);
    const run: Omit<RollupRunEntity, 'organizationId'> = {
      id: randomUUID(),
      fromDay: input.from,
      toDay: input.to,
      status: 'queued',
      requestedBy: TenantContext.caller().userId,
      requestedAt: this.clock.now(),
      finishedAt: null,
    };
    await this.runs.add(run);
    await this.outbox.enqueue(rollupRerunJob, { runId: run.id });
    await this.audit.record({
      action: AnalyticsAudit.rerunRequested,
      target: { type: 'analytics_rollup_run', id: run.id },
      details: { from: input.from, to: input.to },
    });
    return viewOf(run);
  }

  async get(runId: string): Promise<RollupRunViewDto> {
    const run = await this.runs.byId(runId);
    if (!run) throw AnalyticsException.rollupRunNotFound();
    return viewOf(run);
  }

  /** The job: the range rolled up (again, if the job runs twice: same rows), the run marked done. */
  async run(runId: string): Promise<void> {
    const run = await this.runs.byId(runId);
    if (!run) return;
    await this.rollups.rollUp(run.fromDay, run.toDay);
    await this.runs.done(runId, this.clock.now());
  }
}

function viewOf(run: Omit<RollupRunEntity, 'organizationId'>): RollupRunViewDto {
  return {
    id: run.id,
    from: run.fromDay,
    to: run.toDay,
    status: run.status,
    requestedAt: run.requestedAt,
    finishedAt: run.finishedAt,
  };
}
