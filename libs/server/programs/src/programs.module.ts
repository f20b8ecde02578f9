import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { OrganizationsModule } from '@mentorship/organizations';
import { PeopleModule } from '@mentorship/people';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { CohortEntity } from './entities/cohort.entity';
import { ParticipantEntity } from './entities/participant.entity';
import { ProgramEntity } from './entities/program.entity';
import { ParticipantsController, ParticipationController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';
import { CohortRepository } from './repositories/cohort.repository';
import { ParticipantRepository } from './repositories/participant.repository';
import { ProgramRepository } from './repositories/program.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([ProgramEntity, CohortEntity, ParticipantEntity]),
    AuditModule,
    OrganizationsModule,
    PeopleModule,
  ],
  controllers: [ProgramsController, CohortsController, ParticipantsController, ParticipationController],
  providers: [
    ProgramsService,
    CohortsService,
    ParticipantsService,
    ProgramRepository,
    CohortRepository,
    ParticipantRepository,
  ],
})
export class ProgramsModule {}
