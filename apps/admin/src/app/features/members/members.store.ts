import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type InvitationView,
  type InviteMemberRequest,
  type MemberView,
  type OrganizationRole,
  type Page,
} from '@mentorship/contracts';
import { EMPTY, Observable, catchError, filter, finalize, switchMap, tap } from 'rxjs';
import { ApiClient, type MemberQuery } from '../../core/api/api-client';
import { ErrorNotifier } from '../../core/errors/error-notifier';

interface MembersRequest {
  orgId: string;
  query: MemberQuery;
  /** Bumped to load the same page again after a change. */
  version: number;
}

/** The members page's state: one page of members, the role filter, and pending invitations. */
@Injectable()
export class MembersStore {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(ErrorNotifier);

  private readonly orgId = signal<string | null>(null);
  private readonly version = signal(0);
  readonly query = signal<MemberQuery>({ page: 1, pageSize: DEFAULT_PAGE_SIZE, role: null });
  readonly members = signal<Page<MemberView> | null>(null);
  readonly loadingMembers = signal(false);
  readonly invitations = signal<InvitationView[]>([]);
  readonly pendingInvitations = computed(() => this.invitations().filter((inv) => inv.status === 'pending'));

  private readonly membersRequest = computed<MembersRequest | null>(() => {
    const orgId = this.orgId();
    return orgId ? { orgId, query: this.query(), version: this.version() } : null;
  });

  constructor() {
    // switchMap: when the filter or page changes mid-flight, the older answer is dropped.
    toObservable(this.membersRequest)
      .pipe(
        filter((request): request is MembersRequest => request !== null),
        tap(() => this.loadingMembers.set(true)),
        switchMap(({ orgId, query }) =>
          this.api.listMembers(orgId, query).pipe(
            catchError((error: unknown) => this.fail(error)),
            finalize(() => this.loadingMembers.set(false)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.members.set(page));

    toObservable(this.orgId)
      .pipe(
        filter((orgId): orgId is string => orgId !== null),
        // The API has no status filter yet: the newest page holds the pending ones that matter.
        switchMap((orgId) =>
          this.api
            .listInvitations(orgId, { page: 1, pageSize: MAX_PAGE_SIZE })
            .pipe(catchError((error: unknown) => this.fail(error))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.invitations.set(page.items));
  }

  /** Shows the organization's members from the first page, unfiltered. */
  open(orgId: string): void {
    if (orgId === this.orgId()) return;
    this.members.set(null);
    this.invitations.set([]);
    this.query.set({ page: 1, pageSize: DEFAULT_PAGE_SIZE, role: null });
    this.orgId.set(orgId);
  }

  filterByRole(role: OrganizationRole | null): void {
    this.query.update((query) => ({ ...query, role, page: 1 }));
  }

  goToPage(page: number, pageSize: number): void {
    this.query.update((query) => ({
      ...query,
      pageSize,
      // A new page size starts again from the first page.
      page: pageSize === query.pageSize ? page : 1,
    }));
  }

  invite(request: InviteMemberRequest): Observable<InvitationView> {
    const orgId = this.requireOrgId();
    return this.api
      .inviteMember(orgId, request)
      .pipe(tap((invitation) => this.invitations.update((list) => [invitation, ...list])));
  }

  changeRoles(userId: string, roles: OrganizationRole[]): Observable<MemberView> {
    const orgId = this.requireOrgId();
    return this.api.changeMemberRoles(orgId, userId, { roles }).pipe(
      tap((updated) => {
        const role = this.query().role;
        if (role && !updated.roles.includes(role)) {
          // The member left the filtered set: load the page again rather than show a stale row.
          this.version.update((v) => v + 1);
          return;
        }
        this.members.update(
          (page) =>
            page && {
              ...page,
              items: page.items.map((member) => (member.userId === userId ? updated : member)),
            },
        );
      }),
    );
  }

  private requireOrgId(): string {
    const orgId = this.orgId();
    if (!orgId) throw new Error('MembersStore: no organization is open.');
    return orgId;
  }

  private fail(error: unknown): Observable<never> {
    this.notifier.show(error);
    return EMPTY;
  }
}
