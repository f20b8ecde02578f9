import { Injectable } from '@nestjs/common';
import type { CohortStatus, ParticipantRole, ParticipantStatus } from '@mentorship/contracts';
import { TenantRepository, type FoundPage, type TenantRow } from '@mentorship/platform';
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
  /** The caller's own place in the cohort, if any. */
  participation: { id: string; role: ParticipantRole; status: ParticipantStatus } | null;
}

export type CohortChanges = Omit<TenantRow<CohortEntity, 'organizationId'>, 'id' | 'programId'>;

/** Cohorts with their program; $2 is the caller's address, for their own place in each. */
const COHORT_ROWS = `
  SELECT c.id, c.program_id AS "programId", p.name AS "programName", c.name, c.status,
         to_char(c.enrollment_opens_on, 'YYYY-MM-DD') AS "enrollmentOpensOn",
         to_char(c.enrollment_closes_on, 'YYYY-MM-DD') AS "enrollmentClosesOn",
         to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
         coalesce(c.settings_snapshot, p.settings) AS settings, c.settings_frozen_at AS "settingsFrozenAt",
         c.created_at AS "createdAt",
         CASE WHEN me.id IS NULL THEN NULL
              ELSE json_build_object('id', me.id, 'role', me.role, 'status', me.status) END AS participation
    FROM cohorts c
    JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
    LEFT JOIN cohort_participants me
           ON me.organization_id = c.organization_id AND me.cohort_id = c.id AND me.email = $2
   WHERE c.organization_id = $1`;

/**
 * Who is asking, by address: managers see every cohort, other members those open for
 * enrollment and those they have a place in.
 */
export interface CohortAudience {
  email: string;
  managers: boolean;
}

const VISIBLE = `($3::boolean OR c.status = 'enrolling' OR me.id IS NOT NULL)`;

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
  }): Promise<FoundPage<CohortRow>> {
    return this.findPage<CohortRow>(
      {
        select: `${COHORT_ROWS} AND ${VISIBLE}
                   AND ($4::uuid IS NULL OR c.program_id = $4) AND ($5::text IS NULL OR c.status = $5)`,
        params: [
          filter.audience.email,
          filter.audience.managers,
          filter.programId ?? null,
          filter.status ?? null,
        ],
        // "startsOn" is YYYY-MM-DD: its text order is the date order.
        orderBy: 'listed."startsOn" DESC, lower(listed.name), listed.id',
      },
      filter,
    );
  }

  /** The cohort if `audience` may see it. */
  async row(id: string, audience: CohortAudience): Promise<CohortRow | null> {
    const [row] = await this.sql<CohortRow>(`${COHORT_ROWS} AND ${VISIBLE} AND c.id = $4`, [
      audience.email,
      audience.managers,
      id,
    ]);
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
  change(id: string, changes: CohortChanges): Promise<boolean> {
    return this.updateUnlessDuplicate({ id }, { ...changes, updatedAt: new Date() });
  }
}
