import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { TenantContext, type JobRun } from '@mentorship/platform';
import { EmailDeliveryEntity } from './entities/email-delivery.entity';
import { MailTransport, OutgoingEmail } from './mail-transport';

export type DeliveryOutcome = 'sent' | 'already-handled';

/**
 * Sends an email at most once per idempotency key, even when its job runs twice:
 * 1. claim the key in its own committed transaction (a unique index decides who wins),
 * 2. talk SMTP outside any transaction,
 * 3. record the outcome. A failed send releases the claim so BullMQ's retry can try again;
 *    a crash between 2 and 3 leaves the claim taken, which errs on the side of not spamming.
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(private readonly transport: MailTransport) {}

  async sendOnce(
    run: JobRun,
    idempotencyKey: string,
    compose: () => Promise<OutgoingEmail | null>,
  ): Promise<DeliveryOutcome> {
    const claim = await run.inTenant(async () => {
      const email = await compose();
      if (!email) return null;
      const claimed = await this.claim(idempotencyKey, email);
      return claimed ? { id: claimed, email } : null;
    });
    if (!claim) return 'already-handled';

    try {
      await this.transport.send(claim.email);
    } catch (error) {
      await run.inTenant(() => this.mark(claim.id, 'failed', String(error)));
      throw error;
    }
    await run.inTenant(() => this.mark(claim.id, 'sent', null));
    this.logger.log(`sent "${claim.email.subject}" (${idempotencyKey})`);
    return 'sent';
  }

  /** Inserts the claim, or takes over a failed one; returns the delivery id, or null if someone else holds it. */
  private async claim(idempotencyKey: string, email: OutgoingEmail): Promise<string | null> {
    const rows: { id: string }[] = await TenantContext.manager().query(
      `INSERT INTO email_deliveries (organization_id, id, idempotency_key, recipient, subject, status)
       VALUES ($1, $2, $3, $4, $5, 'sending')
       ON CONFLICT (organization_id, idempotency_key) DO UPDATE
         SET status = 'sending', attempts = email_deliveries.attempts + 1
         WHERE email_deliveries.status = 'failed'
       RETURNING id`,
      [TenantContext.organizationId(), randomUUID(), idempotencyKey, email.to, email.subject],
    );
    return rows[0]?.id ?? null;
  }

  private async mark(id: string, status: 'sent' | 'failed', lastError: string | null): Promise<void> {
    await TenantContext.manager().update(
      EmailDeliveryEntity,
      { organizationId: TenantContext.organizationId(), id },
      { status, lastError, sentAt: status === 'sent' ? new Date() : null },
    );
  }
}
