import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type FoundPage, TenancyService, TenantRepository, type TenantRow } from '@mentorship/platform';
import { type EmailState, NotificationEntity } from '../entities/notification.entity';
import type { ChannelChoice } from './notification-preference.repository';

/** A notification about to be delivered, with what its recipient chose, read with its lock. */
export interface NotificationForDelivery {
  notification: NotificationEntity;
  /** The member's choice for the notification's kind (no row: both channels on). */
  choice: ChannelChoice;
  /** Whether the member takes the daily digest instead of one email per morning reminder. */
  dailyDigest: boolean;
}

/** A `notifications` row as Postgres returns it (snake_case), plus the delivery's reads. */
interface DeliveryRow {
  organization_id: string;
  id: string;
  recipient_user_id: string;
  recipient_email: string;
  recipient_name: string;
  kind: string;
  idempotency_key: string;
  title: string;
  body: string;
  link: string | null;
  subject_type: string | null;
  subject_id: string | null;
  deliver_at: Date;
  delivered_at: Date | null;
  shown_in_app: boolean;
  email_state: EmailState;
  read_at: Date | null;
  created_at: Date;
  choice_in_app: boolean;
  choice_email: boolean;
  daily_digest: boolean;
}

/** A notification stamped delivered by `stampAndClaim`, and its email's claim if it took one. */
export interface StampedDelivery {
  notification: NotificationEntity;
  /** The email ledger's row this run holds ('sending'); null: not emailed, or held by another run. */
  claimId: string | null;
}

export type NewNotification = Omit<
  TenantRow<NotificationEntity, 'organizationId'>,
  'createdAt' | 'deliveredAt' | 'readAt' | 'shownInApp' | 'emailState'
>;

@Injectable()
export class NotificationRepository extends TenantRepository<NotificationEntity> {
  constructor(private readonly tenancy: TenancyService) {
    super(NotificationEntity);
  }

  /** False when the rule made this notification before (its key): nothing is written twice. */
  add(notification: NewNotification): Promise<boolean> {
    return this.insertUnlessDuplicate(notification);
  }

  async withdrawUndelivered(idempotencyKey: string): Promise<void> {
    await this.sql(
      `DELETE FROM notifications WHERE organization_id = $1 AND idempotency_key = $2 AND delivered_at IS NULL`,
      [idempotencyKey],
    );
  }

  /** Every undelivered notification whose key starts with `prefix` (LIKE wildcards escaped). */
  async withdrawUndeliveredStartingWith(prefix: string): Promise<void> {
    const pattern = `${prefix.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    await this.sql(
      `DELETE FROM notifications WHERE organization_id = $1 AND idempotency_key LIKE $2 AND delivered_at IS NULL`,
      [pattern],
    );
  }

  byId(id: string): Promise<NotificationEntity | null> {
    return this.findOne({ id });
  }

  /**
   * The notification, locked until the delivery's transaction ends (two deliveries of one row
   * take turns), with its recipient's choice for its kind and their digest flag: one statement,
   * where the row, the preference and the digest were three round trips per delivery. Only the
   * notification's row is locked (`FOR UPDATE OF n`): a member changing a preference meanwhile
   * is not held up, and the choice read is the one in force as the delivery runs.
   */
  async forDelivery(id: string): Promise<NotificationForDelivery | null> {
    const [row] = await this.sql<DeliveryRow>(
      `SELECT n.organization_id, n.id, n.recipient_user_id, n.recipient_email, n.recipient_name, n.kind,
              n.idempotency_key, n.title, n.body, n.link, n.subject_type, n.subject_id, n.deliver_at,
              n.delivered_at, n.shown_in_app, n.email_state, n.read_at, n.created_at,
              coalesce(p.in_app, true) AS choice_in_app, coalesce(p.email, true) AS choice_email,
              coalesce(d.daily_digest, false) AS daily_digest
         FROM notifications n
         LEFT JOIN notification_preferences p
           ON p.organization_id = n.organization_id AND p.user_id = n.recipient_user_id AND p.kind = n.kind
         LEFT JOIN notification_digests d
           ON d.organization_id = n.organization_id AND d.user_id = n.recipient_user_id
        WHERE n.organization_id = $1 AND n.id = $2
          FOR UPDATE OF n`,
      [id],
    );
    if (!row) return null;
    return {
      notification: toNotification(row),
      choice: { inApp: row.choice_in_app, email: row.choice_email },
      dailyDigest: row.daily_digest,
    };
  }

  /**
   * The common delivery, in a tenant transaction of its own and one round trip
   * (`TenancyService.statementInTenant`): stamps the notification delivered with its member's
   * choice for its kind (shown in the centre or not; its email 'sending' or 'off') if it is
   * undelivered, `gateCondition` (`NotificationGates.stampCondition`, SQL over `n`) holds and
   * its member does not take the daily digest for its kind; and when it is to be emailed, claims
   * the email under `claim.key` for attempt `claim.attempt` in the same statement, as
   * `EmailDeliveryRepository.claim` does (recipient and subject as `NotificationEmailService`
   * composes them: the row's address and title). A key another run holds stays theirs
   * (`claimId` null). Null: nothing stamped (delivered already, turned off or not known to be
   * on, a digest's to gather, or gone): the caller takes the long way (`forDelivery`) in a
   * transaction of its own. The UPDATE locks the row; a second delivery waiting on it finds it
   * delivered once it may go on. `kinds.emailed`: the kinds that may be emailed (the declared
   * ones); `kinds.digest`: those a daily digest takes instead (morning reminders).
   */
  async stampAndClaim(
    organizationId: string,
    id: string,
    at: Date,
    kinds: { emailed: readonly string[]; digest: readonly string[] },
    gateCondition: string,
    claim: { key: string; attempt: number },
  ): Promise<StampedDelivery | null> {
    const choice = (column: 'in_app' | 'email') =>
      `(SELECT p.${column} FROM notification_preferences p
         WHERE p.organization_id = n.organization_id AND p.user_id = n.recipient_user_id AND p.kind = n.kind)`;
    const [row] = await this.tenancy.statementInTenant<DeliveryRow & { claim_id: string | null }>(
      organizationId,
      {
        sql: `WITH stamped AS (
           UPDATE notifications n
              SET delivered_at = $3,
                  shown_in_app = coalesce(${choice('in_app')}, true),
                  email_state = CASE WHEN n.kind = ANY($4::text[]) AND coalesce(${choice('email')}, true)
                                     THEN 'sending' ELSE 'off' END
            WHERE n.organization_id = $1 AND n.id = $2 AND n.delivered_at IS NULL
              AND NOT (n.kind = ANY($5::text[]) AND coalesce(
                (SELECT d.daily_digest FROM notification_digests d
                  WHERE d.organization_id = n.organization_id AND d.user_id = n.recipient_user_id), false))
              AND ${gateCondition}
            RETURNING n.*),
         claimed AS (
           INSERT INTO email_deliveries (organization_id, id, idempotency_key, recipient, subject, status, claim_attempt)
           SELECT organization_id, $6::uuid, $7::text, recipient_email, title, 'sending', $8::int
             FROM stamped WHERE email_state = 'sending'
           ON CONFLICT (organization_id, idempotency_key) DO UPDATE
             SET status = 'sending', attempts = email_deliveries.attempts + 1, last_attempt_at = now(),
                 claim_attempt = $8::int
             WHERE email_deliveries.status IN ('retrying', 'failed')
                OR (email_deliveries.status = 'sending' AND email_deliveries.claim_attempt = $8::int)
           RETURNING id)
         SELECT stamped.*, (SELECT id FROM claimed) AS claim_id FROM stamped`,
        params: [id, at, [...kinds.emailed], [...kinds.digest], randomUUID(), claim.key, claim.attempt],
      },
    );
    return row ? { notification: toNotification(row), claimId: row.claim_id } : null;
  }

  async markDelivered(id: string, at: Date, shownInApp: boolean, emailState: EmailState): Promise<void> {
    await this.sql(
      `UPDATE notifications SET delivered_at = $3, shown_in_app = $4, email_state = $5
        WHERE organization_id = $1 AND id = $2`,
      [id, at, shownInApp, emailState],
    );
  }

  /**
   * The notification's email went out: its ledger row (`deliveryId`) is 'sent' as
   * `EmailDeliveryRepository.markSent` records it, and the notification's email state too, in
   * one statement, in a tenant transaction of its own and one round trip. Its COMMIT does not
   * wait for the disk (`waitForDisk: false`): the stamp and the claim before the send did, so
   * the email is neither lost nor sent again if this record is; losing it (a crash of Postgres
   * within about 0.6 s) leaves the email 'sending', as a connection lost after the send already
   * does (the Postgres outage test). Sent twice only should Redis also forget the job's
   * completion in the same instant, so that it runs again under the same attempt.
   */
  async markEmailSent(organizationId: string, id: string, deliveryId: string): Promise<void> {
    await this.tenancy.statementInTenant(organizationId, {
      sql: `WITH ledger AS (
         UPDATE email_deliveries SET status = 'sent', last_error = NULL, sent_at = now()
          WHERE organization_id = $1 AND id = $3)
       UPDATE notifications SET email_state = 'sent' WHERE organization_id = $1 AND id = $2`,
      params: [id, deliveryId],
      waitForDisk: false,
    });
  }

  async setEmailState(id: string, emailState: EmailState): Promise<void> {
    await this.sql(`UPDATE notifications SET email_state = $3 WHERE organization_id = $1 AND id = $2`, [
      id,
      emailState,
    ]);
  }

  /** The member's notifications waiting for their digest, oldest first, locked until sent. */
  async waitingForDigest(userId: string): Promise<NotificationEntity[]> {
    return this.query('n')
      .andWhere('n.recipientUserId = :userId', { userId })
      .andWhere("n.emailState = 'digest'")
      .orderBy('n.deliveredAt', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  async markDigestSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.sql(
      `UPDATE notifications SET email_state = 'sent' WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [[...ids]],
    );
  }

  /** A member's centre: what was delivered to them in the app, newest first. */
  inbox(
    userId: string,
    filter: { unreadOnly: boolean; offset: number; limit: number },
  ): Promise<FoundPage<NotificationEntity>> {
    const list = this.query('n')
      .andWhere('n.recipientUserId = :userId', { userId })
      .andWhere('n.shownInApp')
      .orderBy('n.deliveredAt', 'DESC')
      .addOrderBy('n.id', 'DESC');
    if (filter.unreadOnly) list.andWhere('n.readAt IS NULL');
    return this.findPage(list, filter);
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications
        WHERE organization_id = $1 AND recipient_user_id = $2 AND shown_in_app AND read_at IS NULL`,
      [userId],
    );
    return row?.n ?? 0;
  }

  // UPDATE ... RETURNING inside a CTE: TypeORM answers a bare UPDATE with [rows, count], not rows.
  /** Marks the member's own notification read (once: the first time stays). False: none such. */
  async markRead(userId: string, id: string, at: Date): Promise<boolean> {
    const rows = await this.sql<{ id: string }>(
      `WITH marked AS (
         UPDATE notifications SET read_at = coalesce(read_at, $4)
          WHERE organization_id = $1 AND recipient_user_id = $2 AND id = $3 AND shown_in_app
          RETURNING id)
       SELECT id FROM marked`,
      [userId, id, at],
    );
    return rows.length > 0;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const rows = await this.sql<{ id: string }>(
      `WITH marked AS (
         UPDATE notifications SET read_at = $3
          WHERE organization_id = $1 AND recipient_user_id = $2 AND shown_in_app AND read_at IS NULL
          RETURNING id)
       SELECT id FROM marked`,
      [userId, at],
    );
    return rows.length;
  }
}

/** A row of `notifications` as Postgres returns it, as the entity. */
function toNotification(row: Omit<DeliveryRow, 'choice_in_app' | 'choice_email' | 'daily_digest'>) {
  return Object.assign(new NotificationEntity(), {
    organizationId: row.organization_id,
    id: row.id,
    recipientUserId: row.recipient_user_id,
    recipientEmail: row.recipient_email,
    recipientName: row.recipient_name,
    kind: row.kind,
    idempotencyKey: row.idempotency_key,
    title: row.title,
    body: row.body,
    link: row.link,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    deliverAt: row.deliver_at,
    deliveredAt: row.delivered_at,
    shownInApp: row.shown_in_app,
    emailState: row.email_state,
    readAt: row.read_at,
    createdAt: row.created_at,
  });
}
