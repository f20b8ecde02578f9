import type { BoundedContext } from '@mentorship/platform';
import { passwordResetEmailJob } from './jobs/password-reset-email.job';
import { identityMigrations } from './migrations';
import { IdentityModule } from './identity.module';

export const identityContext: BoundedContext = {
  name: 'identity',
  module: IdentityModule,
  migrations: identityMigrations,
  jobs: [passwordResetEmailJob],
};
