import type { ContextMigrations } from '@mentorship/platform';
import { Notifications1763770000400 } from './1763770000400-notifications';

export const notificationsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Notifications1763770000400],
};
