import type { BoundedContext } from '@mentorship/platform';
import { peopleMigrations } from './migrations';
import { PeopleModule } from './people.module';
import { PeopleNotifications } from './people.notifications';

export const peopleContext: BoundedContext = {
  name: 'people',
  module: PeopleModule,
  migrations: peopleMigrations,
  notificationKinds: Object.values(PeopleNotifications),
};
