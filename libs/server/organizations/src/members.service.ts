import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { UserEntity } from '@mentorship/identity';
import { TenantContext } from '@mentorship/platform';
import type { EntityManager } from 'typeorm';
import { MemberPageDto, MemberQueryDto, MemberViewDto } from './dto/organization.dto';
import { MembershipEntity } from './entities/membership.entity';
import { OrganizationsException } from './organizations.exception';

/** Members of the current tenant. Every method runs inside the tenant's transaction. */
@Injectable()
export class MembersService {
  constructor(private readonly audit: AuditService) {}

  async list(query: MemberQueryDto): Promise<MemberPageDto> {
    const builder = this.memberQuery(TenantContext.manager());
    if (query.role) builder.andWhere(':role = ANY(membership.roles)', { role: query.role });
    const total = await builder.getCount();
    const rows = await builder
      // Joined first; people who joined together (an import, the demo seed) by name.
      .orderBy('membership.created_at')
      .addOrderBy('person.display_name')
      .addOrderBy('membership.user_id')
      .offset(query.offset)
      .limit(query.pageSize)
      .getRawMany<RawMember>();
    return { items: rows.map(toMemberView), page: query.page, pageSize: query.pageSize, total };
  }

  async get(userId: string): Promise<MemberViewDto> {
    const row = await this.memberQuery(TenantContext.manager())
      .andWhere('membership.user_id = :userId', { userId })
      .getRawOne<RawMember>();
    if (!row) throw OrganizationsException.memberNotFound();
    return toMemberView(row);
  }

  async changeRoles(actorId: string, userId: string, roles: OrganizationRole[]): Promise<MemberViewDto> {
    const manager = TenantContext.manager();
    const membership = await this.lockMembership(manager, userId);
    if (membership.roles.includes('admin') && !roles.includes('admin'))
      await this.assertAnotherAdmin(manager, userId);
    await manager.update(MembershipEntity, { organizationId: membership.organizationId, userId }, { roles });
    await this.audit.record({
      actorUserId: actorId,
      action: 'member.roles_changed',
      target: { type: 'member', id: userId },
      details: { from: membership.roles, to: roles },
    });
    return this.get(userId);
  }

  async remove(actorId: string, userId: string): Promise<void> {
    const manager = TenantContext.manager();
    const membership = await this.lockMembership(manager, userId);
    if (membership.roles.includes('admin')) await this.assertAnotherAdmin(manager, userId);
    await manager.delete(MembershipEntity, { organizationId: membership.organizationId, userId });
    await this.audit.record({
      actorUserId: actorId,
      action: 'member.removed',
      target: { type: 'member', id: userId },
      details: { roles: membership.roles },
    });
  }

  private memberQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder(MembershipEntity, 'membership')
      .innerJoin(UserEntity, 'person', 'person.id = membership.user_id')
      .select([
        'membership.user_id AS "userId"',
        'person.email AS email',
        'person.display_name AS "displayName"',
        'membership.roles AS roles',
        'membership.created_at AS "joinedAt"',
      ]);
  }

  private async lockMembership(manager: EntityManager, userId: string): Promise<MembershipEntity> {
    const membership = await manager
      .createQueryBuilder(MembershipEntity, 'membership')
      .setLock('pessimistic_write')
      .where('membership.user_id = :userId', { userId })
      .getOne();
    if (!membership) throw OrganizationsException.memberNotFound();
    return membership;
  }

  /** Locks the admins so two concurrent demotions cannot leave the organization with none. */
  private async assertAnotherAdmin(manager: EntityManager, exceptUserId: string): Promise<void> {
    const admins = await manager
      .createQueryBuilder(MembershipEntity, 'membership')
      .setLock('pessimistic_write')
      .where(`'admin' = ANY(membership.roles)`)
      .getMany();
    if (!admins.some((admin) => admin.userId !== exceptUserId)) throw OrganizationsException.lastAdmin();
  }
}

interface RawMember {
  userId: string;
  email: string;
  displayName: string;
  roles: OrganizationRole[];
  joinedAt: Date;
}

function toMemberView(row: RawMember): MemberViewDto {
  return { ...row, joinedAt: new Date(row.joinedAt).toISOString() };
}
