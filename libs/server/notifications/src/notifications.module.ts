import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailDeliveryService } from './email-delivery.service';
import { EmailDeliveryEntity } from './entities/email-delivery.entity';
import { MailTransport } from './mail-transport.service';
import { EmailDeliveryRepository } from './repositories/email-delivery.repository';

@Module({
  imports: [TypeOrmModule.forFeature([EmailDeliveryEntity])],
  providers: [MailTransport, EmailDeliveryService, EmailDeliveryRepository],
  // MailTransport too: identity's password-reset email has no organization, so no tenant job.
  exports: [EmailDeliveryService, MailTransport],
})
export class NotificationsModule {}
