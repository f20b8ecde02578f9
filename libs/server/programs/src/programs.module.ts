import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { CohortEntity } from './entities/cohort.entity';
import { ProgramEntity } from './entities/program.entity';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';
import { CohortRepository } from './repositories/cohort.repository';
import { ProgramRepository } from './repositories/program.repository';

@Module({
  imports: [TypeOrmModule.forFeature([ProgramEntity, CohortEntity]), AuditModule],
  controllers: [ProgramsController, CohortsController],
  providers: [ProgramsService, CohortsService, ProgramRepository, CohortRepository],
})
export class ProgramsModule {}
