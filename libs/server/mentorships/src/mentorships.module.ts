import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { NotificationsModule } from '@mentorship/notifications';
import { PeopleModule } from '@mentorship/people';
import { MatchEventEntity } from './entities/match-event.entity';
import { MatchEntity } from './entities/match.entity';
import { TrialAnswerEntity } from './entities/trial-answer.entity';
import { TrialDeadlineJob, TrialHalfwayJob } from './jobs/trial-deadline.job';
import { RematchQueueService } from './rematch-queue.service';
import { TrialRepository } from './repositories/trial.repository';
import { TrialService } from './trial.service';
import { MatchLifecycleService } from './match-lifecycle.service';
import { MatchesController } from './matches.controller';
import { MatchEventRepository } from './repositories/match-event.repository';
import { MatchesService } from './matches.service';
import { MatchRepository } from './repositories/match.repository';

/**
 * Mentorships: matches and their life (the lifecycle issue adds the state machine, the trial,
 * agreements, maps and check-ins). Matching creates matches through `MatchesService`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MatchEntity, MatchEventEntity, TrialAnswerEntity]),
    AuditModule,
    NotificationsModule,
    PeopleModule,
  ],
  controllers: [MatchesController],
  providers: [
    MatchesService,
    MatchLifecycleService,
    TrialService,
    RematchQueueService,
    MatchRepository,
    MatchEventRepository,
    TrialRepository,
    TrialHalfwayJob,
    TrialDeadlineJob,
  ],
  exports: [MatchesService, MatchLifecycleService, TrialService, RematchQueueService],
})
export class MentorshipsModule {}
