import { Injectable, Logger } from '@nestjs/common';
import {
  DomainException,
  defineJob,
  HandlesJob,
  JobHandler,
  JobRun,
  TenantContext,
  TenantJobPayload,
} from '@mentorship/platform';
import { MembersService } from '@mentorship/organizations';
import { IsUUID } from 'class-validator';
import { ParticipantImportsService } from '../participant-imports.service';

export class ParticipantImportPayload extends TenantJobPayload {
  @IsUUID()
  importId!: string;
}

/** Writes a committed import of many rows; one job per import, however often it is enqueued. */
export const participantImportJob = defineJob({
  name: 'participant-import',
  queue: 'imports',
  payload: ParticipantImportPayload,
  key: (payload) => payload.importId,
});

/**
 * Runs in the worker. The import is written in one transaction (all valid rows or none), acting
 * for the coordinator who committed it; progress goes to the import's row from transactions of
 * its own, so the API shows it while the import runs. A refusal (the cohort closed, the catalogue
 * or the roster changed) marks the import failed, with nothing written; any other error is
 * retried by the queue.
 */
@Injectable()
@HandlesJob(participantImportJob)
export class ParticipantImportJob implements JobHandler<ParticipantImportPayload> {
  private readonly logger = new Logger(ParticipantImportJob.name);

  constructor(
    private readonly imports: ParticipantImportsService,
    private readonly members: MembersService,
  ) {}

  async handle(payload: ParticipantImportPayload, run: JobRun): Promise<void> {
    const started = await run.inTenant(() => this.imports.markImporting(payload.importId));
    if (!started?.committedBy) return;
    const committedBy = started.committedBy;
    try {
      await run.inTenant(async () => {
        const committer = await this.members.get(committedBy).catch((error: unknown) => {
          throw error instanceof DomainException ? new ImportCommitterGone() : error;
        });
        const caller = { userId: committer.userId, email: committer.email, roles: committer.roles };
        await TenantContext.withCaller(caller, () =>
          this.imports.runQueued(payload.importId, (processed) =>
            run.inTenant(() => this.imports.reportProgress(payload.importId, processed)),
          ),
        );
      });
    } catch (error) {
      if (!(error instanceof DomainException) && !(error instanceof ImportCommitterGone)) throw error;
      this.logger.warn(`participant import ${payload.importId} refused: ${error.message}`);
      // The failure is the committer's to read in the audit log: it is recorded as theirs.
      await run.inTenant(() =>
        TenantContext.withCaller({ userId: committedBy, email: '', roles: [] }, () =>
          this.imports.markFailed(payload.importId, error.message),
        ),
      );
    }
  }
}

class ImportCommitterGone extends Error {
  constructor() {
    super('The person who committed the import is no longer a member of the organization.');
  }
}
