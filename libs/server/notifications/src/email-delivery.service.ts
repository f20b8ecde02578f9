import { Injectable, Logger } from '@nestjs/common';
import type { JobRun } from '@mentorship/platform';
import { MailTransport, OutgoingEmail } from './mail-transport.service';
import { EmailDeliveryRepository } from './repositories/email-delivery.repository';

export type DeliveryOutcome = 'sent' | 'already-handled';

/**
 * Sends an email at most once per job key (`run.key`), even when its job runs twice:
 * 1. claim the key in its own committed transaction (a unique index decides who wins),
 * 2. talk SMTP outside any transaction,
 * 3. record the outcome. A failed send releases the claim so BullMQ's retry can try again;
 *    a crash between 2 and 3 leaves the claim taken, which errs on the side of not spamming.
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    private readonly transport: MailTransport,
    private readonly deliveries: EmailDeliveryRepository,
  ) {}

  async sendOnce(run: JobRun, compose: () => Promise<OutgoingEmail | null>): Promise<DeliveryOutcome> {
    const claim = await run.inTenant(async () => {
      const email = await compose();
      if (!email) return null;
      const claimed = await this.deliveries.claim(run.key, email);
      return claimed ? { id: claimed, email } : null;
    });
    if (!claim) return 'already-handled';

    try {
      await this.transport.send(claim.email);
    } catch (error) {
      await run.inTenant(() => this.deliveries.markFailed(claim.id, String(error)));
      throw error;
    }
    await run.inTenant(() => this.deliveries.markSent(claim.id));
    this.logger.log(`sent "${claim.email.subject}" (${run.key})`);
    return 'sent';
  }
}
