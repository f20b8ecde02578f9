import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { defineJob, HandlesJob, JobHandler, JobRun, TenantJobPayload } from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { NotificationDeliveryService } from '../notification-delivery.service';

export class NotificationDeliveryPayload extends TenantJobPayload {
  @IsUUID()
  notificationId!: string;
}

/** Delivers one notification at its time (a delayed job): the centre, then maybe an email. */
export const notificationDeliveryJob = defineJob({
  name: 'notification-delivery',
  queue: 'reminders',
  payload: NotificationDeliveryPayload,
  key: (payload) => payload.notificationId,
});

@Injectable()
@HandlesJob(notificationDeliveryJob)
export class NotificationDeliveryJob implements JobHandler<NotificationDeliveryPayload> {
  constructor(
    @Inject(forwardRef(() => NotificationDeliveryService))
    private readonly delivery: NotificationDeliveryService,
  ) {}

  handle(payload: NotificationDeliveryPayload, run: JobRun): Promise<void> {
    return this.delivery.deliver(payload.organizationId, payload.notificationId, run);
  }
}
