import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  JobOutbox,
  type JobRun,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '@mentorship/platform';
import { EmailDeliveryService } from './email-delivery.service';
import { notificationDigestJob } from './jobs/notification-digest.job';
import { NotificationEmailService } from './notification-email.service';
import { NotificationGates } from './notification-gates.service';
import { NotificationRepository } from './repositories/notification.repository';

/** How long a digest waits for the rest of its morning's reminders. */
const DIGEST_GATHERING_MS = 5 * 60 * 1000;

/**
 * Delivers a notification once, however often its job runs: the row is locked and stamped
 * `delivered_at` in one transaction (a second run finds it stamped and stops); the member's
 * choice for the kind decides whether it shows in the centre and whether it is emailed, read at
 * delivery time (with the row's lock, in the same statement), so a change of mind before then
 * counts. The email is composed and claimed in the at-most-once email ledger under the
 * notification's own key in that same transaction, so a delivery costs two transactions: this
 * one, and after the send the one recording it sent (the ledger and the notification's email
 * state together). A retry after a failed send finds the row delivered with its email still
 * `sending` and claims the email alone again (the ledger decides whether it goes out).
 * A member who takes the daily digest gets their morning reminders in one email instead. A
 * notification whose program turned its kind off (`NotificationGates`) is settled unseen.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly kinds: ReadonlyMap<string, NotificationKind>;

  constructor(
    @Inject(NOTIFICATION_KINDS) kinds: readonly NotificationKind[],
    private readonly clock: Clock,
    private readonly outbox: JobOutbox,
    private readonly notifications: NotificationRepository,
    private readonly email: EmailDeliveryService,
    private readonly emails: NotificationEmailService,
    private readonly gates: NotificationGates,
  ) {
    this.kinds = new Map(kinds.map((kind) => [kind.id, kind]));
  }

  async deliver(notificationId: string, run: JobRun): Promise<void> {
    const emailRun = { ...run, key: `notification.${notificationId}` };
    const claim = await run.inTenant(async () => {
      const found = await this.notifications.forDelivery(notificationId);
      if (!found) return null;
      const { notification, choice, dailyDigest } = found;
      // A kind no context declares any more (removed in an upgrade) still shows, but is not emailed.
      const kind = this.kinds.get(notification.kind);
      // Delivered by an earlier run: only an email that run did not get out is left to do (a
      // failed send makes BullMQ retry; the email ledger still sends it once).
      if (notification.deliveredAt)
        return notification.emailState === 'sending' && kind
          ? this.email.claimInTenant(emailRun, this.emails.compose(notification, kind))
          : null;
      const now = this.clock.now();
      // Its program turned the kind off (asked now, so a change made while it waited counts):
      // settled without showing or sending anything.
      if (!(await this.gates.allows(notification))) {
        await this.notifications.markDelivered(notificationId, now, false, 'off');
        return null;
      }
      // A morning reminder of a member who takes the daily digest waits for it: one email for
      // all of that morning's reminders, a few minutes after the first of them.
      if (choice.email && kind?.timing === 'morning' && dailyDigest) {
        await this.notifications.markDelivered(notificationId, now, choice.inApp, 'digest');
        await this.outbox.enqueue(
          notificationDigestJob,
          { userId: notification.recipientUserId, slot: String(notification.deliverAt.getTime()) },
          { notBefore: new Date(now.getTime() + DIGEST_GATHERING_MS) },
        );
        return null;
      }
      const emailed = choice.email && kind !== undefined;
      await this.notifications.markDelivered(notificationId, now, choice.inApp, emailed ? 'sending' : 'off');
      return emailed ? this.email.claimInTenant(emailRun, this.emails.compose(notification, kind)) : null;
    });
    if (!claim) return;
    await this.email.sendClaimed(emailRun, claim, () =>
      this.notifications.setEmailState(notificationId, 'sent'),
    );
  }
}
