import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GlobalRepository, UnitOfWork } from '@mentorship/platform';
import { AccountEmailDeliveryEntity } from '../entities/account-email-delivery.entity';
import { claimOnConflict } from './email-delivery.repository';

const CLAIM = `INSERT INTO account_email_deliveries (id, user_id, idempotency_key, recipient, subject, status, claim_attempt)
       VALUES ($1, $2, $3, $4, $5, 'sending', $6)
       ${claimOnConflict('account_email_deliveries', 'idempotency_key')}
       RETURNING id`;

/** `EmailDeliveryRepository`'s claim, sent and failed, for account emails (global rows). */
@Injectable()
export class AccountEmailDeliveryRepository extends GlobalRepository<AccountEmailDeliveryEntity> {
  constructor(unitOfWork: UnitOfWork) {
    super(AccountEmailDeliveryEntity, unitOfWork);
  }

  /**
   * Inserts a delivery in 'sending', or takes over a failed one or one this same attempt left
   * 'sending' (it died mid-send); null when someone else holds (or sent) it.
   */
  async claim(
    userId: string,
    idempotencyKey: string,
    email: { to: string; subject: string },
    attempt: number,
  ): Promise<string | null> {
    const rows = (await this.repository.query(CLAIM, [
      randomUUID(),
      userId,
      idempotencyKey,
      email.to,
      email.subject,
      attempt,
    ])) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async markSent(id: string): Promise<void> {
    await this.repository.update({ id }, { status: 'sent', lastError: null, sentAt: new Date() });
  }

  async markFailed(id: string, lastError: string, final: boolean): Promise<void> {
    await this.repository.update({ id }, { status: final ? 'failed' : 'retrying', lastError, sentAt: null });
  }
}
