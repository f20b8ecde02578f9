import { IsUUID } from 'class-validator';
import { AccountJobPayload, defineAccountJob, defineJob, TenantJobPayload } from './job-definition';
import { defineSchedule } from './schedule-definition';

// Jobs as contexts declare them, for the platform's own specs.

export class InvitationPayload extends TenantJobPayload {
  @IsUUID()
  invitationId!: string;
}

export class ReminderPayload extends TenantJobPayload {
  @IsUUID()
  reminderId!: string;
}

export const invitationJob = defineJob({
  name: 'invitation-email',
  queue: 'email',
  payload: InvitationPayload,
  key: (payload) => payload.invitationId,
});

export const reminderJob = defineJob({
  name: 'reminder-due',
  queue: 'reminders',
  payload: ReminderPayload,
  key: (payload) => payload.reminderId,
});

export const rollupJob = defineJob({
  name: 'daily-rollup',
  queue: 'analytics',
  payload: TenantJobPayload,
  key: () => 'today',
});

export class ResetPayload extends AccountJobPayload {
  @IsUUID()
  resetId!: string;
}

export const resetJob = defineAccountJob({
  name: 'password-reset-email',
  queue: 'email',
  payload: ResetPayload,
  key: (payload) => payload.resetId,
});

export const purgeSchedule = defineSchedule({
  name: 'nightly-purge',
  queue: 'maintenance',
  repeat: () => ({ pattern: '0 3 * * *', tz: 'UTC' }),
});
