import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { TenancyService, TenantContext } from '@mentorship/platform';
import { CreateOrganizationDto, OrganizationViewDto } from './dto/organization.dto';
import { MembershipEntity } from './entities/membership.entity';
import { OrganizationEntity } from './entities/organization.entity';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  /** The creator becomes the organization's first admin, in the same transaction. */
  async create(creatorId: string, input: CreateOrganizationDto): Promise<OrganizationViewDto> {
    const organizationId = randomUUID();
    return this.tenancy.runInTenant(organizationId, async () => {
      const manager = TenantContext.manager();
      await manager.insert(OrganizationEntity, { id: organizationId, name: input.name });
      await manager.insert(MembershipEntity, { organizationId, userId: creatorId, roles: ['admin'] });
      await this.audit.record({
        actorUserId: creatorId,
        action: 'organization.created',
        target: { type: 'organization', id: organizationId },
        details: { name: input.name },
      });
      return { id: organizationId, name: input.name, roles: ['admin'] };
    });
  }

  /** The caller's organizations: the one read across tenants, bounded by row policies to their own memberships. */
  listMine(userId: string): Promise<{ items: OrganizationViewDto[] }> {
    return this.tenancy.runAsUser(userId, async (manager) => {
      const rows = await manager
        .createQueryBuilder(MembershipEntity, 'membership')
        .innerJoin(OrganizationEntity, 'organization', 'organization.id = membership.organization_id')
        .select(['organization.id AS id', 'organization.name AS name', 'membership.roles AS roles'])
        .where('membership.user_id = :userId', { userId })
        .orderBy('organization.name')
        .addOrderBy('organization.id')
        .getRawMany<OrganizationViewDto>();
      return { items: rows };
    });
  }
}
