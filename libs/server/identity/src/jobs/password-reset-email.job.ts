import { Injectable } from '@nestjs/common';
import { EmailDeliveryService } from '@mentorship/notifications';
import {
  AccountJobHandler,
  AccountJobPayload,
  AccountJobRun,
  defineAccountJob,
  HandlesJob,
} from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { PasswordResetLinks } from '../password-reset-link.service';
import { PasswordResetRepository } from '../repositories/password-reset.repository';
import { UserRepository } from '../repositories/user.repository';

/** How long an emailed reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

export class PasswordResetEmailPayload extends AccountJobPayload {
  @IsUUID()
  resetId!: string;
}

/** One email per reset link: an account job, since a person resets a password outside any organization. */
export const passwordResetEmailJob = defineAccountJob({
  name: 'password-reset-email',
  queue: 'email',
  payload: PasswordResetEmailPayload,
  key: (payload) => payload.resetId,
});

/** Emails the reset link, unless it was used up or expired before the worker got to it. */
@Injectable()
@HandlesJob(passwordResetEmailJob)
export class PasswordResetEmailJob implements AccountJobHandler<PasswordResetEmailPayload> {
  constructor(
    private readonly email: EmailDeliveryService,
    private readonly resets: PasswordResetRepository,
    private readonly users: UserRepository,
    private readonly links: PasswordResetLinks,
  ) {}

  async handle(payload: PasswordResetEmailPayload, run: AccountJobRun): Promise<void> {
    await this.email.sendOnceToAccount(run, payload.userId, async () => {
      const reset = await this.resets.get(payload.resetId);
      if (
        !reset ||
        reset.userId !== payload.userId ||
        reset.usedAt ||
        reset.expiresAt.getTime() <= Date.now()
      )
        return null;
      const user = await this.users.findById(payload.userId);
      if (!user) return null;
      return {
        to: user.email,
        subject: 'Reset your Mentorship Map password',
        text: [
          `Someone (hopefully you) asked to reset the password of ${user.email} on Mentorship Map.`,
          '',
          `Choose a new password: ${this.links.urlOf(reset.id)}`,
          '',
          `The link works once, for ${PASSWORD_RESET_TTL_MINUTES} minutes. If you did not ask, ignore this email: your password stays as it is.`,
        ].join('\n'),
      };
    });
  }
}
