import { Injectable } from '@nestjs/common';
import { EmailDeliveryService } from '@mentorship/notifications';
import { defineJob, HandlesJob, JobHandler, JobRun, TenantJobPayload } from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { InvitationTokens } from '../invitation-tokens.service';
import { InvitationRepository } from '../repositories/invitation.repository';
import { OrganizationRepository } from '../repositories/organization.repository';

export class InvitationEmailPayload extends TenantJobPayload {
  @IsUUID()
  invitationId!: string;
}

/** One invitation email per invitation, however often it is enqueued. */
export const invitationEmailJob = defineJob({
  name: 'invitation-email',
  queue: 'email',
  payload: InvitationEmailPayload,
  key: (payload) => payload.invitationId,
});

/** Emails the invitation link. Runs in the worker, in the invitation's organization. */
@Injectable()
@HandlesJob(invitationEmailJob)
export class InvitationEmailJob implements JobHandler<InvitationEmailPayload> {
  constructor(
    private readonly email: EmailDeliveryService,
    private readonly tokens: InvitationTokens,
    private readonly invitations: InvitationRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  async handle(payload: InvitationEmailPayload, run: JobRun): Promise<void> {
    await this.email.sendOnce(run, async () => {
      const invitation = await this.invitations.get(payload.invitationId);
      // Accepted or revoked meanwhile: nothing to send.
      if (!invitation || invitation.status !== 'pending') return null;
      const organization = await this.organizations.current();
      const link = this.tokens.acceptUrl(payload.organizationId, invitation.id);
      return {
        to: invitation.email,
        subject: `You are invited to ${organization.name} on Mentorship Map`,
        text: [
          `You have been invited to join ${organization.name} as ${invitation.roles.join(', ')}.`,
          '',
          `Accept the invitation: ${link}`,
          '',
          `The link works until ${invitation.expiresAt.toUTCString()}.`,
        ].join('\n'),
      };
    });
  }
}
