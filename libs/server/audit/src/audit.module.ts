import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditEventRepository } from './repositories/audit-event.repository';
import { SystemAuditEventEntity } from './entities/system-audit-event.entity';
import { SystemAuditEventRepository } from './repositories/system-audit-event.repository';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity, SystemAuditEventEntity])],
  providers: [AuditService, AuditEventRepository, SystemAuditEventRepository],
  exports: [AuditService],
})
export class AuditModule {}
