import { Injectable } from '@nestjs/common';
import { defineJob, HandlesJob, JobHandler, JobRun, TenantJobPayload } from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { KudosRepository } from '../repositories/kudos.repository';

export class KudosAnnouncementPayload extends TenantJobPayload {
  @IsUUID()
  kudosId!: string;
}

export const kudosAnnouncementJob = defineJob({
  name: 'kudos-announcement',
  queue: 'reminders',
  payload: KudosAnnouncementPayload,
  key: (payload) => payload.kudosId,
});

/** Announces kudos (here: records that it was announced), once per kudos. */
@Injectable()
@HandlesJob(kudosAnnouncementJob)
export class KudosAnnouncementJob implements JobHandler<KudosAnnouncementPayload> {
  constructor(private readonly kudos: KudosRepository) {}

  async handle(payload: KudosAnnouncementPayload, run: JobRun): Promise<void> {
    await run.inTenant(() => this.kudos.markAnnounced(payload.kudosId));
  }
}
