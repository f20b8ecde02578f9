export * from './notifications.module';
export * from './email-delivery.service';
export * from './mail-transport.service';
export * from './entities/email-delivery.entity';
export * from './notifications.context';
