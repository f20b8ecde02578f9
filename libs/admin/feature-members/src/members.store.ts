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
import { EMPTY, Observable, catchError, filter, finalize, switchMap, tap, throwError } from 'rxjs';
import { InvitationsApi, MembersApi, type MemberQuery } from '@mentorship/admin/data-access-organizations';
import { ErrorNotifier, tablePaging, type PageRequest } from '@mentorship/admin/ui';

interface MembersRequest {
  orgId: string;
  query: MemberQuery;
  /** Bumped to load the same page again after a change. */
  version: number;
}

/** The members page's state: one page of members, the role filter, and pending invitations. */
@Injectable()
export class MembersStore {
  private readonly membersApi = inject(MembersApi);
  private readonly invitationsApi = inject(InvitationsApi);
  private readonly notifier = inject(ErrorNotifier);

  private readonly orgId = signal<string | null>(null);
  private readonly version = signal(0);
  readonly query = signal<MemberQuery>({ page: 1, pageSize: DEFAULT_PAGE_SIZE, role: null });
  readonly members = signal<Page<MemberView> | null>(null);
  readonly loadingMembers = signal(false);
  readonly paging = tablePaging(this.members, this.query);
  /** Pending invitations, newest first (the API filters by status). */
  readonly invitations = signal<InvitationView[]>([]);
  /** How many are pending in all; more than are listed only past the API's largest page. */
  readonly pendingTotal = signal(0);
  private readonly invitationsVersion = signal(0);

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
          this.membersApi.list(orgId, query).pipe(
            catchError((error: unknown) => this.fail(error)),
            finalize(() => this.loadingMembers.set(false)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.members.set(page));

    toObservable(computed(() => ({ orgId: this.orgId(), version: this.invitationsVersion() })))
      .pipe(
        filter((request): request is { orgId: string; version: number } => request.orgId !== null),
        switchMap(({ orgId }) =>
          this.invitationsApi
            .list(orgId, { page: 1, pageSize: MAX_PAGE_SIZE, status: 'pending' })
            .pipe(catchError((error: unknown) => this.fail(error))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.invitations.set(page.items);
        this.pendingTotal.set(page.total);
      });
  }

  /** Shows the organization's members from the first page, unfiltered. */
  open(orgId: string): void {
    if (orgId === this.orgId()) return;
    this.members.set(null);
    this.invitations.set([]);
    this.pendingTotal.set(0);
    this.query.set({ page: 1, pageSize: DEFAULT_PAGE_SIZE, role: null });
    this.orgId.set(orgId);
  }

  filterByRole(role: OrganizationRole | null): void {
    this.query.update((query) => ({ ...query, role, page: 1 }));
  }

  goToPage({ page, pageSize }: PageRequest): void {
    this.query.update((query) => ({ ...query, page, pageSize }));
  }

  invite(request: InviteMemberRequest): Observable<InvitationView> {
    const orgId = this.requireOrgId();
    return this.invitationsApi.invite(orgId, request).pipe(
      tap((invitation) => {
        this.invitations.update((list) => [invitation, ...list]);
        this.pendingTotal.update((total) => total + 1);
      }),
    );
  }

  /** Withdraws a pending invitation. When it was no longer pending, the list is fetched again. */
  withdraw(invitationId: string): Observable<void> {
    const orgId = this.requireOrgId();
    return this.invitationsApi.revoke(orgId, invitationId).pipe(
      tap(() => {
        this.invitations.update((list) => list.filter((invitation) => invitation.id !== invitationId));
        this.pendingTotal.update((total) => Math.max(0, total - 1));
      }),
      catchError((error: unknown) => {
        this.invitationsVersion.update((v) => v + 1);
        return throwError(() => error);
      }),
    );
  }

  /**
   * Removes a member, then loads the page again (totals and page boundaries move) unless told
   * not to: someone who removed themselves can no longer read the list.
   */
  remove(userId: string, { reload = true }: { reload?: boolean } = {}): Observable<void> {
    const orgId = this.requireOrgId();
    return this.membersApi.remove(orgId, userId).pipe(
      tap(() => {
        if (!reload) return;
        const page = this.members();
        const query = this.query();
        if (page && page.items.length === 1 && query.page > 1) {
          // The last row of the last page: show the page before it.
          this.query.set({ ...query, page: query.page - 1 });
        } else {
          this.version.update((v) => v + 1);
        }
      }),
    );
  }

  changeRoles(userId: string, roles: OrganizationRole[]): Observable<MemberView> {
    const orgId = this.requireOrgId();
    return this.membersApi.changeRoles(orgId, userId, { roles }).pipe(
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
