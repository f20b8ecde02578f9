import type { ContextMigrations } from '@mentorship/platform';
import { Notifications1763770000400 } from './1763770000400-notifications';
import { AccountEmailDeliveries1764700000100 } from './1764700000100-account-email-deliveries';
import { NotificationCenter1764800000000 } from './1764800000000-notification-center';
import { NotificationDigests1764800000100 } from './1764800000100-notification-digests';
import { EmailClaimAttempt1764800000737 } from './1764800000737-email-claim-attempt';
import { EmailDeliveryLog1764900000300 } from './1764900000300-email-delivery-log';

export const notificationsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [
    Notifications1763770000400,
    AccountEmailDeliveries1764700000100,
    NotificationCenter1764800000000,
    NotificationDigests1764800000100,
    EmailClaimAttempt1764800000737,
    EmailDeliveryLog1764900000300,
  ],
};
