import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  type FoundPage,
  JobOutbox,
  NOTIFICATION_KINDS,
  type NotificationKind,
  TenantContext,
} from '@mentorship/platform';
import { DeliveryTimeService } from './delivery-time.service';
import type { NotificationEntity } from './entities/notification.entity';
import { notificationDeliveryJob } from './jobs/notification-delivery.job';
import { NotificationsException } from './notifications.exception';
import { NotificationRepository } from './repositories/notification.repository';

/** What a context's rule asks for: a notification of its kind to one member. */
export interface NotificationRequest {
  kind: NotificationKind;
  recipient: { userId: string; email: string; name: string; timeZone: string | null };
  /**
   * What makes it one notification however often the rule runs (within the kind), e.g. the
   * match id and which nudge: the same key twice is written and delivered once.
   */
  key: string;
  title: string;
  body: string;
  /** A path of the admin app the notification is about ("/orgs/…/matches/…"). */
  link?: string;
  subject?: { type: string; id: string };
  /** When it comes due; a `morning` kind then waits for 09:00 in the recipient's zone. */
  due: Date;
  /** After this it is worthless (a request that expires): a `morning` kind then comes before it. */
  before?: Date;
}

/**
 * The notification centre. Contexts call `notify` inside their own transaction (the rule's
 * change and its notification commit together); delivery is a delayed job through the outbox
 * at the delivery time, where the member's choices apply.
 */
@Injectable()
export class NotificationsService {
  private readonly kinds: ReadonlyMap<string, NotificationKind>;

  constructor(
    @Inject(NOTIFICATION_KINDS) kinds: readonly NotificationKind[],
    private readonly clock: Clock,
    private readonly deliveryTime: DeliveryTimeService,
    private readonly outbox: JobOutbox,
    private readonly notifications: NotificationRepository,
  ) {
    this.kinds = new Map(kinds.map((kind) => [kind.id, kind]));
  }

  /** Every kind the product sends, in the order contexts declare them. */
  allKinds(): NotificationKind[] {
    return [...this.kinds.values()];
  }

  kind(id: string): NotificationKind | undefined {
    return this.kinds.get(id);
  }

  /** False when this notification was made before (its key): nothing more happens. */
  async notify(request: NotificationRequest): Promise<boolean> {
    if (this.kinds.get(request.kind.id) !== request.kind)
      throw new Error(`Notification kind ${request.kind.id} is not declared by any context`);
    const id = randomUUID();
    const zone = request.recipient.timeZone;
    const deliverAt =
      request.kind.timing === 'now'
        ? request.due
        : request.before
          ? this.deliveryTime.deliveryBefore(request.due, request.before, zone)
          : this.deliveryTime.deliveryAt(request.due, zone);
    const added = await this.notifications.add({
      id,
      recipientUserId: request.recipient.userId,
      recipientEmail: request.recipient.email,
      recipientName: request.recipient.name,
      kind: request.kind.id,
      idempotencyKey: `${request.kind.id}:${request.key}`,
      title: request.title,
      body: request.body,
      link: request.link ?? null,
      subjectType: request.subject?.type ?? null,
      subjectId: request.subject?.id ?? null,
      deliverAt,
    });
    if (!added) return false;
    await this.outbox.enqueue(notificationDeliveryJob, { notificationId: id }, { notBefore: deliverAt });
    return true;
  }

  /**
   * Takes back a notification not delivered yet, when what it was about is settled (a request
   * answered before its "about to expire" reminder): its delivery job then finds nothing to do.
   * One already delivered stays: it was true when it came.
   */
  async withdraw(kind: NotificationKind, key: string): Promise<void> {
    await this.notifications.withdrawUndelivered(`${kind.id}:${key}`);
  }

  /** The same for every key of the kind that starts with `keyPrefix` (a match's pending reminders). */
  async withdrawAll(kind: NotificationKind, keyPrefix: string): Promise<void> {
    await this.notifications.withdrawUndeliveredStartingWith(`${kind.id}:${keyPrefix}`);
  }

  /** The caller's centre, newest first. */
  inbox(filter: {
    unreadOnly: boolean;
    offset: number;
    limit: number;
  }): Promise<FoundPage<NotificationEntity>> {
    return this.notifications.inbox(TenantContext.caller().userId, filter);
  }

  unreadCount(): Promise<number> {
    return this.notifications.unreadCount(TenantContext.caller().userId);
  }

  /** Someone else's notification is not found, like one that does not exist. */
  async markRead(id: string): Promise<NotificationEntity> {
    const me = TenantContext.caller().userId;
    if (!(await this.notifications.markRead(me, id, this.clock.now())))
      throw NotificationsException.notificationNotFound();
    const row = await this.notifications.byId(id);
    if (!row) throw NotificationsException.notificationNotFound();
    return row;
  }

  markAllRead(): Promise<number> {
    return this.notifications.markAllRead(TenantContext.caller().userId, this.clock.now());
  }
}
