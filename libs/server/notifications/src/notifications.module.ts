import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryTimeService } from './delivery-time.service';
import { EmailDeliveriesController } from './email-deliveries.controller';
import { EmailDeliveryLogService } from './email-delivery-log.service';
import { EmailDeliveryService } from './email-delivery.service';
import { AccountEmailDeliveryEntity } from './entities/account-email-delivery.entity';
import { EmailDeliveryEntity } from './entities/email-delivery.entity';
import {
  NotificationDigestEntity,
  NotificationPreferenceEntity,
} from './entities/notification-preference.entity';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationDeliveryJob } from './jobs/notification-delivery.job';
import { NotificationDigestJob } from './jobs/notification-digest.job';
import { MailTransport } from './mail-transport.service';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationDigestService } from './notification-digest.service';
import { NotificationEmailService } from './notification-email.service';
import { NotificationGates } from './notification-gates.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { AccountEmailDeliveryRepository } from './repositories/account-email-delivery.repository';
import { EmailDeliveryRepository } from './repositories/email-delivery.repository';
import {
  NotificationDigestRepository,
  NotificationPreferenceRepository,
} from './repositories/notification-preference.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeTokens } from './unsubscribe-tokens.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      EmailDeliveryEntity,
      AccountEmailDeliveryEntity,
      NotificationEntity,
      NotificationPreferenceEntity,
      NotificationDigestEntity,
    ]),
  ],
  controllers: [NotificationsController, UnsubscribeController, EmailDeliveriesController],
  providers: [
    MailTransport,
    EmailDeliveryService,
    EmailDeliveryLogService,
    EmailDeliveryRepository,
    AccountEmailDeliveryRepository,
    DeliveryTimeService,
    NotificationsService,
    NotificationDeliveryService,
    NotificationDigestService,
    NotificationEmailService,
    NotificationGates,
    NotificationPreferencesService,
    NotificationRepository,
    NotificationPreferenceRepository,
    NotificationDigestRepository,
    UnsubscribeTokens,
    NotificationDeliveryJob,
    NotificationDigestJob,
  ],
  exports: [EmailDeliveryService, NotificationsService, DeliveryTimeService, NotificationGates],
})
export class NotificationsModule {}
