/** Every queue, by name. DESIGN.md: reminders, analytics, matching, email. */
export enum QueueName {
  Email = 'email',
  Reminders = 'reminders',
  Analytics = 'analytics',
  Matching = 'matching',
}

/** Every job, by name; the worker refuses to start unless each has exactly one handler. */
export enum JobName {
  InvitationEmail = 'invitation-email',
}

/** Which queue carries which job. */
export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.InvitationEmail]: QueueName.Email,
};

/** Every job payload names its organization: the worker restores the tenant from it. */
export interface TenantJobPayload {
  organizationId: string;
}
