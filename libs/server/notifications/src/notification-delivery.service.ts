import { Inject, Injectable } from '@nestjs/common';
import { Clock, type JobRun, NOTIFICATION_KINDS, type NotificationKind } from '@mentorship/platform';
import { EmailDeliveryService } from './email-delivery.service';
import { NotificationEmailService } from './notification-email.service';
import { NotificationPreferenceRepository } from './repositories/notification-preference.repository';
import { NotificationRepository } from './repositories/notification.repository';

/**
 * Delivers a notification once, however often its job runs: the row is locked and stamped
 * `delivered_at` in one transaction (a second run finds it stamped and stops); the member's
 * choice for the kind decides whether it shows in the centre and whether it is emailed, read at
 * delivery time, so a change of mind before then counts. The email goes through the
 * at-most-once email ledger under the notification's own key; a retry after a failed send
 * finds the row delivered with its email still `sending` and tries the email alone again.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly kinds: ReadonlyMap<string, NotificationKind>;

  constructor(
    @Inject(NOTIFICATION_KINDS) kinds: readonly NotificationKind[],
    private readonly clock: Clock,
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly email: EmailDeliveryService,
    private readonly emails: NotificationEmailService,
  ) {
    this.kinds = new Map(kinds.map((kind) => [kind.id, kind]));
  }

  async deliver(notificationId: string, run: JobRun): Promise<void> {
    const toEmail = await run.inTenant(async () => {
      const notification = await this.notifications.forDelivery(notificationId);
      if (!notification) return false;
      // Delivered by an earlier run: only an email that run did not get out is left to do (a
      // failed send makes BullMQ retry; the email ledger still sends it once).
      if (notification.deliveredAt) return notification.emailState === 'sending';
      const choice = await this.preferences.choiceFor(notification.recipientUserId, notification.kind);
      // A kind no context declares any more (removed in an upgrade) still shows, but is not emailed.
      const emailed = choice.email && this.kinds.has(notification.kind);
      await this.notifications.markDelivered(
        notificationId,
        this.clock.now(),
        choice.inApp,
        emailed ? 'sending' : 'off',
      );
      return emailed;
    });
    if (!toEmail) return;
    const outcome = await this.email.sendOnce({ ...run, key: `notification.${notificationId}` }, async () => {
      const notification = await this.notifications.byId(notificationId);
      const kind = notification && this.kinds.get(notification.kind);
      return notification && kind ? this.emails.compose(notification, kind) : null;
    });
    if (outcome === 'sent')
      await run.inTenant(() => this.notifications.setEmailState(notificationId, 'sent'));
  }
}
