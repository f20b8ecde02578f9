import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type FoundPage, TenantRepository } from '@mentorship/platform';
import { EmailDeliveryEntity, type EmailDeliveryStatus } from '../entities/email-delivery.entity';

@Injectable()
export class EmailDeliveryRepository extends TenantRepository<EmailDeliveryEntity> {
  constructor() {
    super(EmailDeliveryEntity);
  }

  /**
   * Claims the idempotency key: inserts a delivery in 'sending', or takes over a failed one (a
   * retry: one more attempt).
   * Returns the delivery id, or null when someone else holds (or has sent) it.
   */
  async claim(idempotencyKey: string, email: { to: string; subject: string }): Promise<string | null> {
    const rows = await this.sql<{ id: string }>(
      `INSERT INTO email_deliveries (organization_id, id, idempotency_key, recipient, subject, status)
       VALUES ($1, $2, $3, $4, $5, 'sending')
       ON CONFLICT (organization_id, idempotency_key) DO UPDATE
         SET status = 'sending', attempts = email_deliveries.attempts + 1, last_attempt_at = now()
         WHERE email_deliveries.status IN ('retrying', 'failed')
       RETURNING id`,
      [randomUUID(), idempotencyKey, email.to, email.subject],
    );
    return rows[0]?.id ?? null;
  }

  async markSent(id: string): Promise<void> {
    await this.update({ id }, { status: 'sent', lastError: null, sentAt: new Date() });
  }

  /** `final`: the job has no attempt left, the email is not going out. */
  async markFailed(id: string, lastError: string, final: boolean): Promise<void> {
    await this.update({ id }, { status: final ? 'failed' : 'retrying', lastError, sentAt: null });
  }

  /** The organization's delivery log, newest first, maybe of one status. */
  log(filter: {
    status?: EmailDeliveryStatus;
    offset: number;
    limit: number;
  }): Promise<FoundPage<EmailDeliveryEntity>> {
    const list = this.query('d').orderBy('d.createdAt', 'DESC').addOrderBy('d.id', 'DESC');
    if (filter.status) list.andWhere('d.status = :status', { status: filter.status });
    return this.findPage(list, filter);
  }
}
