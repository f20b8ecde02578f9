import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditAction } from '@mentorship/audit';
import { MalformedCsvError, readCsv } from '@mentorship/csv';
import { normalizeEmail } from '@mentorship/identity';
import { InvitationsService, MembersService } from '@mentorship/organizations';
import { ProfilesService } from '@mentorship/people';
import { JobOutbox, pageOf, TenantContext, type PageQueryDto } from '@mentorship/platform';
import { CohortsService } from './cohorts.service';
import {
  ImportRowPageDto,
  ImportRowQueryDto,
  ParticipantImportPageDto,
  ParticipantImportViewDto,
} from './dto/participant-import.dto';
import type { ParticipantImportEntity } from './entities/participant-import.entity';
import type { ImportedParticipant } from './entities/participant-import-row.entity';
import { participantImportJob } from './jobs/participant-import.job';
import { checkParticipantRows, PARTICIPANT_COLUMNS, skillNamesIn } from './participant-csv.service';
import { ProgramsAudit } from './programs.audit';
import { ProgramsException } from './programs.exception';
import { ParticipantImportRowRepository } from './repositories/participant-import-row.repository';
import { ParticipantImportRepository } from './repositories/participant-import.repository';
import { ParticipantRepository, type NewParticipant } from './repositories/participant.repository';

/** Files with more valid rows than this are imported by a job, with progress; smaller ones at once. */
export const IMPORT_IN_REQUEST_MAX_ROWS = 500;
/** A bound on one file (a 20 MB upload holds far fewer rows with profile columns). */
export const IMPORT_MAX_ROWS = 50_000;
/** Rows written per statement, and how often a job reports progress. */
const BATCH = 1_000;

/** Reports how many valid rows are written so far. */
export type ImportProgress = (processed: number) => Promise<void>;

/**
 * CSV imports of a cohort's participants: the whole file is validated first, every rejected row
 * reported with its line and reasons; then the coordinator imports all the valid rows or none.
 */
@Injectable()
export class ParticipantImportsService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
    private readonly cohorts: CohortsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly profiles: ProfilesService,
    private readonly imports: ParticipantImportRepository,
    private readonly importRows: ParticipantImportRowRepository,
    private readonly participants: ParticipantRepository,
  ) {}

  /** Reads and checks the whole file; writes only the report. A file that cannot be read writes nothing. */
  async validate(cohortId: string, file: string): Promise<ParticipantImportViewDto> {
    await this.openCohort(cohortId);
    let table;
    try {
      table = readCsv(file, PARTICIPANT_COLUMNS);
    } catch (error) {
      if (error instanceof MalformedCsvError) throw ProgramsException.csvMalformed(error.line, error.message);
      throw error;
    }
    if (table.records.length === 0)
      throw ProgramsException.csvMalformed(null, 'The file has a header but no rows.');
    if (table.records.length > IMPORT_MAX_ROWS)
      throw ProgramsException.csvTooManyRows(table.records.length, IMPORT_MAX_ROWS);

    const emails = table.records.map((record) => normalizeEmail(record.values['email'] ?? ''));
    const [skillsByName, inCohort] = await Promise.all([
      this.profiles.activeSkillsByName(skillNamesIn(table.records)),
      this.participants.emailsIn(cohortId, emails),
    ]);
    const rows = checkParticipantRows(table.records, { skillsByName, inCohort });
    const valid = rows.filter((row) => row.valid).length;

    const id = randomUUID();
    await this.imports.add({
      id,
      cohortId,
      status: 'validated',
      delimiter: table.delimiter,
      ignoredColumns: table.ignoredColumns,
      totalRows: rows.length,
      validRows: valid,
      rejectedRows: rows.length - valid,
      processedRows: 0,
      enrolled: 0,
      invited: 0,
      failure: null,
      createdBy: TenantContext.caller().userId,
      committedBy: null,
      committedAt: null,
      finishedAt: null,
    });
    await this.importRows.addMany(id, rows);
    await this.record(ProgramsAudit.importValidated, id, { cohortId, rows: rows.length, valid });
    return this.get(cohortId, id);
  }

  async list(cohortId: string, page: PageQueryDto): Promise<ParticipantImportPageDto> {
    await this.cohorts.get(cohortId);
    const found = await this.imports.page(cohortId, { offset: page.offset, limit: page.pageSize });
    return pageOf(page, found, toImportView);
  }

  async get(cohortId: string, importId: string): Promise<ParticipantImportViewDto> {
    await this.cohorts.get(cohortId);
    const found = await this.imports.get(cohortId, importId);
    if (!found) throw ProgramsException.importNotFound();
    return toImportView(found);
  }

  /** The row report, by line. */
  async rows(cohortId: string, importId: string, query: ImportRowQueryDto): Promise<ImportRowPageDto> {
    await this.get(cohortId, importId);
    const found = await this.importRows.page(importId, {
      valid: query.status === undefined ? undefined : query.status === 'valid',
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, (row) => ({
      line: row.line,
      status: row.valid ? ('valid' as const) : ('rejected' as const),
      email: row.email,
      name: row.name,
      role: row.role as ImportRowPageDto['items'][number]['role'],
      reasons: row.reasons,
    }));
  }

  /**
   * Imports the valid rows, all of them or none: at once for a small file, else as a job
   * (status queued, then importing with progress).
   */
  async commit(cohortId: string, importId: string): Promise<ParticipantImportViewDto> {
    await this.openCohort(cohortId);
    const pending = await this.lockValidated(cohortId, importId);
    if (pending.validRows === 0) throw ProgramsException.importHasNoValidRows();
    const committed = { committedBy: TenantContext.caller().userId, committedAt: new Date() };
    await this.record(ProgramsAudit.importCommitted, importId, { cohortId, valid: pending.validRows });
    if (pending.validRows <= IMPORT_IN_REQUEST_MAX_ROWS) {
      await this.imports.change(importId, { ...committed, status: 'importing' });
      await this.write(pending, async () => undefined);
    } else {
      await this.imports.change(importId, { ...committed, status: 'queued' });
      await this.outbox.enqueue(participantImportJob, { importId });
    }
    return this.get(cohortId, importId);
  }

  /** Drops a validated import and its report: nothing was written, nothing will be. */
  async discard(cohortId: string, importId: string): Promise<void> {
    await this.lockValidated(cohortId, importId);
    await this.importRows.removeAll(importId);
    await this.imports.change(importId, { status: 'discarded', finishedAt: new Date() });
    await this.record(ProgramsAudit.importDiscarded, importId, { cohortId });
  }

  /**
   * The job's part, in the tenant's transaction, acting for whoever committed: one run at a
   * time; an import already written (a repeated job) is left alone. Answers false when there was
   * nothing to do.
   */
  async runQueued(importId: string, progress: ImportProgress): Promise<boolean> {
    await this.imports.runExclusively(importId);
    const found = await this.imports.findById(importId);
    if (!found || (found.status !== 'queued' && found.status !== 'importing')) return false;
    await this.cohortStillOpen(found.cohortId);
    await this.write(found, progress);
    return true;
  }

  /** Marks a queued import as being written, in a transaction of its own so the API shows it. */
  async markImporting(importId: string): Promise<ParticipantImportEntity | null> {
    const found = await this.imports.findById(importId);
    if (found?.status === 'queued') await this.imports.change(importId, { status: 'importing' });
    return found;
  }

  /** Records why an import wrote nothing. */
  async markFailed(importId: string, reason: string): Promise<void> {
    await this.imports.change(importId, { status: 'failed', failure: reason, finishedAt: new Date() });
    await this.record(ProgramsAudit.importFailed, importId, { reason });
  }

  async reportProgress(importId: string, processed: number): Promise<void> {
    await this.imports.change(importId, { processedRows: processed });
  }

  /**
   * Writes every valid row: members are enrolled and get the file's profile fields; people who
   * are not members yet are invited to the organization and the cohort, their profile kept for
   * when they accept. Refuses (writing nothing) if the cohort or the catalogue changed since.
   */
  private async write(pending: ParticipantImportEntity, progress: ImportProgress): Promise<void> {
    const rows = await this.importRows.validParticipants(pending.id);
    const taken = await this.participants.emailsIn(
      pending.cohortId,
      rows.map((row) => row.email),
    );
    if (taken.size > 0) throw ProgramsException.importOutdated([...taken]);
    const members = await this.members.byEmails(rows.map((row) => row.email));
    const importedAt = Date.now();
    let enrolled = 0;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const participants = batch.map((row, index) =>
        this.participantOf(
          pending,
          row,
          members.get(row.email)?.userId ?? null,
          new Date(importedAt + start + index),
        ),
      );
      await this.participants.addMany(participants);
      const memberRows = batch.flatMap((row) => {
        const member = members.get(row.email);
        return member ? [{ userId: member.userId, role: row.role, profile: row.profile }] : [];
      });
      await this.profiles.applyImported(memberRows);
      await this.invitations.inviteMany(
        batch
          .filter((row) => !members.has(row.email))
          .map((row) => ({ email: row.email, roles: [row.role] })),
      );
      enrolled += memberRows.length;
      await progress(start + batch.length);
    }
    await this.imports.change(pending.id, {
      status: 'completed',
      processedRows: rows.length,
      enrolled,
      invited: rows.length - enrolled,
      finishedAt: new Date(),
    });
    await this.record(ProgramsAudit.importCompleted, pending.id, {
      cohortId: pending.cohortId,
      enrolled: String(enrolled),
      invited: String(rows.length - enrolled),
    });
  }

  /** Imported members are enrolled in file order (the waitlist's order); others are invited. */
  private participantOf(
    pending: ParticipantImportEntity,
    row: ImportedParticipant,
    userId: string | null,
    enrolledAt: Date,
  ): NewParticipant {
    const hasProfile = Object.keys(row.profile).length > 0;
    return {
      id: randomUUID(),
      cohortId: pending.cohortId,
      email: row.email,
      userId,
      name: row.name,
      role: row.role,
      status: userId ? 'enrolled' : 'invited',
      source: 'import',
      motivation: null,
      pendingProfile: !userId && hasProfile ? row.profile : null,
      invitedBy: pending.committedBy,
      decidedBy: null,
      decidedAt: null,
      enrolledAt: userId ? enrolledAt : null,
    };
  }

  private async lockValidated(cohortId: string, importId: string): Promise<ParticipantImportEntity> {
    const found = await this.imports.lock(cohortId, importId);
    if (!found) throw ProgramsException.importNotFound();
    if (found.status !== 'validated') throw ProgramsException.importNotPending(found.status);
    return found;
  }

  private async openCohort(cohortId: string): Promise<void> {
    await this.cohorts.get(cohortId);
    await this.cohortStillOpen(cohortId);
  }

  private async cohortStillOpen(cohortId: string): Promise<void> {
    if ((await this.cohorts.lock(cohortId)).status === 'closed') throw ProgramsException.cohortClosed();
  }

  private record(action: AuditAction, id: string, details: Record<string, string | number>) {
    return this.audit.record({ action, target: { type: 'participant_import', id }, details });
  }
}

function toImportView(entity: ParticipantImportEntity): ParticipantImportViewDto {
  return {
    id: entity.id,
    cohortId: entity.cohortId,
    status: entity.status,
    delimiter: entity.delimiter,
    ignoredColumns: entity.ignoredColumns,
    rows: { total: entity.totalRows, valid: entity.validRows, rejected: entity.rejectedRows },
    progress: { processed: entity.processedRows, total: entity.validRows },
    enrolled: entity.enrolled,
    invited: entity.invited,
    failure: entity.failure,
    createdAt: entity.createdAt.toISOString(),
    committedAt: entity.committedAt?.toISOString() ?? null,
    finishedAt: entity.finishedAt?.toISOString() ?? null,
  };
}
