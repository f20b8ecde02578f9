import type { BoundedContext } from '@mentorship/platform';
import { kudosAnnouncementJob } from './jobs/kudos-announcement.job';
import { kudosMigrations } from './migrations';
import { KudosModule } from './kudos.module';

export const kudosContext: BoundedContext = {
  name: 'kudos',
  module: KudosModule,
  migrations: kudosMigrations,
  jobs: [kudosAnnouncementJob],
};
