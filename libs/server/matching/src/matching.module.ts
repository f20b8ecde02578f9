import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { NotificationsModule } from '@mentorship/notifications';
import { OrganizationsModule } from '@mentorship/organizations';
import { PeopleModule } from '@mentorship/people';
import { MentorshipsModule } from '@mentorship/mentorships';
import { ProgramsModule } from '@mentorship/programs';
import { MatchRequestEntity } from './entities/match-request.entity';
import { SuggestionExposureEntity } from './entities/suggestion-exposure.entity';
import { MatchRequestExpiryJob } from './jobs/match-request-expiry.job';
import { MatchRequestsController } from './match-requests.controller';
import { MatchRequestsService } from './match-requests.service';
import { MenteeChoiceService } from './mentee-choice.service';
import { MentorIndexService } from './mentor-index.service';
import { MatchRequestNotificationGateService } from './match-request-notification-gate.service';
import { MentorPlacesService } from './mentor-places.service';
import { CohortPeopleRepository } from './repositories/cohort-people.repository';
import { MatchRequestRepository } from './repositories/match-request.repository';
import { SuggestionStateRepository } from './repositories/suggestion-state.repository';
import { SuggestionLedger } from './suggestion-ledger.service';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsService } from './suggestions.service';
import { MatchingRoundsModule } from './matching-rounds.module';
import { PersonalBoardController } from './personal-board.controller';
import { PersonalBoardService } from './personal-board.service';
import { PersonalBoardRepository } from './repositories/personal-board.repository';

/**
 * Matching in the product: a mentee's explained suggestions, structured match requests, and a
 * coordinator's bulk matching rounds, all on the engine in @mentorship/matching-engine.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MatchRequestEntity, SuggestionExposureEntity]),
    AuditModule,
    NotificationsModule,
    OrganizationsModule,
    PeopleModule,
    ProgramsModule,
    MentorshipsModule,
    MatchingRoundsModule,
  ],
  controllers: [SuggestionsController, MatchRequestsController, PersonalBoardController],
  providers: [
    MentorPlacesService,
    MatchRequestNotificationGateService,
    MentorIndexService,
    MenteeChoiceService,
    SuggestionsService,
    MatchRequestsService,
    MatchRequestExpiryJob,
    PersonalBoardService,
    PersonalBoardRepository,
    CohortPeopleRepository,
    MatchRequestRepository,
    SuggestionStateRepository,
    SuggestionLedger,
  ],
  exports: [MentorPlacesService],
})
export class MatchingModule {}
