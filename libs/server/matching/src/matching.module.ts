import { Module } from '@nestjs/common';
import { AuditModule } from '@mentorship/audit';
import { OrganizationsModule } from '@mentorship/organizations';
import { PeopleModule } from '@mentorship/people';
import { MentorshipsModule } from '@mentorship/mentorships';
import { ProgramsModule } from '@mentorship/programs';
import { MatchingRoundsModule } from './matching-rounds.module';

/**
 * Matching in the product: a mentee's explained suggestions, structured match requests, and a
 * coordinator's bulk matching rounds, all on the engine in @mentorship/matching-engine.
 */
@Module({
  imports: [
    AuditModule,
    OrganizationsModule,
    PeopleModule,
    ProgramsModule,
    MentorshipsModule,
    MatchingRoundsModule,
  ],
  controllers: [],
  providers: [],
})
export class MatchingModule {}
