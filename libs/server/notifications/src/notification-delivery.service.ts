import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  JobOutbox,
  type JobRun,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '@mentorship/platform';
import { type EmailClaim, EmailDeliveryService } from './email-delivery.service';
import type { NotificationEntity } from './entities/notification.entity';
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
 * state together). Commonly (undelivered, its kind not turned off) the first is one UPDATE
 * that reads the choice and the gate and stamps the row, and the claim goes with its COMMIT. A retry after a failed send finds the row delivered with its email still
 * `sending` and claims the email alone again (the ledger decides whether it goes out).
 * A member who takes the daily digest gets their morning reminders in one email instead. A
 * notification whose program turned its kind off (`NotificationGates`) is settled unseen.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly kinds: ReadonlyMap<string, NotificationKind>;
  /** Every declared kind may be emailed; one no context declares any more is not. */
  private readonly emailedKinds: readonly string[];
  /** Morning reminders: a member's daily digest takes these instead of one email each. */
  private readonly digestKinds: readonly string[];

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
    this.emailedKinds = kinds.map((kind) => kind.id);
    this.digestKinds = kinds.filter((kind) => kind.timing === 'morning').map((kind) => kind.id);
  }

  async deliver(notificationId: string, run: JobRun): Promise<void> {
    const emailRun = { ...run, key: `notification.${notificationId}` };
    const claim = await run.inTenant(async () => {
      const now = this.clock.now();
      // The common case, one statement: undelivered, and its subject's gate (read in SQL) lets it.
      const stamped = await this.notifications.stampDelivered(
        notificationId,
        now,
        { emailed: this.emailedKinds, digest: this.digestKinds },
        this.gates.stampCondition(),
      );
      if (stamped) return this.afterStamp(stamped, emailRun, now);
      return this.deliverTheLongWay(notificationId, emailRun, now);
    });
    if (!claim) return;
    await this.email.sendClaimed(emailRun, claim, (deliveryId) =>
      this.notifications.markEmailSent(notificationId, deliveryId),
    );
  }

  /** What a stamp decided, carried out in its transaction: the email claimed, or the digest's job. */
  private async afterStamp(
    notification: NotificationEntity,
    emailRun: JobRun,
    now: Date,
  ): Promise<EmailClaim | null> {
    const kind = this.kinds.get(notification.kind);
    if (notification.emailState === 'digest') {
      // A morning reminder of a member who takes the daily digest waits for it: one email for
      // all of that morning's reminders, a few minutes after the first of them.
      await this.outbox.enqueue(
        notificationDigestJob,
        { userId: notification.recipientUserId, slot: String(notification.deliverAt.getTime()) },
        { notBefore: new Date(now.getTime() + DIGEST_GATHERING_MS) },
      );
      return null;
    }
    if (notification.emailState !== 'sending' || !kind) return null;
    // Stamped just now under its lock: no run can hold its email's key yet.
    return this.email.claimUnheldAtCommit(emailRun, this.emails.compose(notification, kind));
  }

  /**
   * A notification the one statement did not stamp: delivered by an earlier run (maybe with its
   * email still to get out), about a subject whose context has a say, or gone.
   */
  private async deliverTheLongWay(
    notificationId: string,
    emailRun: JobRun,
    now: Date,
  ): Promise<EmailClaim | null> {
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
    // Its program turned the kind off (asked now, so a change made while it waited counts):
    // settled without showing or sending anything.
    if (!(await this.gates.allows(notification))) {
      await this.notifications.markDelivered(notificationId, now, false, 'off');
      return null;
    }
    const emailed = choice.email && kind !== undefined;
    const state = !emailed ? 'off' : kind.timing === 'morning' && dailyDigest ? 'digest' : 'sending';
    await this.notifications.markDelivered(notificationId, now, choice.inApp, state);
    return this.afterStamp(
      Object.assign(notification, { deliveredAt: now, shownInApp: choice.inApp, emailState: state }),
      emailRun,
      now,
    );
  }
}
