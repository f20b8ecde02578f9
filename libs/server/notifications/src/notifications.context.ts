import type { BoundedContext } from '@mentorship/platform';
import { notificationDeliveryJob } from './jobs/notification-delivery.job';
import { notificationsMigrations } from './migrations';
import { NotificationsModule } from './notifications.module';

export const notificationsContext: BoundedContext = {
  name: 'notifications',
  module: NotificationsModule,
  migrations: notificationsMigrations,
  jobs: [notificationDeliveryJob],
};
