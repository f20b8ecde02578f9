import { Injectable } from '@nestjs/common';
import { type FoundPage, TenantRepository, type TenantRow } from '@mentorship/platform';
import { type EmailState, NotificationEntity } from '../entities/notification.entity';

export type NewNotification = Omit<
  TenantRow<NotificationEntity, 'organizationId'>,
  'createdAt' | 'deliveredAt' | 'readAt' | 'shownInApp' | 'emailState'
>;

@Injectable()
export class NotificationRepository extends TenantRepository<NotificationEntity> {
  constructor() {
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

  /** Locked until the delivery's transaction ends, so two deliveries of one row take turns. */
  forDelivery(id: string): Promise<NotificationEntity | null> {
    return this.findOneForUpdate({ id });
  }

  async markDelivered(id: string, at: Date, shownInApp: boolean, emailState: EmailState): Promise<void> {
    await this.update({ id }, { deliveredAt: at, shownInApp, emailState });
  }

  async setEmailState(id: string, emailState: EmailState): Promise<void> {
    await this.update({ id }, { emailState });
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
