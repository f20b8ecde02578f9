import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditEventRepository } from './repositories/audit-event.repository';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [AuditService, AuditEventRepository],
  exports: [AuditService],
})
export class AuditModule {}
