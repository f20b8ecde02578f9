import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { NightlyRunEntity } from '../entities/nightly-run.entity';

/** The nightly claims: one per organization and day, so a night is rolled up once. */
@Injectable()
export class NightlyRunRepository extends TenantRepository<NightlyRunEntity> {
  constructor() {
    super(NightlyRunEntity);
  }

  /** False when another tick (or worker) claimed the night already. */
  claim(day: string, at: Date): Promise<boolean> {
    return this.insertUnlessDuplicate({ day, claimedAt: at, finishedAt: null, runs: 0 });
  }

  async finished(day: string, at: Date): Promise<void> {
    await this.sql(
      `UPDATE analytics_nightly_runs SET finished_at = $3, runs = runs + 1 WHERE organization_id = $1 AND day = $2`,
      [day, at],
    );
  }
}
