import type { BoundedContext } from '@mentorship/platform';
import { peopleMigrations } from './migrations';
import { PeopleModule } from './people.module';

export const peopleContext: BoundedContext = {
  name: 'people',
  module: PeopleModule,
  migrations: peopleMigrations,
};
