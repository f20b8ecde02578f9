import { Injectable } from '@nestjs/common';
import { defineJob, HandlesJob, JobHandler, JobRun, TenantJobPayload } from '@mentorship/platform';
import { IsUUID, Matches } from 'class-validator';
import { NotificationDigestService } from '../notification-digest.service';

export class NotificationDigestPayload extends TenantJobPayload {
  @IsUUID()
  userId!: string;

  /** The morning delivery slot it gathers (the reminders' 09:00 in the member's zone), epoch ms. */
  @Matches(/^\d{1,15}$/)
  slot!: string;
}

/** One email for a member's morning: every reminder delivered in that slot with the digest on. */
export const notificationDigestJob = defineJob({
  name: 'notification-digest',
  queue: 'reminders',
  payload: NotificationDigestPayload,
  key: (payload) => `${payload.userId}.${payload.slot}`,
});

@Injectable()
@HandlesJob(notificationDigestJob)
export class NotificationDigestJob implements JobHandler<NotificationDigestPayload> {
  constructor(private readonly digests: NotificationDigestService) {}

  handle(payload: NotificationDigestPayload, run: JobRun): Promise<void> {
    return this.digests.deliverDigest(payload.userId, run);
  }
}
