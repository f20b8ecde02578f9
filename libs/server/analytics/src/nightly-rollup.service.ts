import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobOutbox, TenancyService } from '@mentorship/platform';
import { addDays } from './analytics-days.service';
import { nightlyRollupJob } from './jobs/analytics-rollup.job';
import { NightlyRunRepository } from './repositories/nightly-run.repository';
import { NightsDueRepository } from './repositories/nights-due.repository';
import { RollupService } from './rollup.service';

/**
 * A night's rollup covers the day that ended and the six before it, so data that arrives a few
 * days late (a check-in logged on Friday for Monday) is counted without anyone asking; older
 * corrections take an admin's re-run of their range.
 */
export const NIGHTLY_DAYS = 7;

/** The nightly rollup of each organization, in its own zone. */
@Injectable()
export class NightlyRollupService {
  private readonly logger = new Logger(NightlyRollupService.name);

  constructor(
    private readonly clock: Clock,
    private readonly tenancy: TenancyService,
    private readonly outbox: JobOutbox,
    private readonly nightsDue: NightsDueRepository,
    private readonly nights: NightlyRunRepository,
    private readonly rollups: RollupService,
  ) {}

  /**
   * Claims, in each organization's tenant, its night that is over by `at` (a tick's instant), and
   * enqueues its rollup with the claim. A night claimed already (an earlier tick, another worker)
   * is left alone, so a night is rolled up once however many ticks see it. Returns the claims taken.
   */
  async claimNightsOver(at: Date): Promise<number> {
    let claimed = 0;
    for (const { organizationId, day } of await this.nightsDue.at(at)) {
      const taken = await this.tenancy.runInTenant(organizationId, async () => {
        if (!(await this.nights.claim(day, at))) return false;
        await this.outbox.enqueue(nightlyRollupJob, { day });
        return true;
      });
      if (taken) claimed += 1;
    }
    if (claimed > 0) this.logger.log(`claimed ${claimed} nightly analytics rollups`);
    return claimed;
  }

  /** In the organization's tenant: the night's days rolled up, and the claim marked done. */
  async rollUpNight(day: string): Promise<void> {
    await this.rollups.rollUp(addDays(day, 1 - NIGHTLY_DAYS), day);
    await this.nights.finished(day, this.clock.now());
  }
}
