import { defineJob, InvalidJobKeyError, jobKeyOf } from './job-definition';
import type { JobOutbox } from './outbox/job-outbox';
import type { AccountJobOutbox } from './outbox/account-job-outbox';
import { invitationJob, ReminderPayload, reminderJob, resetJob } from './sample-jobs.spec-fixture';

const organizationId = '5f0c1a8e-8a47-4c3e-9d55-2f5e7d8f9a10';
const invitationId = '0b8f8f3c-2d1e-4a5b-8c7d-6e5f4a3b2c1d';

/**
 * Type test, checked by `typecheck` (never called): enqueue takes its job's payload and no
 * other. Each @ts-expect-error fails the typecheck if the line below it compiles.
 */
export function enqueueIsTyped(outbox: JobOutbox, reminder: ReminderPayload): void {
  void outbox.enqueue(invitationJob, { invitationId });
  // @ts-expect-error another job's payload
  void outbox.enqueue(invitationJob, { reminderId: invitationId });
  // @ts-expect-error another job's payload, as a value of its type
  void outbox.enqueue(invitationJob, reminder);
  // @ts-expect-error a field of the wrong type
  void outbox.enqueue(reminderJob, { reminderId: 42 });
  // @ts-expect-error the organization is the tenant's, not the caller's to name
  void outbox.enqueue(reminderJob, { organizationId, reminderId: invitationId });
}

/** Type test: account jobs name their user, and the two outboxes take only their own lane's jobs. */
export function accountEnqueueIsTyped(accounts: AccountJobOutbox, tenants: JobOutbox): void {
  const userId = organizationId;
  void accounts.enqueue(resetJob, { userId, resetId: invitationId });
  // @ts-expect-error an account job names its user
  void accounts.enqueue(resetJob, { resetId: invitationId });
  // @ts-expect-error a tenant job does not go through the account outbox
  void accounts.enqueue(invitationJob, { userId, invitationId });
  // @ts-expect-error an account job does not go through the tenant outbox
  void tenants.enqueue(resetJob, { resetId: invitationId });
}

describe(jobKeyOf.name, () => {
  it('names the job, its organization and what the job declares as its key', () => {
    expect(jobKeyOf(invitationJob, { organizationId, invitationId })).toBe(
      `invitation-email.${organizationId}.${invitationId}`,
    );
  });

  it('names an account job by its user instead of an organization', () => {
    expect(jobKeyOf(resetJob, { userId: organizationId, resetId: invitationId })).toBe(
      `password-reset-email.user-${organizationId}.${invitationId}`,
    );
    expect(resetJob.lane).toBe('account');
    expect(invitationJob.lane).toBe('tenant');
  });

  it('refuses a key BullMQ would refuse as a job id', () => {
    const clockJob = defineJob({ ...reminderJob, key: () => '09:00' });
    expect(() => jobKeyOf(clockJob, { organizationId, reminderId: invitationId })).toThrow(
      InvalidJobKeyError,
    );
  });
});
