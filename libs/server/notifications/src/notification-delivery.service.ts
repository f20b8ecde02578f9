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
import { NotificationRepository, type StampedDelivery } from './repositories/notification.repository';

/** How long a digest waits for the rest of its morning's reminders. */
const DIGEST_GATHERING_MS = 5 * 60 * 1000;

/**
 * Delivers a notification once, however often its job runs: the row is stamped `delivered_at`
 * under its lock (a second run finds it stamped and stops); the member's choice for the kind
 * decides whether it shows in the centre and whether it is emailed, read at delivery time (in
 * the stamping statement), so a change of mind before then counts. The email is claimed in the
 * at-most-once email ledger under the notification's own key in that same transaction, so a
 * delivery costs two transactions: this one, and after the send the one recording it sent (the
 * ledger and the notification's email state together). Commonly (undelivered, its kind not
 * turned off, no digest) each is one statement in one round trip: the stamp with the claim, and
 * the record of the send (`NotificationRepository.stampAndClaim`, `markEmailSent`). Otherwise
 * the long way, with the row locked: a retry after a failed send finds the row delivered with
 * its email still `sending` and claims the email alone again (the ledger decides whether it
 * goes out); a member who takes the daily digest gets their morning reminders in one email
 * instead (its job enqueued with the stamp); a notification whose program turned its kind off
 * (`NotificationGates`) is settled unseen.
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

  async deliver(organizationId: string, notificationId: string, run: JobRun): Promise<void> {
    const emailRun = { ...run, key: `notification.${notificationId}` };
    const now = this.clock.now();
    // The common case, one round trip: undelivered, its subject's gate (read in SQL) lets it, no
    // digest to gather; stamped, and its email claimed, in a transaction of its own.
    const stamped = await this.notifications.stampAndClaim(
      organizationId,
      notificationId,
      now,
      { emailed: this.emailedKinds, digest: this.digestKinds },
      this.gates.stampCondition(),
      { key: emailRun.key, attempt: run.attemptsMade },
    );
    const claim = stamped
      ? this.claimOf(stamped)
      : await run.inTenant(() => this.deliverTheLongWay(notificationId, emailRun, now));
    if (!claim) return;
    // Recorded sent in one round trip too: the ledger's row and the notification's email state.
    await this.email.sendClaimed(emailRun, claim, (deliveryId) =>
      this.notifications.markEmailSent(organizationId, notificationId, deliveryId),
    );
  }

  /** The email of a notification `stampAndClaim` stamped and claimed, composed to send. */
  private claimOf({ notification, claimId }: StampedDelivery): EmailClaim | null {
    const kind = this.kinds.get(notification.kind);
    return claimId && kind ? { id: claimId, email: this.emails.compose(notification, kind) } : null;
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
