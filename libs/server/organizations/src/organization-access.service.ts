import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import {
  AuthenticatedUser,
  RequestTenant,
  TenancyService,
  TenantVersions,
  type AccessPolicy,
  type EnteredTenantRoute,
} from '@mentorship/platform';
import { OrganizationsException } from './organizations.exception';
import { MembershipRepository, OrganizationEntry } from './repositories/membership.repository';

/** An organization entered for a person: their place in it, and its open transaction. */
export interface EnteredOrganization extends EnteredTenantRoute {
  readonly tenant: RequestTenant;
}

export type OrganizationPolicy = Extract<AccessPolicy, { kind: 'org-member' | 'org-invitee' }>;

/** A member's entry kept for routes without a transaction, under the version read before it. */
interface KeptEntry {
  version: string;
  expiresAt: number;
  entry: OrganizationEntry;
}

/** Members' entries a process keeps (the least recently used goes first). */
const KEPT_ENTRIES = 50_000;
/** A kept entry is read again after this even with the version unchanged (a bump lost in a crash). */
const KEPT_ENTRY_MS = 5 * 60_000;

/**
 * The one way into an organization, for requests (the interceptor) and for anything else
 * acting for a person (the demo seed). It opens the organization's one transaction and in it:
 * - accepts the organization only with a membership of the person (404 otherwise, so another
 *   organization's existence is never disclosed), then checks the roles (403: a member may
 *   know their own organization exists); an invitee needs no membership yet;
 * - runs `work` for the person (`TenantContext.caller()`: user, email, roles here).
 * An organization scheduled for deletion answers 404 like one the person cannot see, except on
 * the routes that say `duringScheduledDeletion` (restoring it).
 */
@Injectable()
export class OrganizationAccessService {
  private readonly kept = new Map<string, KeptEntry>();

  constructor(
    private readonly tenancy: TenancyService,
    private readonly memberships: MembershipRepository,
    private readonly versions: TenantVersions,
  ) {}

  async enter<T>(
    organizationId: string,
    user: AuthenticatedUser,
    policy: OrganizationPolicy,
    work: () => Promise<T>,
    options: { duringScheduledDeletion?: boolean } = {},
  ): Promise<T> {
    return (await this.open(organizationId, user, policy, options)).run(work);
  }

  /**
   * `enter` in two steps, for a route's guard: the organization is entered (or refused, and
   * rolled back) now; `run` does the work in it and commits, `abandon` rolls back, once.
   */
  async open(
    organizationId: string,
    user: AuthenticatedUser,
    policy: OrganizationPolicy,
    options: { duringScheduledDeletion?: boolean } = {},
  ): Promise<EnteredOrganization> {
    // The membership is read in the statement that sets the tenant: one round trip for both.
    const entry = MembershipRepository.accessEntry(user.id);
    const opened = await this.tenancy.openTenant<OrganizationEntry>(organizationId, entry);
    let roles: OrganizationRole[];
    try {
      roles = this.admitted(opened.entered, policy, options);
    } catch (refusal) {
      await opened.abandon();
      throw refusal;
    }
    const caller = { userId: user.id, email: user.email, roles };
    return {
      tenant: { organizationId, roles },
      run: (work) => opened.complete(work, caller),
      abandon: () => opened.abandon(),
    };
  }

  /**
   * `open` for a route without a transaction (`WithoutRouteTransaction`): the same admission,
   * from the caller's entry kept in memory while the organization's change version is the one
   * it was read under (any write of the organization, a membership removed or changed among
   * them, moves it before it answers) and for about `KEPT_ENTRY_MS`; otherwise read from
   * Postgres in a statement of its own. Only admissions are kept: a refusal is read every time.
   * Redis down: read every time, nothing kept. The work runs in the tenant's scope, with no
   * transaction.
   */
  async openWithoutTransaction(
    organizationId: string,
    user: AuthenticatedUser,
    policy: OrganizationPolicy,
    options: { duringScheduledDeletion?: boolean } = {},
  ): Promise<EnteredOrganization> {
    const roles = this.admitted(await this.entryOf(organizationId, user.id), policy, options);
    const caller = { userId: user.id, email: user.email, roles };
    return {
      tenant: { organizationId, roles },
      run: (work) => this.tenancy.withoutTransaction(organizationId, work, caller),
      abandon: () => Promise.resolve(),
    };
  }

  private async entryOf(organizationId: string, userId: string): Promise<OrganizationEntry | null> {
    const key = `${organizationId}:${userId}`;
    // Read before Postgres: a write committed meanwhile leaves the version moved, not the entry trusted.
    const version = await this.versions.current(organizationId).catch(() => null);
    const kept = this.kept.get(key);
    this.kept.delete(key);
    if (kept && version !== null && kept.version === version && Date.now() < kept.expiresAt) {
      this.kept.set(key, kept);
      return kept.entry;
    }
    const [row] = await this.tenancy.statementInTenant<{ entry: OrganizationEntry | null }>(
      organizationId,
      MembershipRepository.accessStatement(userId),
    );
    const entry = row?.entry ?? null;
    if (version !== null && entry?.roles) {
      // Give or take a fifth: entries read together do not all run out in the same second.
      const expiresAt = Date.now() + KEPT_ENTRY_MS * (0.8 + Math.random() * 0.4);
      this.kept.set(key, { version, expiresAt, entry });
      if (this.kept.size > KEPT_ENTRIES) this.kept.delete(this.kept.keys().next().value as string);
    }
    return entry;
  }

  /** The caller's roles once admitted; 404 (not found, not a member, scheduled for deletion) or 403 otherwise. */
  private admitted(
    found: OrganizationEntry | null,
    policy: OrganizationPolicy,
    options: { duringScheduledDeletion?: boolean },
  ): OrganizationRole[] {
    const roles = policy.kind === 'org-invitee' ? [] : found?.roles;
    if (!roles) throw OrganizationsException.organizationNotFound();
    const roleMissing =
      policy.kind === 'org-member' &&
      policy.roles.length > 0 &&
      !policy.roles.some((role) => roles.includes(role));
    // Scheduled for deletion: only those the route admits see it still, everyone else 404.
    if (found?.scheduledForDeletion && (!options.duringScheduledDeletion || roleMissing))
      throw OrganizationsException.organizationNotFound();
    if (roleMissing) throw OrganizationsException.forbiddenRole(policy.roles);
    return roles;
  }
}
