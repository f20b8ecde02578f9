import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { AppConfig, AuthenticatedUser, TenancyService, TenantContext } from '@mentorship/platform';
import {
  CreateOrganizationDto,
  OrganizationListDto,
  OrganizationViewDto,
  RenameOrganizationDto,
  ScheduleOrganizationDeletionDto,
} from './dto/organization.dto';
import { OrganizationEntity } from './entities/organization.entity';
import { OrganizationsException } from './organizations.exception';
import { OrganizationsAudit } from './organizations.audit';
import { MembershipRepository } from './repositories/membership.repository';
import { OrganizationRepository } from './repositories/organization.repository';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly config: AppConfig,
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
        return {
          id: organizationId,
          name: input.name,
          roles: ['admin'],
          createdAt: at,
          lastUsedAt: at,
          deletion: null,
        };
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
        deletion: deletionOf(row),
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
    return this.viewOf({ ...before, name: input.name });
  }

  /**
   * Admins delete their organization, naming it exactly. It is closed at once to its members
   * (404, gone from their lists) and erased by the purge schedule after the grace period
   * (`ORGANIZATION_DELETION_GRACE_DAYS`); until then an admin can restore it.
   */
  async scheduleDeletion(input: ScheduleOrganizationDeletionDto): Promise<OrganizationViewDto> {
    const organization = await this.organizations.lockCurrent();
    if (input.confirmName !== organization.name) throw OrganizationsException.confirmationMismatch();
    const at = new Date();
    const purgeAfter = new Date(at.getTime() + this.config.organizationDeletionGraceDays * 24 * 3600 * 1000);
    const caller = TenantContext.caller();
    await this.organizations.scheduleDeletion(caller.userId, at, purgeAfter);
    await this.audit.record({
      action: OrganizationsAudit.organizationDeletionScheduled,
      target: { type: 'organization', id: organization.id },
      details: { name: organization.name, purgeAfter: purgeAfter.toISOString() },
    });
    return this.viewOf({ ...organization, deletionScheduledAt: at, purgeAfter });
  }

  /** Until the purge date, an admin takes the deletion back: everything is as it was. */
  async restore(): Promise<OrganizationViewDto> {
    const organization = await this.organizations.lockCurrent();
    if (!organization.purgeAfter) throw OrganizationsException.notScheduledForDeletion();
    if (organization.purgeAfter.getTime() <= Date.now()) throw OrganizationsException.purgeDue();
    await this.organizations.restore();
    await this.audit.record({
      action: OrganizationsAudit.organizationRestored,
      target: { type: 'organization', id: organization.id },
      details: { name: organization.name },
    });
    return this.viewOf({ ...organization, deletionScheduledAt: null, purgeAfter: null });
  }

  private async viewOf(
    organization: Pick<
      OrganizationEntity,
      'id' | 'name' | 'createdAt' | 'deletionScheduledAt' | 'purgeAfter'
    >,
  ): Promise<OrganizationViewDto> {
    const caller = TenantContext.caller();
    const membership = await this.memberships.get(caller.userId);
    return {
      id: organization.id,
      name: organization.name,
      roles: [...caller.roles],
      createdAt: new Date(organization.createdAt).toISOString(),
      lastUsedAt: membership?.lastUsedAt ? new Date(membership.lastUsedAt).toISOString() : null,
      deletion: deletionOf(organization),
    };
  }

  /** The caller opened the organization: it is where they land next time, on any device. */
  async markUsed(): Promise<void> {
    await this.memberships.markUsed(TenantContext.caller().userId, new Date());
  }
}

function deletionOf(row: {
  deletionScheduledAt: Date | null;
  purgeAfter: Date | null;
}): OrganizationViewDto['deletion'] {
  if (!row.deletionScheduledAt || !row.purgeAfter) return null;
  return {
    scheduledAt: new Date(row.deletionScheduledAt).toISOString(),
    purgeAfter: new Date(row.purgeAfter).toISOString(),
  };
}
