import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type FoundPage, TenantRepository } from '@mentorship/platform';
import { EmailDeliveryEntity, type EmailDeliveryStatus } from '../entities/email-delivery.entity';

/**
 * The ledgers' claim rule, one for both (a tenant's `email_deliveries`, the global
 * `account_email_deliveries`), as the `ON CONFLICT` of the claim's INSERT on the idempotency key:
 * any run takes over a retrying or failed delivery, and a rerun of the same attempt one it left
 * 'sending' (its run died mid-send); any other holder keeps it, and the INSERT returns no row.
 * `$6` is the attempt.
 */
export function claimOnConflict(table: string, key: string): string {
  return `ON CONFLICT (${key}) DO UPDATE
         SET status = 'sending', attempts = ${table}.attempts + 1, last_attempt_at = now(),
             claim_attempt = $6
         WHERE ${table}.status IN ('retrying', 'failed')
            OR (${table}.status = 'sending' AND ${table}.claim_attempt = $6)`;
}

const CLAIM = `INSERT INTO email_deliveries (organization_id, id, idempotency_key, recipient, subject, status, claim_attempt)
       VALUES ($1, $2, $3, $4, $5, 'sending', $6)
       ${claimOnConflict('email_deliveries', 'organization_id, idempotency_key')}
       RETURNING id`;

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
    const rows = await this.sql<{ id: string }>(CLAIM, [
      randomUUID(),
      idempotencyKey,
      email.to,
      email.subject,
      attempt,
    ]);
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
