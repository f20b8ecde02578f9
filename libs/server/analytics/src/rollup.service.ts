import { Injectable } from '@nestjs/common';
import { Clock } from '@mentorship/platform';
import { AnalyticsSettingsRepository } from './repositories/analytics-settings.repository';
import { RollupRunRepository } from './repositories/rollup-run.repository';
import { RollupRepository } from './repositories/rollup.repository';
import { RollupVersionRepository } from './repositories/rollup-version.repository';

/**
 * Rolls a range of days up into every fact table, in the tenant's one transaction: each table's
 * rows of the range are upserted from the source tables and its rows the sources no longer
 * support are deleted, so a range rolled up twice gives the same rows, and a range rolled up
 * again after late data (a back-dated check-in) gives what a first rollup would have.
 */
@Injectable()
export class RollupService {
  constructor(
    private readonly clock: Clock,
    private readonly settings: AnalyticsSettingsRepository,
    private readonly runs: RollupRunRepository,
    private readonly rollups: RollupRepository,
    private readonly versions: RollupVersionRepository,
  ) {}

  /**
   * `from` and `to` are days of the organization's zone, both included. Answers how long it
   * took (milliseconds), for the job's log and the benchmark.
   */
  async rollUp(from: string, to: string): Promise<{ ms: number }> {
    const started = performance.now();
    await this.runs.lockOrganization();
    // One statement for every table: the sources read once (see `RollupRepository`).
    const now = this.clock.now();
    await this.rollups.rollUp(from, to, await this.settings.timeZone(), now);
    // In the same transaction: the dashboard's kept answers (`DashboardCache`) are read again on
    // every replica from the request after this commit, never before it.
    await this.versions.raise(now);
    return { ms: Math.round(performance.now() - started) };
  }
}
