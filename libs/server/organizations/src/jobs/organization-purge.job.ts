import { Injectable } from '@nestjs/common';
import { defineSchedule, HandlesSchedule, ScheduleHandler, ScheduleTick } from '@mentorship/platform';
import { OrganizationPurgeService } from '../organization-purge.service';

/** Every `ORGANIZATION_PURGE_EVERY_SECONDS` (an hour by default), one tick for all workers. */
export const organizationPurgeSchedule = defineSchedule({
  name: 'organization-purge',
  queue: 'maintenance',
  repeat: (config) => ({ every: config.organizationPurgeEverySeconds * 1000 }),
});

/** Purges what is due by the tick's instant. */
@Injectable()
@HandlesSchedule(organizationPurgeSchedule)
export class OrganizationPurgeJob implements ScheduleHandler {
  constructor(private readonly purge: OrganizationPurgeService) {}

  async tick(tick: ScheduleTick): Promise<void> {
    await this.purge.purgeDue(tick.at);
  }
}
