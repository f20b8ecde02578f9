import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { Clock, TenantContext } from '@mentorship/platform';
import { AnalyticsAudit } from './analytics.audit';
import { isKnownZone } from './analytics-days.service';
import { AnalyticsException } from './analytics.exception';
import { AnalyticsSettingsDto } from './dto/rollup-run.dto';
import { AnalyticsSettingsRepository } from './repositories/analytics-settings.repository';

/**
 * The time zone an organization's analytics days are counted in, and its night is rolled up in.
 * Organizations have no zone of their own yet: this is it, for analytics, UTC until set.
 */
@Injectable()
export class AnalyticsSettingsService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settings: AnalyticsSettingsRepository,
  ) {}

  async get(): Promise<AnalyticsSettingsDto> {
    return { timeZone: await this.settings.timeZone() };
  }

  async set(input: AnalyticsSettingsDto): Promise<AnalyticsSettingsDto> {
    if (!isKnownZone(input.timeZone))
      throw AnalyticsException.invalidFields([
        { field: 'timeZone', problems: ['is not a known IANA time zone'] },
      ]);
    const before = await this.settings.timeZone();
    await this.settings.saveTimeZone(input.timeZone, this.clock.now());
    await this.audit.record({
      action: AnalyticsAudit.timeZoneSet,
      target: { type: 'organization', id: TenantContext.organizationId() },
      details: { from: before, to: input.timeZone },
    });
    return { timeZone: input.timeZone };
  }
}
