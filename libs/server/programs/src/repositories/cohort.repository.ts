import { Injectable } from '@nestjs/common';
import type { CohortStatus } from '@mentorship/contracts';
import { isUniqueViolation, TenantRepository, type TenantRow } from '@mentorship/platform';
import { CohortEntity } from '../entities/cohort.entity';
import type { ProgramSettings } from '../program-settings.service';

/** A cohort with its program's name and the settings it runs under (its own copy once out of draft). */
export interface CohortRow {
  id: string;
  programId: string;
  programName: string;
  name: string;
  status: CohortStatus;
  enrollmentOpensOn: string | null;
  enrollmentClosesOn: string | null;
  startsOn: string;
  endsOn: string;
  settings: ProgramSettings;
  settingsFrozenAt: Date | null;
  createdAt: Date;
}

export type CohortChanges = Omit<TenantRow<CohortEntity, 'organizationId'>, 'id' | 'programId'>;

const COHORT_ROWS = `
  SELECT c.id, c.program_id AS "programId", p.name AS "programName", c.name, c.status,
         to_char(c.enrollment_opens_on, 'YYYY-MM-DD') AS "enrollmentOpensOn",
         to_char(c.enrollment_closes_on, 'YYYY-MM-DD') AS "enrollmentClosesOn",
         to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
         coalesce(c.settings_snapshot, p.settings) AS settings, c.settings_frozen_at AS "settingsFrozenAt",
         c.created_at AS "createdAt"
    FROM cohorts c
    JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
   WHERE c.organization_id = $1`;

/** Who is asking for cohorts: managers see all of them, members those open for enrollment. */
export type CohortAudience = { kind: 'managers' } | { kind: 'member' };

@Injectable()
export class CohortRepository extends TenantRepository<CohortEntity> {
  constructor() {
    super(CohortEntity);
  }

  /** Newest start first. */
  async page(filter: {
    audience: CohortAudience;
    programId?: string;
    status?: CohortStatus;
    offset: number;
    limit: number;
  }): Promise<{ rows: CohortRow[]; total: number }> {
    const where = `AND ($2::uuid IS NULL OR c.program_id = $2) AND ($3::text IS NULL OR c.status = $3)
      AND ($4::boolean OR c.status = 'enrolling')`;
    const parameters = [filter.programId ?? null, filter.status ?? null, filter.audience.kind === 'managers'];
    const rows = await this.sql<CohortRow>(
      `${COHORT_ROWS} ${where} ORDER BY c.starts_on DESC, lower(c.name), c.id OFFSET $5 LIMIT $6`,
      [...parameters, filter.offset, filter.limit],
    );
    const [count] = await this.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${COHORT_ROWS} ${where}) AS cohort`,
      parameters,
    );
    return { rows, total: count?.n ?? 0 };
  }

  async row(id: string): Promise<CohortRow | null> {
    const [row] = await this.sql<CohortRow>(`${COHORT_ROWS} AND c.id = $2`, [id]);
    return row ?? null;
  }

  /** Reads a cohort and locks it, so status changes and edits apply one after the other. */
  lock(id: string): Promise<CohortEntity | null> {
    return this.findOneForUpdate({ id });
  }

  /** False when the program has a cohort of that name already, in any case. */
  add(cohort: Omit<TenantRow<CohortEntity, 'organizationId'>, 'status'>): Promise<boolean> {
    return this.insertUnlessDuplicate({ ...cohort, status: 'draft' });
  }

  /** False when the new name is taken in the program. */
  async change(id: string, changes: CohortChanges): Promise<boolean> {
    try {
      await this.update({ id }, { ...changes, updatedAt: new Date() });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
