import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { NOTIFICATION_KINDS, pageOf, type NotificationKind } from '@mentorship/platform';
import {
  CreateProgramDto,
  ProgramPageDto,
  ProgramQueryDto,
  ProgramViewDto,
  UpdateProgramDto,
} from './dto/program.dto';
import { completeProgramSettings, resolveProgramSettings } from './program-settings.service';
import { ProgramsAudit } from './programs.audit';
import { ProgramsException } from './programs.exception';
import { ProgramRepository, type ProgramRow } from './repositories/program.repository';

/** The organization's mentoring programs. */
@Injectable()
export class ProgramsService {
  private readonly notificationKinds: ReadonlyMap<string, NotificationKind>;

  constructor(
    private readonly audit: AuditService,
    private readonly programs: ProgramRepository,
    @Inject(NOTIFICATION_KINDS) kinds: readonly NotificationKind[],
  ) {
    this.notificationKinds = new Map(kinds.map((kind) => [kind.id, kind]));
  }

  async list(query: ProgramQueryDto): Promise<ProgramPageDto> {
    const found = await this.programs.page({
      kind: query.kind,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, toProgramView);
  }

  async get(programId: string): Promise<ProgramViewDto> {
    const row = await this.programs.row(programId);
    if (!row) throw ProgramsException.programNotFound();
    return toProgramView(row);
  }

  async create(input: CreateProgramDto): Promise<ProgramViewDto> {
    this.checkNotificationKinds(input.settings?.disabledNotificationKinds);
    const settings = resolveProgramSettings(null, input.settings);
    const id = randomUUID();
    const added = await this.programs.add({
      id,
      name: input.name,
      description: input.description ?? '',
      settings,
    });
    if (!added) throw ProgramsException.programNameTaken(input.name);
    await this.audit.record({
      action: ProgramsAudit.programCreated,
      target: { type: 'program', id },
      details: { name: input.name, kind: settings.kind },
    });
    return this.get(id);
  }

  /** Cohorts out of draft keep the settings they froze; drafts follow the program. */
  async update(programId: string, input: UpdateProgramDto): Promise<ProgramViewDto> {
    this.checkNotificationKinds(input.settings?.disabledNotificationKinds);
    const program = await this.programs.lock(programId);
    if (!program) throw ProgramsException.programNotFound();
    const settings = input.settings ? resolveProgramSettings(program.settings, input.settings) : undefined;
    const changed = await this.programs.change(programId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(settings ? { settings } : {}),
    });
    if (!changed) throw ProgramsException.programNameTaken(input.name ?? program.name);
    await this.audit.record({
      action: ProgramsAudit.programUpdated,
      target: { type: 'program', id: programId },
      details: {
        fields: Object.keys(input).filter((key) => input[key as keyof UpdateProgramDto] !== undefined),
      },
    });
    return this.get(programId);
  }

  /**
   * Only kinds some context declares, about a program's matches or requests, can be turned off: a
   * typo, or a kind about a person, would otherwise switch nothing off.
   */
  private checkNotificationKinds(kinds: readonly string[] | undefined): void {
    const problems = (kinds ?? []).flatMap((id, index) => {
      const kind = this.notificationKinds.get(id);
      const problem = !kind
        ? `is not a kind of notification: ${id}`
        : !kind.perProgram
          ? `is not sent per program, so a program cannot turn it off: ${id}`
          : null;
      return problem ? [{ field: `settings.disabledNotificationKinds.${index}`, problems: [problem] }] : [];
    });
    if (problems.length > 0) throw ProgramsException.invalidFields(problems);
  }
}

function toProgramView(row: ProgramRow): ProgramViewDto {
  return {
    ...row,
    settings: completeProgramSettings(row.settings),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
