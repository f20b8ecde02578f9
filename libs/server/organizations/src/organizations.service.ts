import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { AuthenticatedUser, TenancyService } from '@mentorship/platform';
import { CreateOrganizationDto, OrganizationListDto, OrganizationViewDto } from './dto/organization.dto';
import { OrganizationsAudit } from './organizations.audit';
import { MembershipRepository } from './repositories/membership.repository';
import { OrganizationRepository } from './repositories/organization.repository';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /** The creator becomes the organization's first admin, in the same transaction. */
  async create(creator: AuthenticatedUser, input: CreateOrganizationDto): Promise<OrganizationViewDto> {
    const organizationId = randomUUID();
    const caller = { userId: creator.id, email: creator.email, roles: ['admin' as const] };
    return this.tenancy.runInTenant(
      organizationId,
      async () => {
        await this.organizations.create(input.name);
        await this.memberships.add(creator.id, ['admin']);
        await this.audit.record({
          action: OrganizationsAudit.organizationCreated,
          target: { type: 'organization', id: organizationId },
          details: { name: input.name },
        });
        return { id: organizationId, name: input.name, roles: ['admin'] };
      },
      caller,
    );
  }

  /** The caller's organizations, each with the caller's roles in it. */
  async listMine(userId: string): Promise<OrganizationListDto> {
    return { items: await this.memberships.organizationsOf(userId) };
  }
}
