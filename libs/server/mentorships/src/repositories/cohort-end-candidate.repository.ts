import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@mentorship/platform';

/**
 * The one read across organizations the cohort-end schedule makes: cohorts whose last day is
 * before `day` (or closed) that still have open matches, and closed cohorts whose participants
 * were not yet invited to the end-of-cohort survey. No tenant is set when the schedule ticks, so
 * it goes through `cohorts_to_end_by`, which runs as the owner and returns ids only.
 */
@Injectable()
export class CohortEndCandidateRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async endedBy(day: string): Promise<{ organizationId: string; cohortId: string }[]> {
    return (await this.unitOfWork
      .manager()
      .query(
        `SELECT organization_id AS "organizationId", cohort_id AS "cohortId" FROM cohorts_to_end_by($1)`,
        [day],
      )) as { organizationId: string; cohortId: string }[];
  }
}
