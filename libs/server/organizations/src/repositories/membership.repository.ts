import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { UserEntity } from '@mentorship/identity';
import {
  TenancyService,
  TenantRepository,
  type FoundPage,
  type TenantEntryRead,
  type TenantStatement,
} from '@mentorship/platform';
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

/**
 * The hot statements of the members routes, as raw text (`$1` the tenant's organization id):
 * TypeORM's query builders rebuilt and re-escaped them on every call (a regular expression per
 * column in `replacePropertyNamesForTheWholeQuery`), 420 µs of CPU per role change and 180 µs
 * per members page under the request-path bench. A fixed text is also one plan Postgres can cache.
 */
const MEMBER_COLUMNS = `membership.user_id AS "userId", person.email AS email,
       person.display_name AS "displayName", membership.roles AS roles, membership.created_at AS "joinedAt"
  FROM memberships membership JOIN users person ON person.id = membership.user_id
 WHERE membership.organization_id = $1`;
const MEMBER = `SELECT ${MEMBER_COLUMNS} AND membership.user_id = $2`;
const MEMBERS = `SELECT ${MEMBER_COLUMNS}`;
const MEMBERS_IN_ROLE = `SELECT ${MEMBER_COLUMNS} AND $2::text = ANY (membership.roles)`;
/** Joined first, people who joined together by name (the page reads the list as `listed`). */
const MEMBERS_ORDER = `listed."joinedAt", listed."displayName", listed."userId"`;
const MEMBERSHIP_COLUMNS = `organization_id AS "organizationId", user_id AS "userId", roles,
       created_at AS "createdAt", last_used_at AS "lastUsedAt"`;
const LOCK_MEMBERSHIP = `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships
 WHERE organization_id = $1 AND user_id = $2 FOR UPDATE`;
const CHANGE_ROLES = `UPDATE memberships SET roles = $3 WHERE organization_id = $1 AND user_id = $2`;

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

  /**
   * `accessEntry` as a statement of its own (`TenancyService.statementInTenant`: one round trip,
   * no transaction left open), for a route whose guard opens no transaction: one row, `entry`.
   */
  static accessStatement(userId: string): TenantStatement {
    const entry = MembershipRepository.accessEntry(userId);
    return {
      sql: `SELECT (${entry.sql}) AS entry FROM (SELECT $1::uuid AS organization_id) AS tenant`,
      params: entry.params,
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
  async lock(userId: string): Promise<MembershipEntity | null> {
    const [row] = await this.sql<MembershipEntity>(LOCK_MEMBERSHIP, [userId]);
    return row ?? null;
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

  async changeRoles(userId: string, roles: OrganizationRole[]): Promise<void> {
    await this.sql(CHANGE_ROLES, [userId, roles]);
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
  page(filter: { role?: OrganizationRole; offset: number; limit: number }): Promise<FoundPage<MemberRow>> {
    const list = filter.role
      ? { select: MEMBERS_IN_ROLE, params: [filter.role], orderBy: MEMBERS_ORDER }
      : { select: MEMBERS, orderBy: MEMBERS_ORDER };
    return this.findPage<MemberRow>(list, { offset: filter.offset, limit: filter.limit });
  }

  async member(userId: string): Promise<MemberRow | null> {
    const [row] = await this.sql<MemberRow>(MEMBER, [userId]);
    return row ?? null;
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
