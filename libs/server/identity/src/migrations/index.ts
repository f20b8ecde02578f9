import type { ContextMigrations } from '@mentorship/platform';
import { Identity1763770000100 } from './1763770000100-identity';
import { PasswordResets1764610000200 } from './1764610000200-password-resets';

export const identityMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Identity1763770000100, PasswordResets1764610000200],
};
