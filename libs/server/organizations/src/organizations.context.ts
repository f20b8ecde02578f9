import type { BoundedContext } from '@mentorship/platform';
import { invitationEmailJob } from './jobs/invitation-email.job';
import { organizationPurgeSchedule } from './jobs/organization-purge.job';
import { organizationsMigrations } from './migrations';
import { OrganizationsModule } from './organizations.module';

export const organizationsContext: BoundedContext = {
  name: 'organizations',
  module: OrganizationsModule,
  migrations: organizationsMigrations,
  jobs: [invitationEmailJob],
  schedules: [organizationPurgeSchedule],
};
