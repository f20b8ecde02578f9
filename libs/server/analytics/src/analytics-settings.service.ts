import { Injectable } from '@nestjs/common';
import { AnalyticsSettingsRepository } from './repositories/analytics-settings.repository';

/** The time zone an organization's analytics days are counted in. */
@Injectable()
export class AnalyticsSettingsService {
  constructor(private readonly settings: AnalyticsSettingsRepository) {}

  timeZone(): Promise<string> {
    return this.settings.timeZone();
  }
}
