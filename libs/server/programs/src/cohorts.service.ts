import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CohortStatus, FieldProblem, OrganizationRole } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { normalizeEmail } from '@mentorship/identity';
import { pageOf, TenantContext } from '@mentorship/platform';
import { allowedTransitions, canTransition, freezesSettings } from './cohort-lifecycle.service';
import {
  CohortPageDto,
  CohortQueryDto,
  CohortViewDto,
  CreateCohortDto,
  UpdateCohortDto,
} from './dto/cohort.dto';
import type { CohortEntity } from './entities/cohort.entity';
import { completeProgramSettings } from './program-settings.service';
import { ProgramsAudit } from './programs.audit';
import { ProgramsException } from './programs.exception';
import { CohortRepository, type CohortAudience, type CohortRow } from './repositories/cohort.repository';
import { ProgramRepository } from './repositories/program.repository';

/** Who runs cohorts: they see and change all of them. */
export const COHORT_MANAGERS: readonly OrganizationRole[] = ['admin', 'coordinator'];

export function isCohortManager(roles: readonly OrganizationRole[]): boolean {
  return roles.some((role) => COHORT_MANAGERS.includes(role));
}

/** The cohorts of the organization's programs. */
@Injectable()
export class CohortsService {
  constructor(
    private readonly audit: AuditService,
    private readonly programs: ProgramRepository,
    private readonly cohorts: CohortRepository,
  ) {}

  /** Managers see every cohort; other members those open for enrollment and their own. */
  async list(query: CohortQueryDto): Promise<CohortPageDto> {
    const found = await this.cohorts.page({
      audience: this.audience(),
      programId: query.programId,
      status: query.status,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, toCohortView);
  }

  /** A cohort the caller may see; any other is not found. */
  async get(cohortId: string): Promise<CohortViewDto> {
    const row = await this.cohorts.row(cohortId, this.audience());
    if (!row) throw ProgramsException.cohortNotFound();
    return toCohortView(row);
  }

  async create(programId: string, input: CreateCohortDto): Promise<CohortViewDto> {
    if (!(await this.programs.lock(programId))) throw ProgramsException.programNotFound();
    assertDates(input);
    const id = randomUUID();
    const added = await this.cohorts.add({
      id,
      programId,
      name: input.name,
      enrollmentOpensOn: input.enrollmentOpensOn ?? null,
      enrollmentClosesOn: input.enrollmentClosesOn ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      settingsSnapshot: null,
      settingsFrozenAt: null,
    });
    if (!added) throw ProgramsException.cohortNameTaken(input.name);
    await this.audit.record({
      action: ProgramsAudit.cohortCreated,
      target: { type: 'cohort', id },
      details: { programId, name: input.name },
    });
    return this.get(id);
  }

  async update(cohortId: string, input: UpdateCohortDto): Promise<CohortViewDto> {
    const cohort = await this.lock(cohortId);
    if (cohort.status === 'closed') throw ProgramsException.cohortClosed();
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    assertDates({ ...cohort, ...changes });
    if (!(await this.cohorts.change(cohortId, changes)))
      throw ProgramsException.cohortNameTaken(input.name ?? '');
    await this.audit.record({
      action: ProgramsAudit.cohortUpdated,
      target: { type: 'cohort', id: cohortId },
      details: { fields: Object.keys(changes) },
    });
    return this.get(cohortId);
  }

  /** One step of the status machine; leaving draft freezes the program's settings into the cohort. */
  async transition(cohortId: string, to: CohortStatus): Promise<CohortViewDto> {
    const cohort = await this.lock(cohortId);
    const from = cohort.status;
    if (!canTransition(from, to))
      throw ProgramsException.transitionNotAllowed(from, to, allowedTransitions(from));
    if (freezesSettings(from, to)) {
      const program = await this.programs.lock(cohort.programId);
      if (!program) throw ProgramsException.programNotFound();
      await this.cohorts.change(cohortId, {
        status: to,
        settingsSnapshot: program.settings,
        settingsFrozenAt: new Date(),
      });
    } else {
      await this.cohorts.change(cohortId, { status: to });
    }
    await this.audit.record({
      action: ProgramsAudit.cohortStatusChanged,
      target: { type: 'cohort', id: cohortId },
      details: { from, to },
    });
    return this.get(cohortId);
  }

  /** Reads a cohort and locks it for the rest of the transaction. */
  async lock(cohortId: string): Promise<CohortEntity> {
    const cohort = await this.cohorts.lock(cohortId);
    if (!cohort) throw ProgramsException.cohortNotFound();
    return cohort;
  }

  private audience(): CohortAudience {
    const caller = TenantContext.caller();
    return { email: normalizeEmail(caller.email), managers: isCohortManager(caller.roles) };
  }
}

/** Enrollment opens before it closes; the cohort starts before it ends. */
function assertDates(dates: {
  enrollmentOpensOn?: string | null;
  enrollmentClosesOn?: string | null;
  startsOn: string;
  endsOn: string;
}): void {
  const problems: FieldProblem[] = [];
  if (dates.endsOn <= dates.startsOn)
    problems.push({ field: 'endsOn', problems: ['endsOn must be after startsOn'] });
  if (
    dates.enrollmentOpensOn &&
    dates.enrollmentClosesOn &&
    dates.enrollmentClosesOn < dates.enrollmentOpensOn
  )
    problems.push({
      field: 'enrollmentClosesOn',
      problems: ['enrollmentClosesOn must not be before enrollmentOpensOn'],
    });
  if (dates.enrollmentClosesOn && dates.enrollmentClosesOn > dates.endsOn)
    problems.push({ field: 'enrollmentClosesOn', problems: ['enrollmentClosesOn must not be after endsOn'] });
  if (problems.length > 0) throw ProgramsException.invalidFields(problems);
}

function toCohortView(row: CohortRow): CohortViewDto {
  return {
    ...row,
    settings: completeProgramSettings(row.settings),
    allowedTransitions: [...allowedTransitions(row.status)],
    settingsFrozenAt: row.settingsFrozenAt ? new Date(row.settingsFrozenAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
