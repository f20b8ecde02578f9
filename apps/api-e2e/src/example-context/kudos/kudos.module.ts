import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { KudosEntity } from './entities/kudos.entity';
import { KudosAnnouncementJob } from './jobs/kudos-announcement.job';
import { KudosController } from './kudos.controller';
import { KudosService } from './kudos.service';
import { KudosRepository } from './repositories/kudos.repository';

@Module({
  imports: [TypeOrmModule.forFeature([KudosEntity]), AuditModule],
  controllers: [KudosController],
  providers: [KudosService, KudosRepository, KudosAnnouncementJob],
})
export class KudosModule {}
