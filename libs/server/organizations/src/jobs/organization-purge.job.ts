import { defineSchedule, ScheduleCalling } from '@mentorship/platform';
import { OrganizationPurgeService } from '../organization-purge.service';

/** Every `ORGANIZATION_PURGE_EVERY_SECONDS` (an hour by default), one tick for all workers. */
export const organizationPurgeSchedule = defineSchedule({
  name: 'organization-purge',
  queue: 'maintenance',
  repeat: (config) => ({ every: config.organizationPurgeEverySeconds * 1000 }),
});

/** Purges what is due by the tick's instant. */
export class OrganizationPurgeJob extends ScheduleCalling(
  organizationPurgeSchedule,
  () => OrganizationPurgeService,
  (purge, tick) => purge.purgeDue(tick.at),
) {}
