import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { MentorshipsModule } from '@mentorship/mentorships';
import { NotificationsModule } from '@mentorship/notifications';
import { MatchingRoundEntity } from './entities/matching-round.entity';
import { RoundProposalEntity } from './entities/round-proposal.entity';
import { MatchingRoundJob } from './jobs/matching-round.job';
import { RoundMatchEmailJob } from './jobs/round-match-email.job';
import { CohortMatchingRoundsController, MatchingRoundsController } from './matching-rounds.controller';
import { MatchingRoundsService } from './matching-rounds.service';
import { MatchingRoundRepository } from './repositories/matching-round.repository';
import { RoundInputRepository } from './repositories/round-input.repository';
import { RoundProposalRepository } from './repositories/round-proposal.repository';

/** Bulk matching rounds: start, progress, proposals, fix/forbid and re-run, dry run, publish. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MatchingRoundEntity, RoundProposalEntity]),
    AuditModule,
    MentorshipsModule,
    NotificationsModule,
  ],
  controllers: [CohortMatchingRoundsController, MatchingRoundsController],
  providers: [
    MatchingRoundsService,
    MatchingRoundJob,
    RoundMatchEmailJob,
    MatchingRoundRepository,
    RoundProposalRepository,
    RoundInputRepository,
  ],
  exports: [MatchingRoundsService],
})
export class MatchingRoundsModule {}
