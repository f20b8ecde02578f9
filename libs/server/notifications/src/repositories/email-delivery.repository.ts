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
   * Claims the idempotency key for attempt `attempt` of its job: inserts a delivery in 'sending',
   * takes over a retrying or failed one, or one still 'sending' from this same attempt (its run died
   * mid-send; see the claim_attempt migration). Returns the delivery id, or null when someone
   * else holds (or has sent) it.
   */
  async claim(
    idempotencyKey: string,
    email: { to: string; subject: string },
    attempt: number,
  ): Promise<string | null> {
    const rows = await this.sql<{ id: string }>(
      `INSERT INTO email_deliveries (organization_id, id, idempotency_key, recipient, subject, status, claim_attempt)
       VALUES ($1, $2, $3, $4, $5, 'sending', $6)
       ON CONFLICT (organization_id, idempotency_key) DO UPDATE
         SET status = 'sending', attempts = email_deliveries.attempts + 1, last_attempt_at = now(),
             claim_attempt = $6
         WHERE email_deliveries.status IN ('retrying', 'failed')
            OR (email_deliveries.status = 'sending' AND email_deliveries.claim_attempt = $6)
       RETURNING id`,
      [randomUUID(), idempotencyKey, email.to, email.subject, attempt],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Claims a key no run can hold yet (its notification was undelivered until the caller's
   * transaction, which stamped it): the row is inserted with the COMMIT, in its round trip. Should
   * the key be held after all, the unique index refuses the INSERT and the whole transaction
   * rolls back (the job fails, and its retry takes the ordinary `claim`).
   */
  claimUnheldAtCommit(
    idempotencyKey: string,
    email: { to: string; subject: string },
    attempt: number,
  ): string {
    const id = randomUUID();
    this.insertAtCommit({
      id,
      idempotencyKey,
      recipient: email.to,
      subject: email.subject,
      status: 'sending',
      claimAttempt: attempt,
    });
    return id;
  }

  async markSent(id: string): Promise<void> {
    await this.sql(
      `UPDATE email_deliveries SET status = 'sent', last_error = NULL, sent_at = now()
        WHERE organization_id = $1 AND id = $2`,
      [id],
    );
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
