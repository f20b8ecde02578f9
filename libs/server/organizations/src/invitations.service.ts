import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { UserEntity } from '@mentorship/identity';
import {
  AppConfig,
  AuthenticatedUser,
  JobName,
  JobQueueService,
  TenantContext,
  jobIds,
} from '@mentorship/platform';
import { QueryFailedError } from 'typeorm';
import {
  InvitationPageDto,
  InvitationQueryDto,
  InvitationViewDto,
  InviteMemberDto,
  MemberViewDto,
} from './dto/organization.dto';
import { InvitationEntity } from './entities/invitation.entity';
import { MembershipEntity } from './entities/membership.entity';
import { InvitationTokens } from './invitation-token';
import type { InvitationEmailPayload } from './jobs/invitation-email.job';
import { MembersService } from './members.service';
import { OrganizationsException } from './organizations.exception';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobQueueService,
    private readonly tokens: InvitationTokens,
    private readonly members: MembersService,
  ) {}

  /** Records the invitation and, once committed, queues its email. */
  async invite(actorId: string, input: InviteMemberDto): Promise<InvitationViewDto> {
    const manager = TenantContext.manager();
    const organizationId = TenantContext.organizationId();
    const existingMember = await manager
      .createQueryBuilder(MembershipEntity, 'membership')
      .innerJoin(UserEntity, 'person', 'person.id = membership.user_id')
      .where('person.email = :email', { email: input.email })
      .getExists();
    if (existingMember) throw OrganizationsException.alreadyMember();

    const invitation: InvitationEntity = Object.assign(new InvitationEntity(), {
      organizationId,
      id: randomUUID(),
      email: input.email,
      roles: input.roles,
      status: 'pending',
      invitedBy: actorId,
      expiresAt: new Date(Date.now() + this.config.invitationTtlDays * 24 * 3600 * 1000),
      acceptedAt: null,
      acceptedBy: null,
      createdAt: new Date(),
    });
    try {
      // A savepoint, so a duplicate does not abort the whole request's transaction.
      await manager.transaction((inner) => inner.insert(InvitationEntity, invitation));
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw OrganizationsException.invitationPending();
      }
      throw error;
    }
    await this.audit.record({
      actorUserId: actorId,
      action: 'invitation.created',
      target: { type: 'invitation', id: invitation.id },
      details: { email: input.email, roles: input.roles },
    });
    const payload: InvitationEmailPayload = { organizationId, invitationId: invitation.id };
    TenantContext.afterCommit(() =>
      this.jobs.enqueue(
        JobName.InvitationEmail,
        payload,
        jobIds.invitationEmail(organizationId, invitation.id),
      ),
    );
    return toInvitationView(invitation);
  }

  /** Newest first; `expired` is a pending invitation past its date, so the filter says so in SQL too. */
  async list(query: InvitationQueryDto): Promise<InvitationPageDto> {
    const builder = TenantContext.manager().createQueryBuilder(InvitationEntity, 'invitation');
    if (query.status === 'pending')
      builder.where(`invitation.status = 'pending' AND invitation.expires_at > now()`);
    if (query.status === 'expired')
      builder.where(`invitation.status = 'pending' AND invitation.expires_at <= now()`);
    if (query.status === 'accepted' || query.status === 'revoked') {
      builder.where('invitation.status = :status', { status: query.status });
    }
    const [rows, total] = await builder
      .orderBy('invitation.created_at', 'DESC')
      .addOrderBy('invitation.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toInvitationView), page: query.page, pageSize: query.pageSize, total };
  }

  async revoke(actorId: string, invitationId: string): Promise<void> {
    const manager = TenantContext.manager();
    const invitation = await manager
      .createQueryBuilder(InvitationEntity, 'invitation')
      .setLock('pessimistic_write')
      .where('invitation.id = :invitationId', { invitationId })
      .getOne();
    if (!invitation) throw OrganizationsException.invitationNotFound();
    if (invitation.status !== 'pending') throw OrganizationsException.invitationUsed();
    await manager.update(
      InvitationEntity,
      { organizationId: invitation.organizationId, id: invitationId },
      { status: 'revoked' },
    );
    await this.audit.record({
      actorUserId: actorId,
      action: 'invitation.revoked',
      target: { type: 'invitation', id: invitationId },
      details: { email: invitation.email },
    });
  }

  /** The invitee joins with the invited roles; the token must be for this organization and this person's address. */
  async accept(invitee: AuthenticatedUser, token: string): Promise<MemberViewDto> {
    const manager = TenantContext.manager();
    const organizationId = TenantContext.organizationId();
    const invitationId = this.tokens.verify(organizationId, token);
    if (!invitationId) throw OrganizationsException.invitationNotFound();
    const invitation = await manager
      .createQueryBuilder(InvitationEntity, 'invitation')
      .setLock('pessimistic_write')
      .where('invitation.id = :invitationId', { invitationId })
      .getOne();
    if (!invitation || invitation.email !== invitee.email.toLowerCase())
      throw OrganizationsException.invitationNotFound();
    if (invitation.status !== 'pending') throw OrganizationsException.invitationUsed();
    if (invitation.expiresAt.getTime() <= Date.now()) throw OrganizationsException.invitationExpired();

    const existing = await manager.findOneBy(MembershipEntity, { userId: invitee.id });
    if (existing) {
      const roles = [...new Set([...existing.roles, ...invitation.roles])];
      await manager.update(MembershipEntity, { organizationId, userId: invitee.id }, { roles });
    } else {
      await manager.insert(MembershipEntity, { organizationId, userId: invitee.id, roles: invitation.roles });
    }
    await manager.update(
      InvitationEntity,
      { organizationId, id: invitation.id },
      { status: 'accepted', acceptedAt: new Date(), acceptedBy: invitee.id },
    );
    await this.audit.record({
      actorUserId: invitee.id,
      action: 'invitation.accepted',
      target: { type: 'invitation', id: invitation.id },
      details: { roles: invitation.roles },
    });
    return this.members.get(invitee.id);
  }
}

function toInvitationView(invitation: InvitationEntity): InvitationViewDto {
  const expired = invitation.status === 'pending' && invitation.expiresAt.getTime() <= Date.now();
  return {
    id: invitation.id,
    email: invitation.email,
    roles: invitation.roles,
    status: expired ? 'expired' : invitation.status,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: new Date(invitation.createdAt).toISOString(),
  };
}
