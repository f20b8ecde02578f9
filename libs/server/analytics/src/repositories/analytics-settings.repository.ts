import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { AnalyticsSettingsEntity } from '../entities/analytics-settings.entity';

@Injectable()
export class AnalyticsSettingsRepository extends TenantRepository<AnalyticsSettingsEntity> {
  constructor() {
    super(AnalyticsSettingsEntity);
  }

  /** The organization's zone; UTC until an admin sets one. */
  async timeZone(): Promise<string> {
    return (await this.findOne({}))?.timeZone ?? 'UTC';
  }

  async saveTimeZone(timeZone: string, at: Date): Promise<void> {
    await this.sql(
      `INSERT INTO analytics_settings (organization_id, time_zone, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at`,
      [timeZone, at],
    );
  }
}
