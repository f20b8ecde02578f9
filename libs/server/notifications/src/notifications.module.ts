import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryTimeService } from './delivery-time.service';
import { EmailDeliveryService } from './email-delivery.service';
import { AccountEmailDeliveryEntity } from './entities/account-email-delivery.entity';
import { EmailDeliveryEntity } from './entities/email-delivery.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationDeliveryJob } from './jobs/notification-delivery.job';
import { MailTransport } from './mail-transport.service';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationEmailService } from './notification-email.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { AccountEmailDeliveryRepository } from './repositories/account-email-delivery.repository';
import { EmailDeliveryRepository } from './repositories/email-delivery.repository';
import { NotificationPreferenceRepository } from './repositories/notification-preference.repository';
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
    ]),
  ],
  controllers: [NotificationsController, UnsubscribeController],
  providers: [
    MailTransport,
    EmailDeliveryService,
    EmailDeliveryRepository,
    AccountEmailDeliveryRepository,
    DeliveryTimeService,
    NotificationsService,
    NotificationDeliveryService,
    NotificationEmailService,
    NotificationPreferencesService,
    NotificationRepository,
    NotificationPreferenceRepository,
    UnsubscribeTokens,
    NotificationDeliveryJob,
  ],
  exports: [EmailDeliveryService, NotificationsService, DeliveryTimeService],
})
export class NotificationsModule {}
