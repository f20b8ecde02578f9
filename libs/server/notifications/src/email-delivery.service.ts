import { Injectable, Logger } from '@nestjs/common';
import { type AccountJobRun, JOB_OPTIONS, type JobRun } from '@mentorship/platform';
import { MailTransport, OutgoingEmail } from './mail-transport.service';
import { AccountEmailDeliveryRepository } from './repositories/account-email-delivery.repository';
import { EmailDeliveryRepository } from './repositories/email-delivery.repository';

export type DeliveryOutcome = 'sent' | 'already-handled';

/** An email whose job key is claimed in the ledger: it is this run's to send. */
export interface EmailClaim {
  id: string;
  email: OutgoingEmail;
}

/**
 * Runs in the transaction that records the email as sent: what the send settles (the
 * notification's own state, the reminders a digest carried) is recorded with it, in one
 * transaction instead of two.
 */
export type WhenSent = () => Promise<void>;

/** Where one delivery's claim and outcome are kept, and in which transactions. */
interface DeliveryLedger {
  inTransaction<T>(work: () => Promise<T>): Promise<T>;
  claim(email: OutgoingEmail): Promise<string | null>;
  markSent(id: string): Promise<void>;
  markFailed(id: string, error: string, final: boolean): Promise<void>;
  /** Records the send in a transaction of its own, instead of `markSent` in `inTransaction`. */
  recordSent?(id: string): Promise<void>;
}

/**
 * Sends an email once per job key (`run.key`), even when its job runs twice:
 * 1. claim the key in a committed transaction (a unique index decides who wins),
 * 2. talk SMTP outside any transaction,
 * 3. record the outcome. A failed send is `retrying` (BullMQ's retry claims it again) until the
 *    job's last attempt, then `failed` for good (the admins' delivery log shows it).
 *    A run that dies between 1 and 3 (a killed worker) leaves the claim 'sending' under its
 *    attempt number; BullMQ runs the stalled job again with the same number, which takes the
 *    claim over and sends, so a killed worker loses no email (it doubles one only if it died in
 *    the instant between the SMTP server's acceptance and step 3). A later attempt (the run
 *    before it failed after its claim, e.g. Postgres went away after the send) does not resend.
 * The claim's transaction may be the caller's own (`claimInTenant`, then `sendClaimed` once it
 * has committed): a notification's delivery stamps its row and claims its email in one.
 * Tenant jobs keep their ledger in the organization (`email_deliveries`), account jobs in the
 * global `account_email_deliveries`.
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    private readonly transport: MailTransport,
    private readonly deliveries: EmailDeliveryRepository,
    private readonly accountDeliveries: AccountEmailDeliveryRepository,
  ) {}

  sendOnce(
    run: JobRun,
    compose: () => Promise<OutgoingEmail | null>,
    whenSent?: WhenSent,
  ): Promise<DeliveryOutcome> {
    return this.deliver(run, compose, this.tenantLedger(run), whenSent);
  }

  /**
   * Step 1 alone, in the caller's tenant transaction (inside `run.inTenant`): the claim commits
   * with whatever else that transaction writes. Null: another run holds or has sent it.
   */
  async claimInTenant(run: JobRun, email: OutgoingEmail): Promise<EmailClaim | null> {
    const id = await this.deliveries.claim(run.key, email, run.attemptsMade);
    return id ? { id, email } : null;
  }

  /**
   * Like `claimInTenant`, for a key no run can hold yet (the caller's transaction just stamped
   * the notification it belongs to delivered): the claim goes with the COMMIT, one round trip
   * less.
   */
  claimUnheldAtCommit(run: JobRun, email: OutgoingEmail): EmailClaim {
    return { id: this.deliveries.claimUnheldAtCommit(run.key, email, run.attemptsMade), email };
  }

  /**
   * Steps 2 and 3 for a claim whose transaction has committed (`claimInTenant`, or a claim made
   * in the caller's own statement, as `NotificationRepository.stampAndClaim` does). `recordSent`,
   * when given, records the ledger's 'sent' itself (`EmailDeliveryRepository.markSent`'s
   * columns) together with what the send settles, in a transaction of its own (e.g. one
   * statement in one round trip, `TenancyService.statementInTenant`).
   */
  async sendClaimed(
    run: JobRun,
    claim: EmailClaim,
    recordSent?: (claimId: string) => Promise<void>,
  ): Promise<void> {
    const ledger = this.tenantLedger(run);
    await this.send(run, claim, recordSent ? { ...ledger, recordSent } : ledger);
  }

  /** The same for an account job's email to `userId`. */
  sendOnceToAccount(
    run: AccountJobRun,
    userId: string,
    compose: () => Promise<OutgoingEmail | null>,
  ): Promise<DeliveryOutcome> {
    return this.deliver(run, compose, {
      inTransaction: (work) => run.inTransaction(work),
      claim: (email) => this.accountDeliveries.claim(userId, run.key, email, run.attemptsMade),
      markSent: (id) => this.accountDeliveries.markSent(id),
      markFailed: (id, error, final) => this.accountDeliveries.markFailed(id, error, final),
    });
  }

  private tenantLedger(run: JobRun): DeliveryLedger {
    return {
      inTransaction: (work) => run.inTenant(work),
      claim: (email) => this.deliveries.claim(run.key, email, run.attemptsMade),
      markSent: (id) => this.deliveries.markSent(id),
      markFailed: (id, error, final) => this.deliveries.markFailed(id, error, final),
    };
  }

  private async deliver(
    run: Pick<JobRun, 'key' | 'attemptsMade'>,
    compose: () => Promise<OutgoingEmail | null>,
    ledger: DeliveryLedger,
    whenSent?: WhenSent,
  ): Promise<DeliveryOutcome> {
    const claim = await ledger.inTransaction(async () => {
      const email = await compose();
      if (!email) return null;
      const claimed = await ledger.claim(email);
      return claimed ? { id: claimed, email } : null;
    });
    if (!claim) return 'already-handled';
    await this.send(run, claim, ledger, whenSent);
    return 'sent';
  }

  private async send(
    run: Pick<JobRun, 'key' | 'attemptsMade'>,
    claim: EmailClaim,
    ledger: DeliveryLedger,
    whenSent?: WhenSent,
  ): Promise<void> {
    try {
      await this.transport.send(claim.email);
    } catch (error) {
      // The job's last attempt (BullMQ's attempts, with back-off between them): failed for good,
      // which the admins' delivery log shows; before that the job is retried.
      const final = run.attemptsMade + 1 >= JOB_OPTIONS.attempts;
      await ledger.inTransaction(() => ledger.markFailed(claim.id, failureReason(error), final));
      if (final)
        this.logger.error(`gave up on "${claim.email.subject}" (${run.key}): ${failureReason(error)}`);
      throw error;
    }
    if (ledger.recordSent) await ledger.recordSent(claim.id);
    else
      await ledger.inTransaction(async () => {
        await ledger.markSent(claim.id);
        await whenSent?.();
      });
    this.logger.log(`sent "${claim.email.subject}" (${run.key})`);
  }
}

/** What the SMTP server (or the lack of one) said, short enough for a log row. */
function failureReason(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return reason.length > 500 ? `${reason.slice(0, 499)}…` : reason;
}
