import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { MatchEntity } from './entities/match.entity';
import { MatchesService } from './matches.service';
import { MatchRepository } from './repositories/match.repository';

/**
 * Mentorships: matches and their life (the lifecycle issue adds the state machine, the trial,
 * agreements, maps and check-ins). Matching creates matches through `MatchesService`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MatchEntity]), AuditModule],
  providers: [MatchesService, MatchRepository],
  exports: [MatchesService],
})
export class MentorshipsModule {}
