import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { pageOf, TenantContext } from '@mentorship/platform';
import { MemberPageDto, MemberQueryDto, MemberViewDto } from './dto/organization.dto';
import type { MembershipEntity } from './entities/membership.entity';
import { MemberDepartures } from './member-departures.service';
import { OrganizationsAudit } from './organizations.audit';
import { OrganizationsException } from './organizations.exception';
import { MemberRow, MembershipRepository } from './repositories/membership.repository';

/** Members of the current tenant. Every method runs inside the tenant's transaction. */
@Injectable()
export class MembersService {
  constructor(
    private readonly audit: AuditService,
    private readonly memberships: MembershipRepository,
    private readonly departures: MemberDepartures,
  ) {}

  async list(query: MemberQueryDto): Promise<MemberPageDto> {
    const found = await this.memberships.page({
      role: query.role,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, toMemberView);
  }

  async get(userId: string): Promise<MemberViewDto> {
    const row = await this.memberships.member(userId);
    if (!row) throw OrganizationsException.memberNotFound();
    return toMemberView(row);
  }

  /** The members among `emails` (lower-cased), by address: for other contexts that know people by address. */
  async byEmails(emails: readonly string[]): Promise<Map<string, MemberViewDto>> {
    const rows = await this.memberships.byEmails(emails);
    return new Map([...rows].map(([email, row]) => [email, toMemberView(row)]));
  }

  async changeRoles(userId: string, roles: OrganizationRole[]): Promise<MemberViewDto> {
    const membership = await this.lockMember(userId);
    if (membership.roles.includes('admin') && !roles.includes('admin')) await this.assertAnotherAdmin(userId);
    await this.memberships.changeRoles(userId, roles);
    await this.audit.record({
      action: OrganizationsAudit.memberRolesChanged,
      target: { type: 'member', id: userId },
      details: { from: membership.roles, to: roles },
    });
    return this.get(userId);
  }

  remove(userId: string): Promise<void> {
    return this.removeMember(userId, OrganizationsAudit.memberRemoved);
  }

  /** The caller leaves the organization; its last admin cannot (409 `last_admin`). */
  leave(): Promise<void> {
    return this.removeMember(TenantContext.caller().userId, OrganizationsAudit.memberLeft);
  }

  /** Removed or gone of their own accord, a member leaves alike; only the audit action differs. */
  private async removeMember(
    userId: string,
    action: typeof OrganizationsAudit.memberRemoved | typeof OrganizationsAudit.memberLeft,
  ): Promise<void> {
    const membership = await this.lockMember(userId);
    if (membership.roles.includes('admin')) await this.assertAnotherAdmin(userId);
    await this.departures.announce(userId);
    await this.memberships.remove(userId);
    await this.audit.record({
      action,
      target: { type: 'member', id: userId },
      details: { roles: membership.roles },
    });
  }

  private async lockMember(userId: string): Promise<MembershipEntity> {
    const membership = await this.memberships.lock(userId);
    if (!membership) throw OrganizationsException.memberNotFound();
    return membership;
  }

  /** The admins stay locked until the transaction ends: concurrent demotions cannot leave none. */
  private async assertAnotherAdmin(exceptUserId: string): Promise<void> {
    const admins = await this.memberships.lockAdmins();
    if (!admins.some((admin) => admin.userId !== exceptUserId)) throw OrganizationsException.lastAdmin();
  }
}

function toMemberView(row: MemberRow): MemberViewDto {
  return { ...row, joinedAt: new Date(row.joinedAt).toISOString() };
}
