import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { CheckInsController } from './check-ins.controller';
import { CohortMatchesController } from './cohort-matches.controller';
import { CheckInsService } from './check-ins.service';
import { PulseAnswerEntity } from './entities/pulse-answer.entity';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';
import { FeedbackRepository } from './repositories/feedback.repository';
import { AgreementEntity } from './entities/agreement.entity';
import { CheckInEntity } from './entities/check-in.entity';
import { MentorshipMapEntity } from './entities/mentorship-map.entity';
import { PulseDueJob } from './jobs/pulse-due.job';
import { QuietPairsService } from './quiet-pairs.service';
import { MatchNotificationGateService } from './match-notification-gate.service';
import { MatchAccessService } from './match-access.service';
import { MeetingsService } from './meetings.service';
import { MentorshipMapsController } from './mentorship-maps.controller';
import { MentorshipMapsService } from './mentorship-maps.service';
import { AgreementRepository } from './repositories/agreement.repository';
import { CheckInRepository } from './repositories/check-in.repository';
import { MentorshipMapRepository } from './repositories/mentorship-map.repository';
import { NotificationsModule } from '@mentorship/notifications';
import { OrganizationsModule } from '@mentorship/organizations';
import { ExitSurveyEntity } from './entities/exit-survey.entity';
import { ExitSurveyController } from './exit-survey.controller';
import { ExitSurveyService } from './exit-survey.service';
// The job file first: it and the service import each other, and its handlers' metadata names the service.
import { CohortEndJob, CohortEndScanJob } from './jobs/cohort-end.job';
import { CohortEndService } from './cohort-end.service';
import { MemberDepartureService } from './member-departure.service';
import { CohortEndCandidateRepository } from './repositories/cohort-end-candidate.repository';
import { ExitSurveyRepository } from './repositories/exit-survey.repository';
import { PeopleModule } from '@mentorship/people';
import { ProgramsModule } from '@mentorship/programs';
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
import { NeedsAttentionController } from './needs-attention.controller';
import { NeedsAttentionService } from './needs-attention.service';
import { NeedsAttentionRepository } from './repositories/needs-attention.repository';

/**
 * Mentorships: matches and their life (the lifecycle issue adds the state machine, the trial,
 * agreements, maps and check-ins). Matching creates matches through `MatchesService`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MatchEntity,
      MatchEventEntity,
      TrialAnswerEntity,
      AgreementEntity,
      MentorshipMapEntity,
      CheckInEntity,
      PulseAnswerEntity,
      ExitSurveyEntity,
    ]),
    AuditModule,
    NotificationsModule,
    OrganizationsModule,
    PeopleModule,
    ProgramsModule,
  ],
  controllers: [
    MatchesController,
    CohortMatchesController,
    AgreementsController,
    MentorshipMapsController,
    CheckInsController,
    FeedbackController,
    NeedsAttentionController,
    ExitSurveyController,
  ],
  providers: [
    MatchAccessService,
    MatchNotificationGateService,
    NeedsAttentionService,
    NeedsAttentionRepository,
    ExitSurveyService,
    ExitSurveyRepository,
    MemberDepartureService,
    CohortEndService,
    CohortEndCandidateRepository,
    CohortEndJob,
    CohortEndScanJob,
    AgreementsService,
    MentorshipMapsService,
    CheckInsService,
    QuietPairsService,
    MeetingsService,
    FeedbackService,
    FeedbackRepository,
    AgreementRepository,
    MentorshipMapRepository,
    CheckInRepository,
    MatchesService,
    MatchLifecycleService,
    TrialService,
    RematchQueueService,
    MatchRepository,
    MatchEventRepository,
    TrialRepository,
    TrialHalfwayJob,
    PulseDueJob,
    TrialDeadlineJob,
  ],
  exports: [MatchesService, MatchLifecycleService, TrialService, RematchQueueService],
})
export class MentorshipsModule {}
