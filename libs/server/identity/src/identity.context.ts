import type { BoundedContext } from '@mentorship/platform';
import { identityMigrations } from './migrations';
import { IdentityModule } from './identity.module';

export const identityContext: BoundedContext = {
  name: 'identity',
  module: IdentityModule,
  migrations: identityMigrations,
};
