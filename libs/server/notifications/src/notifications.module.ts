import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailDeliveryService } from './email-delivery.service';
import { AccountEmailDeliveryEntity } from './entities/account-email-delivery.entity';
import { EmailDeliveryEntity } from './entities/email-delivery.entity';
import { MailTransport } from './mail-transport.service';
import { AccountEmailDeliveryRepository } from './repositories/account-email-delivery.repository';
import { EmailDeliveryRepository } from './repositories/email-delivery.repository';

@Module({
  imports: [TypeOrmModule.forFeature([EmailDeliveryEntity, AccountEmailDeliveryEntity])],
  providers: [MailTransport, EmailDeliveryService, EmailDeliveryRepository, AccountEmailDeliveryRepository],
  exports: [EmailDeliveryService],
})
export class NotificationsModule {}
