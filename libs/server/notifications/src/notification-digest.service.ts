import { Inject, Injectable } from '@nestjs/common';
import { type JobRun, NOTIFICATION_KINDS, type NotificationKind } from '@mentorship/platform';
import { EmailDeliveryService } from './email-delivery.service';
import { NotificationEmailService } from './notification-email.service';
import { NotificationRepository } from './repositories/notification.repository';

/** The daily digest's email (the delivery service leaves reminders waiting for it). */
@Injectable()
export class NotificationDigestService {
  private readonly kinds: ReadonlyMap<string, NotificationKind>;

  constructor(
    @Inject(NOTIFICATION_KINDS) kinds: readonly NotificationKind[],
    private readonly notifications: NotificationRepository,
    private readonly email: EmailDeliveryService,
    private readonly emails: NotificationEmailService,
  ) {
    this.kinds = new Map(kinds.map((kind) => [kind.id, kind]));
  }

  /**
   * The digest: one email with every notification of the member still waiting for it, sent once
   * per slot (the email ledger's key); those it carried are then `sent`. One that arrives while it
   * is being sent waits for the next digest. Nothing waiting (a repeated run): no email. A crash
   * between the send and that mark would carry them again in the next digest (never lost).
   */
  async deliverDigest(userId: string, run: JobRun): Promise<void> {
    let carried: string[] = [];
    await this.email.sendOnce(
      { ...run, key: `digest.${run.key}` },
      async () => {
        const waiting = await this.notifications.waitingForDigest(userId);
        const items = waiting.flatMap((notification) => {
          const kind = this.kinds.get(notification.kind);
          return kind ? [{ notification, kind }] : [];
        });
        carried = items.map((item) => item.notification.id);
        return items.length > 0 ? this.emails.composeDigest(items) : null;
      },
      // Recorded with the email's own "sent", in one transaction.
      () => this.notifications.markDigestSent(carried),
    );
  }
}
