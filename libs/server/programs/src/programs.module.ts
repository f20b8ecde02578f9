import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { OrganizationsModule } from '@mentorship/organizations';
import { PeopleModule } from '@mentorship/people';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { CohortEntity } from './entities/cohort.entity';
import { ParticipantImportRowEntity } from './entities/participant-import-row.entity';
import { ParticipantImportEntity } from './entities/participant-import.entity';
import { ParticipantEntity } from './entities/participant.entity';
import { ParticipantImportJob } from './jobs/participant-import.job';
import { ParticipantImportsController } from './participant-imports.controller';
import { ParticipantImportsService } from './participant-imports.service';
import { ProgramEntity } from './entities/program.entity';
import { ParticipantsController, ParticipationController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { ProgramNotificationGates } from './program-notification-gates.service';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';
import { CohortRepository } from './repositories/cohort.repository';
import { ParticipantImportRowRepository } from './repositories/participant-import-row.repository';
import { ParticipantImportRepository } from './repositories/participant-import.repository';
import { ParticipantRepository } from './repositories/participant.repository';
import { ProgramRepository } from './repositories/program.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProgramEntity,
      CohortEntity,
      ParticipantEntity,
      ParticipantImportEntity,
      ParticipantImportRowEntity,
    ]),
    AuditModule,
    OrganizationsModule,
    PeopleModule,
  ],
  controllers: [
    ProgramsController,
    CohortsController,
    ParticipantsController,
    ParticipationController,
    ParticipantImportsController,
  ],
  providers: [
    ProgramsService,
    CohortsService,
    ParticipantsService,
    ParticipantImportsService,
    ParticipantImportJob,
    ProgramNotificationGates,
    ProgramRepository,
    CohortRepository,
    ParticipantRepository,
    ParticipantImportRepository,
    ParticipantImportRowRepository,
  ],
  exports: [CohortsService, ProgramNotificationGates],
})
export class ProgramsModule {}
