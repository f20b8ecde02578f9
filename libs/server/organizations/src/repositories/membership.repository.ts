import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { UserEntity } from '@mentorship/identity';
import { TenancyService, TenantRepository, type FoundPage, type TenantEntryRead } from '@mentorship/platform';
import { ArrayContains } from 'typeorm';
import { MembershipEntity } from '../entities/membership.entity';
import { OrganizationEntity } from '../entities/organization.entity';

/** A member as lists show them: the membership and the person's name and address. */
export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  roles: OrganizationRole[];
  joinedAt: Date;
}

/** One of the caller's organizations, with the caller's roles in it. */
export interface OwnOrganizationRow {
  id: string;
  name: string;
  roles: OrganizationRole[];
  createdAt: Date;
  lastUsedAt: Date | null;
  deletionScheduledAt: Date | null;
  purgeAfter: Date | null;
}

/** What entering an organization reads about the caller and the organization, in one statement. */
export interface OrganizationEntry {
  /** The caller's roles; null for someone who is not a member. */
  roles: OrganizationRole[] | null;
  /** The organization is scheduled for deletion: closed to its members but for restoring it. */
  scheduledForDeletion: boolean;
}

@Injectable()
export class MembershipRepository extends TenantRepository<MembershipEntity> {
  constructor(private readonly tenancy: TenancyService) {
    super(MembershipEntity);
  }

  /**
   * The caller's roles and whether the organization is scheduled for deletion, read in the
   * statement that enters the tenant (`TenancyService.enterTenant`): null when the organization
   * does not exist. Row security applies as to any tenant read: the tenant is set by then.
   */
  static accessEntry(userId: string): TenantEntryRead {
    return {
      sql: `SELECT json_build_object(
                'roles', (SELECT m.roles FROM memberships m
                           WHERE m.organization_id = tenant.organization_id AND m.user_id = $2),
                'scheduledForDeletion', o.deletion_scheduled_at IS NOT NULL)
              FROM organizations o WHERE o.id = tenant.organization_id`,
      params: [userId],
    };
  }

  /** The person's roles here, or null for someone who is not a member. */
  async rolesOf(userId: string): Promise<OrganizationRole[] | null> {
    return (await this.findOne({ userId }))?.roles ?? null;
  }

  get(userId: string): Promise<MembershipEntity | null> {
    return this.findOne({ userId });
  }

  /** Reads a membership and locks it, so concurrent changes to one member queue up. */
  lock(userId: string): Promise<MembershipEntity | null> {
    return this.findOneForUpdate({ userId });
  }

  /** Locks every admin's membership, so two concurrent demotions cannot leave no admin. */
  lockAdmins(): Promise<MembershipEntity[]> {
    return this.findForUpdate({ roles: ArrayContains(['admin']) });
  }

  add(userId: string, roles: OrganizationRole[], lastUsedAt: Date | null = null): Promise<void> {
    return this.insert({ userId, roles, lastUsedAt });
  }

  /** The member opened the organization now. */
  markUsed(userId: string, at: Date): Promise<void> {
    return this.update({ userId }, { lastUsedAt: at });
  }

  changeRoles(userId: string, roles: OrganizationRole[]): Promise<void> {
    return this.update({ userId }, { roles });
  }

  remove(userId: string): Promise<void> {
    return this.delete({ userId });
  }

  hasMemberWithEmail(email: string): Promise<boolean> {
    return this.query('membership')
      .innerJoin(UserEntity, 'person', 'person.id = membership.user_id')
      .andWhere('person.email = :email', { email })
      .getExists();
  }

  /** The members among people with `emails` (lower-cased), by address. */
  async byEmails(emails: readonly string[]): Promise<Map<string, MemberRow>> {
    const rows = await this.members()
      .andWhere('person.email = ANY(:emails)', { emails })
      .getRawMany<MemberRow>();
    return new Map(rows.map((row) => [row.email, row]));
  }

  /** A page of members, optionally those holding `role`: joined first, people who joined together by name. */
  async page(filter: {
    role?: OrganizationRole;
    offset: number;
    limit: number;
  }): Promise<FoundPage<MemberRow>> {
    const builder = this.members();
    if (filter.role) builder.andWhere(':role = ANY(membership.roles)', { role: filter.role });
    builder
      .orderBy('membership.created_at')
      .addOrderBy('person.display_name')
      .addOrderBy('membership.user_id');
    return this.findPage<MemberRow>(builder, { offset: filter.offset, limit: filter.limit, raw: true });
  }

  async member(userId: string): Promise<MemberRow | null> {
    return (
      (await this.members().andWhere('membership.user_id = :userId', { userId }).getRawOne<MemberRow>()) ??
      null
    );
  }

  /**
   * The person's organizations: the one read across tenants, in a transaction that knows only
   * the person, so row policies bound it to their own memberships.
   */
  organizationsOf(userId: string): Promise<OwnOrganizationRow[]> {
    return this.tenancy.runAsUser(userId, (manager) =>
      manager
        .createQueryBuilder(MembershipEntity, 'membership')
        .innerJoin(OrganizationEntity, 'organization', 'organization.id = membership.organization_id')
        .select([
          'organization.id AS id',
          'organization.name AS name',
          'membership.roles AS roles',
          'organization.created_at AS "createdAt"',
          'membership.last_used_at AS "lastUsedAt"',
          'organization.deletion_scheduled_at AS "deletionScheduledAt"',
          'organization.purge_after AS "purgeAfter"',
        ])
        .andWhere('membership.user_id = :userId', { userId })
        // Scheduled for deletion: gone for everyone but its admins, who may restore it.
        .andWhere(`(organization.deletion_scheduled_at IS NULL OR 'admin' = ANY (membership.roles))`)
        .orderBy('organization.name')
        .addOrderBy('organization.id')
        .getRawMany<OwnOrganizationRow>(),
    );
  }

  private members() {
    return this.query('membership')
      .innerJoin(UserEntity, 'person', 'person.id = membership.user_id')
      .select([
        'membership.user_id AS "userId"',
        'person.email AS email',
        'person.display_name AS "displayName"',
        'membership.roles AS roles',
        'membership.created_at AS "joinedAt"',
      ]);
  }
}
