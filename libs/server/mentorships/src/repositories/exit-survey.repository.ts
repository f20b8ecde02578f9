import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { ExitSurveyEntity } from '../entities/exit-survey.entity';

/** The exit surveys: one answer per side of a match, never changed. */
@Injectable()
export class ExitSurveyRepository extends TenantRepository<ExitSurveyEntity> {
  constructor() {
    super(ExitSurveyEntity);
  }

  /** False when the side answered already (the key refuses a second answer). */
  add(answer: Omit<ExitSurveyEntity, 'organizationId'>): Promise<boolean> {
    return this.insertUnlessDuplicate(answer);
  }

  ofMatch(matchId: string): Promise<ExitSurveyEntity[]> {
    return this.find({ matchId }, { order: { side: 'ASC' } });
  }
}
