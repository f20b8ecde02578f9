import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { CohortDayEntity } from '../entities/cohort-day.entity';

export interface CohortDimension {
  cohortId: string;
  cohortName: string;
  programId: string;
  programName: string;
}

/**
 * The dashboard's dimensions: the names of the organization's programs and cohorts (the programs
 * context's tables, read-only), to check a filter and label the rollups' rows. No measure is
 * read here: those come from the rollups alone.
 */
@Injectable()
export class CohortDimensionRepository extends TenantRepository<CohortDayEntity> {
  constructor() {
    super(CohortDayEntity);
  }

  async programExists(programId: string): Promise<boolean> {
    const rows = await this.sql(`SELECT 1 FROM programs WHERE organization_id = $1 AND id = $2`, [programId]);
    return rows.length > 0;
  }

  async cohort(cohortId: string): Promise<CohortDimension | null> {
    return (await this.cohorts([cohortId]))[0] ?? null;
  }

  async cohorts(cohortIds: readonly string[]): Promise<CohortDimension[]> {
    if (cohortIds.length === 0) return [];
    return this.sql<CohortDimension>(
      `SELECT c.id AS "cohortId", c.name AS "cohortName", p.id AS "programId", p.name AS "programName"
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = ANY ($2::uuid[])
        ORDER BY p.name, c.starts_on, c.name`,
      [cohortIds],
    );
  }
}
