import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { RollupRunEntity } from '../entities/rollup-run.entity';

/** The re-runs admins asked for, and the lock that keeps one organization's rollups in turn. */
@Injectable()
export class RollupRunRepository extends TenantRepository<RollupRunEntity> {
  constructor() {
    super(RollupRunEntity);
  }

  async add(run: Omit<RollupRunEntity, 'organizationId'>): Promise<void> {
    await this.insert(run);
  }

  byId(id: string): Promise<RollupRunEntity | null> {
    return this.findOne({ id });
  }

  async done(id: string, at: Date): Promise<void> {
    await this.update({ id }, { status: 'done', finishedAt: at });
  }

  /**
   * Two rollups of one organization (the night's and a re-run) take turns until the transaction
   * ends: each then reads what the other wrote, and neither deletes the other's fresh rows.
   */
  async lockOrganization(): Promise<void> {
    await this.sql(`SELECT pg_advisory_xact_lock(hashtextextended('analytics-rollup:' || $1::text, 0))`);
  }
}
