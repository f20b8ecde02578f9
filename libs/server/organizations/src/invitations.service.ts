import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { invitableRoles, type OrganizationRole } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { normalizeEmail } from '@mentorship/identity';
import { AppConfig, JobOutbox, pageOf, TenancyService, TenantContext } from '@mentorship/platform';
import {
  InvitationPageDto,
  InvitationPreviewDto,
  InvitationQueryDto,
  InvitationViewDto,
  InviteMemberDto,
  MemberViewDto,
} from './dto/organization.dto';
import type { InvitationEntity } from './entities/invitation.entity';
import { InvitationTokens } from './invitation-tokens.service';
import { invitationEmailJob } from './jobs/invitation-email.job';
import { MembersService } from './members.service';
import { OrganizationsAudit } from './organizations.audit';
import { OrganizationsException } from './organizations.exception';
import { InvitationRepository } from './repositories/invitation.repository';
import { MembershipRepository } from './repositories/membership.repository';

type Invitation = Omit<InvitationEntity, 'organizationId'>;

@Injectable()
export class InvitationsService {
  constructor(
    private readonly config: AppConfig,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
    private readonly tokens: InvitationTokens,
    private readonly members: MembersService,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /** Records the invitation and, in the same transaction, its email job. */
  async invite(input: InviteMemberDto): Promise<InvitationViewDto> {
    assertMayOffer(input.roles);
    if (await this.memberships.hasMemberWithEmail(input.email)) throw OrganizationsException.alreadyMember();

    const invitation: Invitation = {
      id: randomUUID(),
      email: input.email,
      roles: input.roles,
      status: 'pending',
      invitedBy: TenantContext.caller().userId,
      expiresAt: new Date(Date.now() + this.config.invitationTtlDays * 24 * 3600 * 1000),
      acceptedAt: null,
      acceptedBy: null,
      createdAt: new Date(),
    };
    if (!(await this.invitations.addPending(invitation))) throw OrganizationsException.invitationPending();
    await this.audit.record({
      action: OrganizationsAudit.invitationCreated,
      target: { type: 'invitation', id: invitation.id },
      details: { email: input.email, roles: input.roles },
    });
    await this.outbox.enqueue(invitationEmailJob, { invitationId: invitation.id });
    return toInvitationView(invitation);
  }

  /**
   * Invites, in one go, the people of `invitees` who are neither members nor invited yet (for
   * other contexts, e.g. a participant import); each gets the invitation email once committed.
   * Answers the addresses invited now.
   */
  async inviteMany(invitees: { email: string; roles: OrganizationRole[] }[]): Promise<string[]> {
    if (invitees.length === 0) return [];
    const members = await this.memberships.byEmails(invitees.map((invitee) => invitee.email));
    const candidates = invitees
      .filter((invitee) => !members.has(invitee.email))
      .map((invitee) => ({ id: randomUUID(), ...invitee }));
    const ids = new Set(
      await this.invitations.addPendingMany({
        invitedBy: TenantContext.caller().userId,
        expiresAt: new Date(Date.now() + this.config.invitationTtlDays * 24 * 3600 * 1000),
        invitees: candidates,
      }),
    );
    const invited = candidates.filter((candidate) => ids.has(candidate.id));
    if (invited.length === 0) return [];
    await this.audit.record({
      action: OrganizationsAudit.invitationsCreated,
      target: { type: 'organization', id: TenantContext.organizationId() },
      details: { count: invited.length, emails: invited.map((invitee) => invitee.email) },
    });
    for (const invitee of invited)
      await this.outbox.enqueue(invitationEmailJob, { invitationId: invitee.id });
    return invited.map((invitee) => invitee.email);
  }

  async list(query: InvitationQueryDto): Promise<InvitationPageDto> {
    const found = await this.invitations.page({
      status: query.status,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, toInvitationView);
  }

  async revoke(invitationId: string): Promise<void> {
    // A coordinator may withdraw what a coordinator may offer; an admin's admin invitation stays.
    const grantable = invitableRoles(TenantContext.caller().roles);
    const email = await this.invitations.revokePending(invitationId, grantable);
    if (email === null) {
      // Nothing was revoked: say why (rarely taken, so it costs the common case nothing).
      const invitation = await this.invitations.get(invitationId);
      if (!invitation) throw OrganizationsException.invitationNotFound();
      assertMayOffer(invitation.roles);
      throw OrganizationsException.invitationUsed();
    }
    await this.audit.record({
      action: OrganizationsAudit.invitationRevoked,
      target: { type: 'invitation', id: invitationId },
      details: { email },
    });
  }

  /**
   * What the invitation page names before anyone signs in: the organization, who invited and
   * the roles offered. The signed token is the only key, so it reveals nothing to anyone
   * without the link; a forged, withdrawn or unknown invitation is 404.
   */
  async preview(organizationId: string, token: string): Promise<InvitationPreviewDto> {
    const invitationId = this.tokens.verify(organizationId, token);
    if (!invitationId) throw OrganizationsException.invitationNotFound();
    const found = await this.tenancy.runInTenant(organizationId, () =>
      this.invitations.preview(invitationId),
    );
    if (!found || found.status === 'revoked') throw OrganizationsException.invitationNotFound();
    return {
      organizationName: found.organizationName,
      invitedBy: found.invitedBy,
      roles: found.roles,
      status: statusNow(found.status, found.expiresAt),
      expiresAt: found.expiresAt.toISOString(),
    };
  }

  /** The caller joins with the invited roles; the token must be for this organization and the caller's address. */
  async accept(token: string): Promise<MemberViewDto> {
    const invitee = TenantContext.caller();
    const invitationId = this.tokens.verify(TenantContext.organizationId(), token);
    if (!invitationId) throw OrganizationsException.invitationNotFound();
    const invitation = await this.invitations.lock(invitationId);
    if (!invitation || invitation.email !== normalizeEmail(invitee.email))
      throw OrganizationsException.invitationNotFound();
    if (invitation.status !== 'pending') throw OrganizationsException.invitationUsed();
    if (invitation.expiresAt.getTime() <= Date.now()) throw OrganizationsException.invitationExpired();

    const existing = await this.memberships.lock(invitee.userId);
    if (existing) {
      const roles = [...new Set([...existing.roles, ...invitation.roles])];
      await this.memberships.changeRoles(invitee.userId, roles);
    } else {
      await this.memberships.add(invitee.userId, invitation.roles);
    }
    await this.invitations.markAccepted(invitation.id, invitee.userId);
    await this.audit.record({
      action: OrganizationsAudit.invitationAccepted,
      target: { type: 'invitation', id: invitation.id },
      details: { roles: invitation.roles },
    });
    return this.members.get(invitee.userId);
  }
}

/** Coordinators bring in mentors and mentees; only admins hand out admin or coordinator. */
function assertMayOffer(roles: readonly OrganizationRole[]): void {
  const grantable = invitableRoles(TenantContext.caller().roles);
  if (!roles.every((role) => grantable.includes(role)))
    throw OrganizationsException.roleNotGrantable(grantable);
}

/** An invitation's status as of now: pending past its date counts as expired. */
function statusNow<S extends Invitation['status']>(status: S, expiresAt: Date): S | 'expired' {
  return status === 'pending' && expiresAt.getTime() <= Date.now() ? 'expired' : status;
}

function toInvitationView(invitation: Invitation): InvitationViewDto {
  return {
    id: invitation.id,
    email: invitation.email,
    roles: invitation.roles,
    status: statusNow(invitation.status, invitation.expiresAt),
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: new Date(invitation.createdAt).toISOString(),
  };
}
