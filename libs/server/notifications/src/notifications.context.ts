import type { BoundedContext } from '@mentorship/platform';
import { notificationsMigrations } from './migrations';
import { NotificationsModule } from './notifications.module';

export const notificationsContext: BoundedContext = {
  name: 'notifications',
  module: NotificationsModule,
  migrations: notificationsMigrations,
};
