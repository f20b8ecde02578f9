import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { AuthenticatedUser, TenancyService, TenantContext } from '@mentorship/platform';
import {
  CreateOrganizationDto,
  OrganizationListDto,
  OrganizationViewDto,
  RenameOrganizationDto,
} from './dto/organization.dto';
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
        const now = new Date();
        await this.organizations.create(input.name, now);
        // Created is used: the creator lands on it next time.
        await this.memberships.add(creator.id, ['admin'], now);
        await this.audit.record({
          action: OrganizationsAudit.organizationCreated,
          target: { type: 'organization', id: organizationId },
          details: { name: input.name },
        });
        const at = now.toISOString();
        return { id: organizationId, name: input.name, roles: ['admin'], createdAt: at, lastUsedAt: at };
      },
      caller,
    );
  }

  /** The caller's organizations, each with the caller's roles in it. */
  async listMine(userId: string): Promise<OrganizationListDto> {
    const rows = await this.memberships.organizationsOf(userId);
    return {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        roles: row.roles,
        createdAt: new Date(row.createdAt).toISOString(),
        lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
      })),
    };
  }

  /** Admins rename their organization; members see the new name at once. */
  async rename(input: RenameOrganizationDto): Promise<OrganizationViewDto> {
    const before = await this.organizations.current();
    if (before.name !== input.name) {
      await this.organizations.rename(input.name);
      await this.audit.record({
        action: OrganizationsAudit.organizationRenamed,
        target: { type: 'organization', id: before.id },
        details: { from: before.name, to: input.name },
      });
    }
    const caller = TenantContext.caller();
    const membership = await this.memberships.get(caller.userId);
    return {
      id: before.id,
      name: input.name,
      roles: [...caller.roles],
      createdAt: new Date(before.createdAt).toISOString(),
      lastUsedAt: membership?.lastUsedAt ? new Date(membership.lastUsedAt).toISOString() : null,
    };
  }

  /** The caller opened the organization: it is where they land next time, on any device. */
  async markUsed(): Promise<void> {
    await this.memberships.markUsed(TenantContext.caller().userId, new Date());
  }
}
